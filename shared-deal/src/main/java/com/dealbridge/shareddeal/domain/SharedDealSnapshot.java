package com.dealbridge.shareddeal.domain;

import java.util.List;

/**
 * A side's whole shared state of a deal, republished to repair the other side's replica. The state travels as
 * facts: the shared events that recreate it, each stamped with the clock reading and side of the value it carries,
 * which the receiver merges by the usual rules without adding them to the Shared tab; the tab's entries come
 * along in {@code activity}. A snapshot covers its sender's sequence up to its own, so it is applied even after a
 * gap. Large deals are sent in several parts, each its own sequenced event.
 *
 * @param receivedUpTo the last sequence of the receiver's own events the sender had applied: a receiver rebuilt
 *                     from an old backup carries on after it instead of reusing numbers it already published
 */
public record SharedDealSnapshot(EventHeader header, int part, int parts, List<SharedDealEvent> facts,
                                 List<ActivityEntry> activity, long receivedUpTo) implements SharedDealEvent {

    public SharedDealSnapshot {
        facts = List.copyOf(facts);
        activity = List.copyOf(activity);
        if (part < 1 || part > parts) {
            throw new IllegalArgumentException("snapshot part " + part + " of " + parts);
        }
    }

    @Override
    public SharedDealSnapshot withHeader(EventHeader header) {
        return new SharedDealSnapshot(header, part, parts, facts, activity, receivedUpTo);
    }
}
