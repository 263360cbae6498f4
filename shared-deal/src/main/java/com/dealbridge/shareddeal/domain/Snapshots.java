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

    /**
     * Merges the other side's facts by the usual rules, quietly, then its Shared tab entries by event id. All or
     * nothing: every fact is checked before the first is merged.
     *
     * @throws SyncRuleViolation a fact its origin was not allowed to set ({@link #check})
     * @throws IllegalArgumentException a fact of another deal or partner, or one a snapshot cannot hold
     */
    static void merge(SharedDeal deal, SharedDealSnapshot snapshot, SyncClock clock, SyncPolicy policy) {
        DealFacts facts = deal.facts();
        for (SharedDealEvent fact : snapshot.facts()) {
            if (!facts.id().value().equals(fact.header().sharedDealId())
                    || fact instanceof SharedDealSnapshot || fact instanceof AttachmentChunk) {
                throw new IllegalArgumentException("snapshot of deal " + facts.id() + " holds a foreign fact "
                        + fact.type() + " of deal " + fact.header().sharedDealId());
            }
            if (!facts.partnerId().equals(fact.header().partnerId())) {
                throw new IllegalArgumentException("snapshot of deal " + facts.id() + " holds a " + fact.type()
                        + " fact of partner " + fact.header().partnerId() + ", not the deal's");
            }
        }
        check(snapshot, policy);
        clock.observe(snapshot.header().hlc());
        Instant before = facts.updatedAt();
        for (SharedDealEvent fact : snapshot.facts()) {
            if (fact instanceof SharedDealRegistered registration) {
                if (!facts.registered()) {
                    facts.applyRegistration(registration);
                }
                continue;
            }
            clock.observe(fact.header().hlc());
            deal.dispatch(fact);
        }
        deal.importActivity(snapshot.activity());
        facts.raiseLocalSequence(snapshot.receivedUpTo());
        Instant received = snapshot.header().occurredAt();
        facts.forceUpdatedAt(before == null || received.isAfter(before) ? received : before);
    }

    /**
     * A fact is a value the sender holds: its origin must have been allowed to set it (the registration is the
     * deal's creation, checked when it was received). A fact carrying the registration's own stamp is a value the
     * registration set and nothing changed since (e.g. the deal name under PARTNER_TO_CRM_AT_CREATION, or the
     * partner's first stage under CRM_TO_PARTNER): it is part of the creation, not a change. It cannot change
     * anything either: last-writer-wins keeps a value whose stamp is not newer.
     *
     * @throws SyncRuleViolation naming the first fact this side's policy does not allow
     */
    static void check(SharedDealSnapshot snapshot, SyncPolicy policy) {
        Stamp registered = snapshot.facts().stream().filter(SharedDealRegistered.class::isInstance)
                .map(fact -> fact.header().stamp()).findFirst().orElse(null);
        for (SharedDealEvent fact : snapshot.facts()) {
            if (!(fact instanceof SharedDealRegistered) && !fact.header().stamp().equals(registered)) {
                try {
                    Lifecycle.checkIncoming(fact, policy);
                } catch (SyncRuleViolation e) {
                    throw new SyncRuleViolation("its " + fact.type() + " fact (from the " + fact.header().origin()
                            + "): " + e.getMessage());
                }
            }
        }
    }
}
