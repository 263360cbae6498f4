package com.dealbridge.shareddeal.domain;

/** Either side deleted a note, with its comments and attachments: a tombstone. */
public record SharedNoteDeleted(EventHeader header, String noteId) implements SharedDealEvent {

    @Override
    public SharedNoteDeleted withHeader(EventHeader header) {
        return new SharedNoteDeleted(header, noteId);
    }
}
