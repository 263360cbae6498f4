package com.dealbridge.shareddeal.domain;

/** A user commented on a shared note. */
public record NoteCommentAdded(EventHeader header, String noteId, String commentId, String body)
        implements SharedDealEvent {

    @Override
    public NoteCommentAdded withHeader(EventHeader header) {
        return new NoteCommentAdded(header, noteId, commentId, body);
    }
}
