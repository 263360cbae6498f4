package com.dealbridge.partner.note;

import java.time.Instant;

/** The API shape of a private note; the partner id stays internal (the caller knows whose deal it is). */
record PrivateNoteView(String id, String dealId, String body, NoteAuthor author, Instant createdAt) {

    static PrivateNoteView of(PrivateNoteDocument note) {
        return new PrivateNoteView(note.id(), note.dealId(), note.body(), note.author(), note.createdAt());
    }
}
