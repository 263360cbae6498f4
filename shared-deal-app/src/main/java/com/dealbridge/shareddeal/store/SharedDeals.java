package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.dealbridge.shareddeal.domain.SyncRuleViolation;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import com.dealbridge.sync.relay.PublishedMarks;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The shared deals of this side: every local change goes through here, onto the deal's lane, so it reaches the
 * change log, the projections and the relay in one go; and the queries services need. Services use this, never a
 * producer.
 */
public class SharedDeals {

    private final AggregateLanes<LaneWork> lanes;
    private final ProjectionStore store;
    private final PublishedMarks marks;
    private final SharedTabs tabs;
    private final AttachmentFiles files;
    private final SyncClock clock;
    private final SyncPolicy policy;
    private final Origin side;

    public SharedDeals(AggregateLanes<LaneWork> lanes, ProjectionStore store, PublishedMarks marks, SharedTabs tabs,
                       AttachmentFiles files, SyncClock clock, SyncPolicy policy, Origin side) {
        this.lanes = lanes;
        this.store = store;
        this.marks = marks;
        this.tabs = tabs;
        this.files = files;
        this.clock = clock;
        this.policy = policy;
        this.side = side;
    }

    /** Makes a deal shared from this side; the registration event is published to the other side. */
    public SharedDealDocument register(Registration registration, Actor actor, String localDealId) {
        try {
            SharedDeal.register(registration, side, policy, clock, actor); // refused before anything is queued
        } catch (SyncRuleViolation e) {
            throw new SyncRuleConflictException(e);
        }
        return run(registration.id().value(), new SharedDealWriter.Command.Register(notes ->
                SharedDeal.register(registration, side, policy, clock, actor, notes), localDealId));
    }

    /** Applies a local decision to one deal; unknown id → 404. */
    public SharedDealDocument change(SharedDealId id, DealChange change) {
        return run(id.value(), new SharedDealWriter.Command.Change(change));
    }

    /** Applies this side's logged events the deal's document missed (after a crash). */
    public void catchUp(String sharedDealId) {
        run(sharedDealId, new SharedDealWriter.Command.CatchUp());
    }

    /**
     * Republishes this side's whole shared state of a deal as a snapshot, so the other side can repair its replica
     * (missed or dead-lettered events, a parked gap). @return how many parts the snapshot has
     */
    public int resync(SharedDealId id, Actor actor) {
        int[] parts = new int[1];
        change(id, (document, clock) -> {
            store.loadAllNotes(document);
            parts[0] = document.deal().publishSnapshot(tabs.all(id.value()), clock, actor);
        });
        return parts[0];
    }

    private SharedDealDocument run(String dealId, SharedDealWriter.Command command) {
        try {
            // the caller only waits: it works the deal's lane itself when the lane is idle
            return (SharedDealDocument) lanes.submitAndWork(dealId, command).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing deal " + dealId, e);
        }
    }

    /** This side's stored attachment files (uploads are streamed in here before they are attached). */
    public AttachmentFiles files() {
        return files;
    }

    /** This side's per-field sync policy (the same on both sides when correctly configured). */
    public SyncPolicy policy() {
        return policy;
    }

    /** This side: PARTNER or CRM. */
    public Origin side() {
        return side;
    }

    /** The deal's Shared tab. */
    public SharedTabs tabs() {
        return tabs;
    }

