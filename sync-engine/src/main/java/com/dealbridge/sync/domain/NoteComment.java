package com.dealbridge.sync.domain;

import java.time.Instant;

/** A comment on a shared note. A deleted comment stays as a tombstone without its text. */
public final class NoteComment {

    private String id;
    private String body;
    private Author author;
    private Instant createdAt;
    private boolean deleted;

    private NoteComment() {
    }

    static NoteComment added(String id, String body, Author author, Instant createdAt) {
        NoteComment comment = new NoteComment();
        comment.id = id;
        comment.body = body;
        comment.author = author;
        comment.createdAt = createdAt;
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

    public boolean deleted() {
        return deleted;
    }
}
