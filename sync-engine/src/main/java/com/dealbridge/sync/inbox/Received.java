package com.dealbridge.sync.inbox;

import com.dealbridge.sync.log.LogEntry;

/** A consumed record the inbox can work with. */
public sealed interface Received permits Received.Sequenced, Received.Unsequenced {

    String aggregateId();

    /**
     * An event with its place in its origin's sequence: logged, deduplicated, applied in order.
     *
     * @param event      the decoded event, for the replica
     * @param coversGap  the event stands for everything its origin decided up to it (a snapshot): applied even
     *                   after a gap, which it closes
     */
    record Sequenced(LogEntry entry, Object event, boolean coversGap) implements Received {

        @Override
        public String aggregateId() {
            return entry.aggregateId();
        }
    }

    /** A record that follows an event without a place of its own (a file chunk): idempotent by itself. */
    record Unsequenced(String aggregateId, Object message) implements Received {
    }
}
