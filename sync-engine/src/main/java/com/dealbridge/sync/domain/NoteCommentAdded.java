package com.dealbridge.sync.domain;

/** A user commented on a shared note. */
public record NoteCommentAdded(EventHeader header, String noteId, String commentId, String body)
        implements SharedDealEvent {
}
