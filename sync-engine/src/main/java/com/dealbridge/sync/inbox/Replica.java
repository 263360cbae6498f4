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
     * Applies the next event of its origin (the mark moves to its sequence).
     *
     * @throws InvalidEventException refused: dead-lettered, and the origin's later events wait behind it
     */
    void apply(W working, Received.Sequenced event);

    /** Handles a record without a place in the sequence (a file chunk), after the events of the same poll. */
    void receive(W working, Received.Unsequenced message);

    /** @throws ConcurrentChangeException another writer saved meanwhile: the inbox loads and applies again */
    void save(W working);
}
