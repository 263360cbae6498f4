package com.dealbridge.shareddeal.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The notes of one deal that a change can see. A replica kept in memory holds them all; the store loads only the
 * notes a change touches (with their comments and attachments), so the cost of a change does not grow with the
 * deal.
 */
public interface NoteBook {

    /** The note, deleted or not; empty when this book does not hold it. */
    Optional<SharedNote> find(String noteId);

    /** Adds a new note (or the tombstone of one never seen). */
    void add(SharedNote note);

    /** Every note this book holds, in the order they were added to it. */
    Collection<SharedNote> held();

    /** A book holding notes in memory, e.g. every note of a deal. */
    static NoteBook inMemory() {
        return new InMemory();
    }

    final class InMemory implements NoteBook {

        private final Map<String, SharedNote> notes = new LinkedHashMap<>();

        @Override
        public Optional<SharedNote> find(String noteId) {
            return Optional.ofNullable(notes.get(noteId));
        }

        @Override
        public void add(SharedNote note) {
            notes.putIfAbsent(note.id(), note);
        }

        @Override
        public Collection<SharedNote> held() {
            return notes.values();
        }
    }
}
