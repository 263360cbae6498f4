package com.dealbridge.sync.inbox;

/**
 * The domain's projections of one aggregate, as the inbox applies received events to them: load, apply each
 * event in order, save once. Applying must be idempotent, since a crash or a lost race repeats it.
 *
 * @param <W> what one load holds (the aggregate's document and whatever the events touch)
 */
public interface Replica<W> {

    /** What applying needs, never null: a working set for an aggregate not known yet has every mark at 0. */
    W load(String aggregateId);

    /** The last sequence of {@code origin} applied (contiguously from 1). */
    long mark(W working, String origin);

    /** How many received events of the aggregate wait behind a missing one. */
    long parked(W working);

    void setParked(W working, long parked);

    /**
     * Checks a received event against the aggregate as loaded, before anything of it is stored: what this check
     * refuses never takes a place in the log, so the genuine event with the same sequence number is still
     * accepted after it. Refuse here whatever can be decided without applying the events before it (who may
     * change the aggregate, what the rules never allow); {@link #apply} checks again what depends on them.
     *
     * @throws InvalidEventException refused: dead-lettered, nothing stored
     */
    default void check(W working, Received.Sequenced event) {
    }

    /**
     * Applies the next event of its origin (the mark moves to its sequence).
     *
     * @throws InvalidEventException refused: dead-lettered, and the origin's later events wait behind it; whatever
     *                               it changed in {@code working} before is dropped (the inbox loads the aggregate
     *                               again and applies the other events without it)
     */
    void apply(W working, Received.Sequenced event);

    /** Handles a record without a place in the sequence (a file chunk), after the events of the same poll. */
    void receive(W working, Received.Unsequenced message);

    /** @throws ConcurrentChangeException another writer saved meanwhile: the inbox loads and applies again */
    void save(W working);
}
