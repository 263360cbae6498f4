package com.dealbridge.sync.domain;

/** A user added a shared note; its author is the header's actor on the header's side. */
public record SharedNoteAdded(EventHeader header, String noteId, String body) implements SharedDealEvent {
}
