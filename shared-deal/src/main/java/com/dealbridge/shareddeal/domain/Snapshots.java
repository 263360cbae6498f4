package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.SyncClock;

import java.time.Instant;
import java.util.List;

/**
 * Repair by snapshot: a side republishes its whole shared state of a deal as facts; the other side merges them by
 * the usual rules (last writer wins per field, tombstones win) without adding them to its Shared tab, and takes
 * the tab's lines along by event id.
 */
final class Snapshots {

    private Snapshots() {
    }

    static int publish(SharedDeal deal, List<ActivityEntry> tab, SyncClock clock, Actor actor) {
        DealFacts facts = deal.facts();
        List<SharedDealEvent> snapshotFacts = SnapshotFacts.of(facts, deal.allNotes(), facts.localSequence() + 1);
        List<List<SharedDealEvent>> factParts = SnapshotParts.split(snapshotFacts, SnapshotParts::estimate);
        List<List<ActivityEntry>> activityParts = SnapshotParts.split(tab, SnapshotParts::estimate);
        int parts = Math.max(factParts.size(), activityParts.size());
        long receivedUpTo = facts.highWaterMark(facts.side().other());
        for (int i = 0; i < parts; i++) {
            int part = i + 1;
            List<SharedDealEvent> partFacts = i < factParts.size() ? factParts.get(i) : List.of();
            List<ActivityEntry> partActivity = i < activityParts.size() ? activityParts.get(i) : List.of();
            deal.record(header -> new SharedDealSnapshot(header, part, parts, partFacts, partActivity,
                    receivedUpTo), clock, actor);
        }
        return parts;
    }

    /** Merges the other side's facts by the usual rules, quietly, then its Shared tab entries by event id. */
    static void merge(SharedDeal deal, SharedDealSnapshot snapshot, SyncClock clock, SyncPolicy policy) {
        DealFacts facts = deal.facts();
        clock.observe(snapshot.header().hlc());
        Instant before = facts.updatedAt();
        for (SharedDealEvent fact : snapshot.facts()) {
            if (!facts.id().value().equals(fact.header().sharedDealId())
                    || fact instanceof SharedDealSnapshot || fact instanceof AttachmentChunk) {
                throw new IllegalArgumentException("snapshot of deal " + facts.id() + " holds a foreign fact "
                        + fact.type() + " of deal " + fact.header().sharedDealId());
            }
            if (fact instanceof SharedDealRegistered registration) {
                if (!facts.registered()) {
                    facts.applyRegistration(registration);
                }
                continue;
            }
            // a fact is a value the sender holds: its origin must have been allowed to set it
            Lifecycle.checkIncoming(fact, policy);
            clock.observe(fact.header().hlc());
            deal.dispatch(fact);
        }
        deal.importActivity(snapshot.activity());
        facts.raiseLocalSequence(snapshot.receivedUpTo());
        Instant received = snapshot.header().occurredAt();
        facts.forceUpdatedAt(before == null || received.isAfter(before) ? received : before);
    }
}
