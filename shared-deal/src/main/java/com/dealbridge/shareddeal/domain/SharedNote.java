package com.dealbridge.shareddeal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A shared note with its comments and attachments. Its text is last-writer-wins by (hlc, origin); a deleted note
 * is a tombstone that keeps only its id, so nothing arriving later brings it back.
 */
public final class SharedNote {

    /** Oldest first; tombstones (no stamp) last. */
    static final Comparator<Stamp> CREATION = Comparator.nullsLast(Comparator.naturalOrder());

    private String id;
    private String body;
    private Author author;
    private Instant createdAt;
    private Stamp createdStamp;
    private Instant editedAt;
    private Stamp bodyStamp;
    private boolean deleted;
    private List<NoteComment> comments = new ArrayList<>();
    private List<NoteAttachment> attachments = new ArrayList<>();

    /** What a note holds apart from its comments and attachments, for the store to write and read back. */
    public record State(String id, String body, Author author, Instant createdAt, Stamp createdStamp,
                        Instant editedAt, Stamp bodyStamp, boolean deleted) {
    }

    private SharedNote() {
    }

    /** A note as stored, with its comments and attachments (deleted ones included). */
    public static SharedNote restore(State state, List<NoteComment> comments, List<NoteAttachment> attachments) {
        SharedNote note = new SharedNote();
        note.id = state.id();
        note.body = state.body();
        note.author = state.author();
        note.createdAt = state.createdAt();
        note.createdStamp = state.createdStamp();
        note.editedAt = state.editedAt();
        note.bodyStamp = state.bodyStamp();
        note.deleted = state.deleted();
        note.comments.addAll(comments);
        note.attachments.addAll(attachments);
        return note;
    }

    public State state() {
        return new State(id, body, author, createdAt, createdStamp, editedAt, bodyStamp, deleted);
    }

    static SharedNote added(SharedNoteAdded event) {
        SharedNote note = new SharedNote();
        note.id = event.noteId();
        note.body = event.body();
        note.author = Author.of(event.header());
        note.createdAt = event.header().occurredAt();
        note.createdStamp = event.header().stamp();
        note.bodyStamp = event.header().stamp();
        return note;
    }

    static SharedNote tombstone(String id) {
        SharedNote note = new SharedNote();
        note.id = id;
        note.deleted = true;
        return note;
    }

    void edit(String newBody, Stamp stamp, Instant at) {
        if (!deleted && stamp.supersedes(bodyStamp)) {
            body = newBody;
            bodyStamp = stamp;
            editedAt = at;
        }
    }

    /** Deletes the note with its comments and attachments; the attachments' files are purged by the store. */
    void delete() {
        deleted = true;
        body = null;
        comments.forEach(NoteComment::delete);
        attachments.forEach(NoteAttachment::delete);
    }

    void addComment(NoteComment comment) {
        if (comment(comment.id()).isEmpty()) {
            comments.add(comment);
        }
    }

    void addAttachment(NoteAttachment attachment) {
        if (attachment(attachment.id()).isEmpty()) {
            attachments.add(attachment);
        }
    }

    public Optional<NoteComment> comment(String commentId) {
        return comments.stream().filter(c -> c.id().equals(commentId)).findFirst();
    }

    public Optional<NoteAttachment> attachment(String attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    public String id() {
        return id;
    }

    public String body() {
        return body;
    }

    public Author author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public boolean deleted() {
        return deleted;
    }

    /** Comments not deleted, oldest first by (hlc, origin): the same order on both sides. */
    public List<NoteComment> comments() {
        return comments.stream().filter(c -> !c.deleted())
                .sorted(Comparator.comparing(NoteComment::createdStamp, CREATION)).toList();
    }

    /** Attachments not deleted, oldest first by (hlc, origin): the same order on both sides. */
    public List<NoteAttachment> attachments() {
        return attachments.stream().filter(a -> !a.deleted())
                .sorted(Comparator.comparing(NoteAttachment::createdStamp, CREATION)).toList();
    }

    /** When it was written, by (hlc, origin): the order both sides list notes in. Null for a tombstone. */
    public Stamp createdStamp() {
        return createdStamp;
    }

    public Stamp bodyStamp() {
        return bodyStamp;
    }

    /** Every comment, deleted ones included. */
    public List<NoteComment> allComments() {
        return List.copyOf(comments);
    }

    /** Every attachment, deleted ones included. */
    public List<NoteAttachment> allAttachments() {
        return List.copyOf(attachments);
    }
}
