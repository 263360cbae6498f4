package com.dealbridge.shareddeal.domain;

/** The note's own side replaced its text (last writer wins per note; never revives a deleted note). */
public record SharedNoteEdited(EventHeader header, String noteId, String body) implements SharedDealEvent {

    @Override
    public SharedNoteEdited withHeader(EventHeader header) {
        return new SharedNoteEdited(header, noteId, body);
    }
}
