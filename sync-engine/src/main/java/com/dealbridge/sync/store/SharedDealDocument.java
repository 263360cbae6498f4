package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.SharedDeal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One shared deal on one side: the replica, the side's own deal id, the outbox and the applied high-water marks
 * (inside the replica) — so a change, the events it produces and the record of what was applied are saved in
 * one atomic single-document write, with optimistic locking. No multi-document transactions needed.
 */
@Document("shared_deals")
public class SharedDealDocument {

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String partnerId;
    @Indexed
    private String localDealId;
    @Indexed
    private String status;
    @Indexed
    private String assignedRepId;
    @Indexed
    private boolean outboxPending;
    @Indexed
    private boolean hasParked;
    @Indexed
    private List<String> quoteIds = new ArrayList<>();
    private SharedDeal deal;
    private List<OutboxEntry> outbox = new ArrayList<>();
    private List<ParkedEvent> parked = new ArrayList<>();
    private Instant updatedAt;

    SharedDealDocument() {
    }

    SharedDealDocument(SharedDeal deal, String localDealId) {
        this.id = deal.id().value();
        this.deal = deal;
        this.localDealId = localDealId;
        refreshIndexedFields();
    }

    /** Keeps the fields queries filter on in step with the replica; called before every save. */
    void refreshIndexedFields() {
        partnerId = deal.partnerId();
        status = deal.status().name();
        assignedRepId = deal.assignedRep() == null ? null : deal.assignedRep().id();
        outboxPending = !outbox.isEmpty();
        hasParked = !parked.isEmpty();
        quoteIds = deal.quotes().stream().map(com.dealbridge.sync.domain.Quote::id).toList();
        updatedAt = deal.updatedAt();
    }

    void appendToOutbox(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** Drops published entries up to and including {@code sequence}; answers how many were dropped. */
    int removePublished(long sequence) {
        int before = outbox.size();
        outbox.removeIf(entry -> entry.sequence() <= sequence);
        return before - outbox.size();
    }

    void park(ParkedEvent event) {
        boolean known = parked.stream().anyMatch(p -> p.origin().equals(event.origin())
                && p.sequence() == event.sequence());
        if (!known) {
            parked.add(event);
            parked.sort(Comparator.comparingLong(ParkedEvent::sequence));
        }
    }

    void unpark(ParkedEvent event) {
        parked.removeIf(p -> p.origin().equals(event.origin()) && p.sequence() == event.sequence());
    }

    /** Parked copies of events that meanwhile arrived in order are duplicates now. */
    void dropParkedAtOrBelowMarks() {
        parked.removeIf(p -> p.sequence() <= deal.highWaterMark(
                com.dealbridge.sync.domain.Origin.valueOf(p.origin())));
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public SharedDeal deal() {
        return deal;
    }

    public String localDealId() {
        return localDealId;
    }

    public void linkLocalDeal(String localDealId) {
        this.localDealId = localDealId;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    public List<ParkedEvent> parked() {
        return List.copyOf(parked);
    }

    /** PENDING while this side's own changes are not yet acknowledged by Kafka. */
    public boolean inSync() {
        return outbox.isEmpty();
    }
}
