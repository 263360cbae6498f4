package com.dealbridge.sync.domain;

/** Either side deleted a comment: a tombstone. */
public record NoteCommentDeleted(EventHeader header, String noteId, String commentId) implements SharedDealEvent {
}
