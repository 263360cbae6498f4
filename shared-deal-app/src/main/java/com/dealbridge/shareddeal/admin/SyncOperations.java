package com.dealbridge.shareddeal.admin;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDealNotFoundException;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sync operations of a side: its status, the replay of its dead letters and the resync of a deal. One service
 * for the admin API ({@link SyncAdminController}, {@link ResyncController}) and an admin page (the CRM's *Sync
 * health*), so both show and do exactly the same.
 */
public class SyncOperations {

    private static final int LIMIT = 100;

    private final SharedDeals sharedDeals;
    private final ChangeLog changeLog;
    private final DeadLetters deadLetters;
    private final Inbox<?> inbox;
    private final String outboundTopic;
    private final String inboundTopic;

    public SyncOperations(SharedDeals sharedDeals, ChangeLog changeLog, DeadLetters deadLetters, Inbox<?> inbox,
                          String outboundTopic, String inboundTopic) {
        this.sharedDeals = sharedDeals;
        this.changeLog = changeLog;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.outboundTopic = outboundTopic;
        this.inboundTopic = inboundTopic;
    }

    /**
     * How sync stands on this side: the outbox backlog, parked events, recent high-water marks, dead letters and
     * the sync policy.
     */
    public SyncStatus status() {
        return new SyncStatus(sharedDeals.side().name(), outboundTopic, inboundTopic,
                SyncStatus.Policy.of(sharedDeals.policy()), backlog(), parked(),
                marks(), new SyncStatus.DeadLetterSummary(deadLetters.count(false), deadLetters.count(true),
                deadLetters.latest(20).stream().map(d -> new SyncStatus.DeadLetterRow(d.id(), d.key(), d.reason(),
                        d.failedAt(), d.replayed(), d.replayError())).toList()));
    }

    /**
     * Replays every pending dead letter through the inbox (after the cause was fixed); those that fail again stay
     * pending with the new error.
     */
    public DeadLetters.ReplayResult replay() {
        return deadLetters.replay(inbox);
    }

    /**
     * Republishes this side's whole shared state of the deal (a {@code SharedDealSnapshot}) to repair the other
     * side's replica. @throws SharedDealNotFoundException no such deal (or not a shared deal id at all)
     */
    public ResyncController.ResyncStarted resync(String id) {
        int parts = sharedDeals.resync(sharedDealId(id), Actor.system("Resync"));
        return new ResyncController.ResyncStarted(id, sharedDeals.side().name(), parts);
    }

    private SyncStatus.Backlog backlog() {
        long events = changeLog.countUnpublished();
        Set<String> deals = new HashSet<>();
        changeLog.unpublished(10_000, null).forEach(entry -> deals.add(entry.aggregateId()));
        return new SyncStatus.Backlog(deals.size(), events);
    }

    private List<SyncStatus.Parked> parked() {
        List<LogEntry> parked = changeLog.parked(LIMIT);
        Map<String, Long> marks = new LinkedHashMap<>();
        for (LogEntry entry : parked) {
            marks.computeIfAbsent(entry.aggregateId() + ":" + entry.origin(), key -> sharedDeals.store()
                    .find(entry.aggregateId()).map(d -> d.deal().highWaterMark(Origin.valueOf(entry.origin())))
                    .orElse(0L));
        }
        return parked.stream().map(entry -> new SyncStatus.Parked(entry.aggregateId(), entry.origin(),
                entry.sequence(), entry.type(), marks.get(entry.aggregateId() + ":" + entry.origin()) + 1)).toList();
    }

    private List<SyncStatus.Marks> marks() {
        return sharedDeals.store().find(Filters.empty(), Sorts.descending("updatedAt"), 0, LIMIT).stream()
                .map(SharedDealDocument::deal).map(deal -> {
                    DealFacts facts = deal.facts();
                    return new SyncStatus.Marks(facts.id().value(), mark(facts, Origin.PARTNER),
                            mark(facts, Origin.CRM));
                }).toList();
    }

    private static long mark(DealFacts facts, Origin origin) {
        return origin == facts.side() ? facts.localSequence() : facts.highWaterMark(origin);
    }

    private static SharedDealId sharedDealId(String id) {
        try {
            return new SharedDealId(id);
        } catch (IllegalArgumentException notAnId) {
            throw new SharedDealNotFoundException(id);
        }
    }
}
