package com.dealbridge.sync.domain;

import java.time.Instant;

/** A comment on a shared note. A deleted comment stays as a tombstone without its text. */
public final class NoteComment {

    private String id;
    private String body;
    private Author author;
    private Instant createdAt;
    private Stamp createdStamp;
    private boolean deleted;

    private NoteComment() {
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
