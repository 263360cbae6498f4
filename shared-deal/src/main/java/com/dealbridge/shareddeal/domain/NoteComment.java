package com.dealbridge.shareddeal.domain;

import java.time.Instant;

/** A comment on a shared note. A deleted comment stays as a tombstone without its text. */
public final class NoteComment {

    private String id;
    private String body;
    private Author author;
    private Instant createdAt;
    private Stamp createdStamp;
    private boolean deleted;

    /** What a comment holds, for the store to write and read back. */
    public record State(String id, String body, Author author, Instant createdAt, Stamp createdStamp,
                        boolean deleted) {
    }

    private NoteComment() {
    }

    public static NoteComment restore(State state) {
        NoteComment comment = new NoteComment();
        comment.id = state.id();
        comment.body = state.body();
        comment.author = state.author();
        comment.createdAt = state.createdAt();
        comment.createdStamp = state.createdStamp();
        comment.deleted = state.deleted();
        return comment;
    }

    public State state() {
        return new State(id, body, author, createdAt, createdStamp, deleted);
    }

    static NoteComment added(String id, String body, EventHeader header) {
        NoteComment comment = new NoteComment();
        comment.id = id;
        comment.body = body;
        comment.author = Author.of(header);
        comment.createdAt = header.occurredAt();
        comment.createdStamp = header.stamp();
        return comment;
    }

    static NoteComment tombstone(String id) {
        NoteComment comment = new NoteComment();
        comment.id = id;
        comment.deleted = true;
        return comment;
    }

    void delete() {
        deleted = true;
        body = null;
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

    /** When it was written, by (hlc, origin): the order both sides list comments in. Null for a tombstone. */
    public Stamp createdStamp() {
        return createdStamp;
    }

    public boolean deleted() {
        return deleted;
    }
}
