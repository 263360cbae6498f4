package com.dealbridge.shareddeal.notes;

import com.dealbridge.shareddeal.domain.Author;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.NoteComment;
import com.dealbridge.shareddeal.domain.SharedNote;
import java.time.Instant;
import java.util.List;

/** A shared note as both services return it (API.md "Shared note"). */
public record NoteView(String id, String body, Author author, Instant createdAt, Instant editedAt,
                       List<CommentView> comments, List<AttachmentView> attachments) {

    public record CommentView(String id, String noteId, String body, Author author, Instant createdAt) {

        static CommentView of(String noteId, NoteComment comment) {
            return new CommentView(comment.id(), noteId, comment.body(), comment.author(), comment.createdAt());
        }
    }

    public record AttachmentView(String id, String noteId, String fileName, String contentType, long size,
                                 String sha256, String status, Author author, Instant createdAt) {

        static AttachmentView of(String noteId, NoteAttachment attachment) {
            return new AttachmentView(attachment.id(), noteId, attachment.fileName(), attachment.contentType(),
                    attachment.size(), attachment.sha256(), attachment.status().name(), attachment.author(),
                    attachment.createdAt());
        }
    }

    static NoteView of(SharedNote note) {
        return new NoteView(note.id(), note.body(), note.author(), note.createdAt(), note.editedAt(),
                note.comments().stream().map(c -> CommentView.of(note.id(), c)).toList(),
                note.attachments().stream().map(a -> AttachmentView.of(note.id(), a)).toList());
    }
}
