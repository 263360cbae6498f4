package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.NoteBook;
import com.dealbridge.shareddeal.domain.NoteComment;
import com.dealbridge.shareddeal.domain.SharedNote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The notes one change of a deal touches: each loaded from the store the first time the rules ask for it (with its
 * comments and attachments), remembered as loaded so that saving writes only what changed.
 *
 * <p>Synchronized: the lane hands the one document of a batch to every request of that batch, and their threads
 * read notes from it at the same time (a note not loaded yet is loaded then, which writes the map).
 */
final class LoadedNotes implements NoteBook {

    /** A note as loaded: its documents' versions and states, to compare with on save. */
    record Loaded(SharedNote note, long version, SharedNote.State state, Map<String, Long> commentVersions,
                  Map<String, NoteComment.State> comments, Map<String, Long> attachmentVersions,
                  Map<String, NoteAttachment.State> attachments) {

        static Loaded fresh(SharedNote note) {
            return new Loaded(note, 0, null, Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    private final Function<String, Optional<Loaded>> loader;
    private final Map<String, Optional<Loaded>> notes = new LinkedHashMap<>();
    private boolean complete;

    LoadedNotes(Function<String, Optional<Loaded>> loader) {
        this.loader = loader;
    }

    @Override
    public synchronized Optional<SharedNote> find(String noteId) {
        return notes.computeIfAbsent(noteId, loader).map(Loaded::note);
    }

    @Override
    public synchronized void add(SharedNote note) {
        Optional<Loaded> known = notes.get(note.id());
        if (known == null || known.isEmpty()) {
            notes.put(note.id(), Optional.of(Loaded.fresh(note)));
        }
    }

    @Override
    public synchronized Collection<SharedNote> held() {
        List<SharedNote> held = new ArrayList<>();
        notes.values().forEach(loaded -> loaded.ifPresent(l -> held.add(l.note())));
        return held;
    }

    /** A note id just made here: nothing to load (saves a read on the hot path). */
    synchronized void assumeNew(String noteId) {
        notes.putIfAbsent(noteId, Optional.empty());
    }

    /** Every note of the deal (for snapshots); notes already loaded stay as they are. */
    synchronized void loadAll(List<Loaded> all) {
        all.forEach(loaded -> notes.putIfAbsent(loaded.note().id(), Optional.of(loaded)));
        complete = true;
    }

    synchronized boolean complete() {
        return complete;
    }

    synchronized Collection<Loaded> loaded() {
        List<Loaded> loaded = new ArrayList<>();
        notes.values().forEach(l -> l.ifPresent(loaded::add));
        return loaded;
    }

    /** After a save: what was written is what is loaded now. */
    synchronized void saved(Map<String, Loaded> written) {
        written.forEach((id, loaded) -> notes.put(id, Optional.of(loaded)));
    }

}
