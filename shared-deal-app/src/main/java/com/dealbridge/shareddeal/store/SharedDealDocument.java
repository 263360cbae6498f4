package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.SharedDeal;

/**
 * One shared deal on one side as a change sees it: the deal's document (its facts, this side's own deal id, its
 * version) and the notes the change touched. Changes run one batch at a time per deal, so a document is never
 * shared between threads.
 */
public final class SharedDealDocument {

    private final String id;
    private LoadedNotes notes;
    private SharedDeal deal;
    private boolean stored;
    private long version;
    private DealFacts.State loadedFacts;
    private String localDealId;
    private String loadedLocalDealId;
    private long parked;
    private long loadedParked;
    private long publishedUpTo = -1;
    private LastSave lastSave;
    private final java.util.List<Runnable> afterSave = new java.util.ArrayList<>();
    private final java.util.List<com.dealbridge.shareddeal.domain.SharedDealEvent> applied =
            new java.util.ArrayList<>();

    SharedDealDocument(String id, LoadedNotes notes) {
        this.id = id;
        this.notes = notes;
    }

    /** As stored: a deal document that exists. */
    void loaded(DealFacts.State facts, long version, String localDealId, long parked) {
        this.deal = SharedDeal.restore(DealFacts.restore(facts), notes);
        this.stored = true;
        this.version = version;
        this.loadedFacts = facts;
        this.localDealId = localDealId;
        this.loadedLocalDealId = localDealId;
        this.parked = parked;
        this.loadedParked = parked;
    }

    /** A deal this side did not hold yet. */
    void created(SharedDeal deal) {
        this.deal = deal;
    }

    /** Before a save: nothing of the deal document written by it yet. */
    void saving() {
        this.lastSave = null;
    }

    void saved(long newVersion) {
        this.lastSave = new LastSave(stored ? loadedFacts : null, loadedLocalDealId);
        this.stored = true;
        this.version = newVersion;
        this.loadedFacts = deal.facts().state();
        this.loadedLocalDealId = localDealId;
        this.loadedParked = parked;
    }

    /** Takes over another load of the same deal (after losing a race, the fresh state goes on). */
    void replaceWith(SharedDealDocument fresh) {
        if (!fresh.id.equals(id)) {
            throw new IllegalArgumentException("not the same deal: " + fresh.id);
        }
        this.notes = fresh.notes;
        this.deal = fresh.deal;
        this.stored = fresh.stored;
        this.version = fresh.version;
        this.loadedFacts = fresh.loadedFacts;
        this.localDealId = fresh.localDealId;
        this.loadedLocalDealId = fresh.loadedLocalDealId;
        this.parked = fresh.parked;
        this.loadedParked = fresh.loadedParked;
    }

    boolean changed() {
        return !stored || !deal.facts().state().equals(loadedFacts)
                || !java.util.Objects.equals(localDealId, loadedLocalDealId) || parked != loadedParked;
    }

    public String id() {
        return id;
    }

    /** The stored version (a deal document's writes are numbered): null before the first save. */
    public Long version() {
        return stored ? version : null;
    }

    long storedVersion() {
        return version;
    }

    boolean stored() {
        return stored;
    }

    /** The replica; null while this side does not hold the deal. */
    public SharedDeal deal() {
        return deal;
    }

    boolean exists() {
        return deal != null;
    }

    public String localDealId() {
        return localDealId;
    }

    /** Links the shared deal to this side's own deal record. */
    public void linkLocalDeal(String localDealId) {
        this.localDealId = localDealId;
    }

    long parked() {
        return parked;
    }

    void parked(long parked) {
        this.parked = parked;
    }

    /** A note id just made on this side: there is nothing to load for it (saves a read when adding a note). */
    public void assumeNewNote(String noteId) {
        notes.assumeNew(noteId);
    }

    LoadedNotes notes() {
        return notes;
    }

    /** A received event applied to this document, for the listeners once it is saved. */
    void applied(com.dealbridge.shareddeal.domain.SharedDealEvent event) {
        applied.add(event);
    }

    java.util.List<com.dealbridge.shareddeal.domain.SharedDealEvent> drainApplied() {
        java.util.List<com.dealbridge.shareddeal.domain.SharedDealEvent> drained = java.util.List.copyOf(applied);
        applied.clear();
        return drained;
    }

    /** Work that may only happen once this document's changes are saved (removing files, staged chunks). */
    void afterSave(Runnable work) {
        afterSave.add(work);
    }

    java.util.List<Runnable> drainAfterSave() {
        java.util.List<Runnable> drained = java.util.List.copyOf(afterSave);
        afterSave.clear();
        return drained;
    }

    /**
     * Whether the last save of this document changed what {@code view} shows of the deal, or linked it to a local
     * deal, or stored it for the first time: lets a listener skip work when, say, only a note was added.
     */
    public boolean lastSaveChanged(java.util.function.Function<DealFacts.State, ?> view) {
        if (lastSave == null) {
            return false;
        }
        return lastSave.facts() == null || !java.util.Objects.equals(lastSave.localDealId(), localDealId)
                || !java.util.Objects.equals(view.apply(lastSave.facts()), view.apply(loadedFacts));
    }

    /** What the deal document held before its last save (null facts: it was new). */
    private record LastSave(DealFacts.State facts, String localDealId) {
    }

    void publishedUpTo(long publishedUpTo) {
        this.publishedUpTo = publishedUpTo;
    }

    /** PENDING while this side's own changes are not yet acknowledged by Kafka. */
    public boolean inSync() {
        return publishedUpTo >= 0 && deal != null && publishedUpTo >= deal.localSequence();
    }
}
