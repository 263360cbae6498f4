package com.dealbridge.shareddeal.domain;

/** Either side deleted a comment: a tombstone. */
public record NoteCommentDeleted(EventHeader header, String noteId, String commentId) implements SharedDealEvent {

    @Override
    public NoteCommentDeleted withHeader(EventHeader header) {
        return new NoteCommentDeleted(header, noteId, commentId);
    }
}
