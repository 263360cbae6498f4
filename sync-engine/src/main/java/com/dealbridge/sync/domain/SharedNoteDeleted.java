package com.dealbridge.sync.domain;

/** Either side deleted a note, with its comments and attachments: a tombstone. */
public record SharedNoteDeleted(EventHeader header, String noteId) implements SharedDealEvent {
}
