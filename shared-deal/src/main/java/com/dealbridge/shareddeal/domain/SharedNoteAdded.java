package com.dealbridge.shareddeal.domain;

/** A user added a shared note; its author is the header's actor on the header's side. */
public record SharedNoteAdded(EventHeader header, String noteId, String body) implements SharedDealEvent {

    @Override
    public SharedNoteAdded withHeader(EventHeader header) {
        return new SharedNoteAdded(header, noteId, body);
    }
}
