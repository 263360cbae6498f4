package com.dealbridge.partner.note;

/**
 * Who wrote a note, copied at write time so the note keeps the name it was written under. {@code side} is always
 * {@code PARTNER} here; it is kept so a note has the same author shape as a shared note.
 */
record NoteAuthor(String side, String id, String name) {

    static final String PARTNER_SIDE = "PARTNER";

    static NoteAuthor partnerUser(String id, String name) {
        return new NoteAuthor(PARTNER_SIDE, id, name);
    }
}