    /** The projections, for reads beyond these. */
    public ProjectionStore store() {
        return store;
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    public Optional<SharedDealDocument> find(SharedDealId id) {
        Optional<SharedDealDocument> found = store.find(id.value());
        found.ifPresent(document -> document.publishedUpTo(marks.of(document.id())));
        return found;
    }

    /** The deal holding this quote, if any. */
    public Optional<SharedDealDocument> findByQuoteId(String quoteId) {
        return store.find(Filters.eq("quoteIds", quoteId), Sorts.ascending("_id"), 0, 1).stream().findFirst();
    }

    /** Deals not yet linked to a local deal of this side (oldest first), e.g. after a crash before the link. */
    public List<SharedDealId> withoutLocalDeal(int limit) {
        return ids(Filters.eq("unlinked", true), limit);
    }

    /**
     * One page of the deals of one partner (or of all partners when {@code partnerId} is null) in the given
     * statuses, most recently changed first.
     */
    public List<SharedDealDocument> list(String partnerId, Collection<DealStatus> statuses, int offset, int limit) {
        return list(partnerId, statuses, null, offset, limit);
    }

    /** As {@link #list(String, Collection, int, int)}, only registrations in {@code state} (null: any). */
    public List<SharedDealDocument> list(String partnerId, Collection<DealStatus> statuses, RegistrationState state,
                                         int offset, int limit) {
        List<SharedDealDocument> page = store.find(filter(partnerId, statuses, state),
                Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")), offset, limit);
        withMarks(page);
        return page;
    }

    public long count(String partnerId, Collection<DealStatus> statuses) {
        return count(partnerId, statuses, null);
    }

    public long count(String partnerId, Collection<DealStatus> statuses, RegistrationState state) {
        return store.count(filter(partnerId, statuses, state));
    }

    /** Every deal of one partner in the given statuses (callers with few deals only). */
    public List<SharedDealDocument> list(String partnerId, Collection<DealStatus> statuses) {
        return list(partnerId, statuses, 0, 0);
    }

    private static Bson filter(String partnerId, Collection<DealStatus> statuses, RegistrationState state) {
        List<Bson> filters = new java.util.ArrayList<>();
        if (partnerId != null) {
            filters.add(Filters.eq("partnerId", partnerId));
        }
        filters.add(Filters.in("status", statuses.stream().map(Enum::name).toList()));
        if (state != null) {
            // deals stored before registration states have none: REGISTERED (or WITHDRAWN, told by their status)
            filters.add(state == RegistrationState.REGISTERED
                    ? Filters.in("registrationState", java.util.Arrays.asList(state.name(), null))
                    : state == RegistrationState.WITHDRAWN
                    ? Filters.or(Filters.eq("registrationState", state.name()),
                            Filters.and(Filters.exists("registrationState", false),
                                    Filters.eq("status", DealStatus.WITHDRAWN.name())))
                    : Filters.eq("registrationState", state.name()));
        }
        return filters.size() == 1 ? filters.get(0) : Filters.and(filters);
    }

    public long countActive(String partnerId) {
        return store.count(Filters.and(Filters.eq("partnerId", partnerId),
                Filters.eq("status", DealStatus.ACTIVE.name())));
    }

    /** The shared deals linked to these local deals, in one query (no N+1 when listing deals). */
    public List<SharedDealDocument> findByLocalDealIds(Collection<String> localDealIds) {
        if (localDealIds.isEmpty()) {
            return List.of();
        }
        List<SharedDealDocument> found = store.find(Filters.in("localDealId", localDealIds), Sorts.ascending("_id"),
                0, 0);
        withMarks(found);
        return found;
    }

    /** Active deals no rep has been assigned to yet (oldest first), e.g. after a crash or while no rep existed. */
    public List<SharedDealId> activeWithoutRep(int limit) {
        return ids(Filters.eq("unassigned", true), limit);
    }

    /** How many active deals each assigned rep holds: reads only the rep ids. */
    public Map<String, Long> activeDealsPerRep() {
        return countActiveBy("assignedRepId");
    }

    /** How many active registrations each partner has, in one query. */
    public Map<String, Long> activeDealsPerPartner() {
        return countActiveBy("partnerId");
    }

    private Map<String, Long> countActiveBy(String field) {
        Map<String, Long> counts = new HashMap<>();
        for (Document row : store.fields(Filters.eq("status", DealStatus.ACTIVE.name()), List.of(field), 0)) {
            String value = row.getString(field);
            if (value != null) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return counts;
    }

    private List<SharedDealId> ids(Bson filter, int limit) {
        return store.fields(filter, List.of("_id"), limit).stream()
                .map(row -> new SharedDealId(row.getString("_id"))).toList();
    }

    private void withMarks(List<SharedDealDocument> documents) {
        Map<String, Long> published = marks.of(documents.stream().map(SharedDealDocument::id).toList());
        documents.forEach(document -> document.publishedUpTo(published.getOrDefault(document.id(), 0L)));
    }
}
