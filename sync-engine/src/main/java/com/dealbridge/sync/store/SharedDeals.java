package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.Actor;
import com.dealbridge.sync.domain.DealStatus;
import com.dealbridge.sync.domain.Registration;
import com.dealbridge.sync.domain.SharedDeal;
import com.dealbridge.sync.domain.SharedDealId;
import com.dealbridge.sync.domain.Origin;
import com.dealbridge.sync.domain.SyncPolicy;
import com.dealbridge.sync.domain.SyncRuleViolation;
import com.dealbridge.sync.domain.UnknownQuoteException;
import com.dealbridge.kit.web.ForbiddenException;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.sync.domain.ForeignAuthorException;
import com.dealbridge.sync.domain.UnknownNoteException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The shared deals of this side: every local change goes through here, so it reaches the outbox in the same
 * write and the relay is woken at once. Services use this, never a producer.
 */
public class SharedDeals {

    private final MongoOperations mongo;
    private final DocumentWriter writer;

    SharedDeals(MongoOperations mongo, DocumentWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** Makes a deal shared from this side; the registration event is published to the other side. */
    public SharedDealDocument register(Registration registration, Actor actor, String localDealId) {
        SharedDeal deal;
        try {
            deal = SharedDeal.register(registration, writer.side(), writer.policy(), writer.clock(), actor);
        } catch (SyncRuleViolation e) {
            throw new SyncRuleConflictException(e);
        }
        return writer.save(new SharedDealDocument(deal, localDealId));
    }

    /** This side's stored attachment files (uploads are streamed in here before they are attached). */
    public AttachmentFiles files() {
        return writer.files();
    }

    /** This side's per-field sync policy (the same on both sides when correctly configured). */
    public SyncPolicy policy() {
        return writer.policy();
    }

    /** This side: PARTNER or CRM. */
    public Origin side() {
        return writer.side();
    }

    /** Applies a local decision to one deal, retrying on concurrent writes; unknown id → 404. */
    public SharedDealDocument change(SharedDealId id, DealChange change) {
        return writer.retrying(id.value(), () -> {
            SharedDealDocument document = writer.load(id.value());
            if (document == null) {
                throw new SharedDealNotFoundException(id.value());
            }
            try {
                change.apply(document, writer.clock());
            } catch (SyncRuleViolation e) {
                throw new SyncRuleConflictException(e);
            } catch (UnknownQuoteException | UnknownNoteException e) {
                throw new NotFoundException(e.getMessage());
            } catch (ForeignAuthorException e) {
                throw new ForbiddenException(e.getMessage());
            }
            return writer.save(document);
        });
    }

    /**
     * Republishes this side's whole shared state of a deal as a snapshot, so the other side can repair its replica
     * (missed or dead-lettered events, a parked gap). @return how many parts the snapshot has
     */
    public int resync(SharedDealId id, Actor actor) {
        int[] parts = new int[1];
        change(id, (document, clock) -> parts[0] = document.deal().publishSnapshot(clock, actor));
        return parts[0];
    }

    /** The deal holding this quote, if any. */
    public Optional<SharedDealDocument> findByQuoteId(String quoteId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("quoteIds").is(quoteId)),
                SharedDealDocument.class));
    }

    /** Deals not yet linked to a local deal of this side (oldest first), e.g. after a crash before the link. */
    public List<SharedDealId> withoutLocalDeal(int limit) {
        Query query = Query.query(Criteria.where("localDealId").is(null)).with(Sort.by("updatedAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, "shared_deals").stream()
                .map(row -> new SharedDealId(row.getString("_id"))).toList();
    }

    public Optional<SharedDealDocument> find(SharedDealId id) {
        return Optional.ofNullable(mongo.findById(id.value(), SharedDealDocument.class));
    }

    /** Deals of one partner (or of all partners when {@code partnerId} is null) in the given statuses, newest first. */
    public List<SharedDealDocument> list(String partnerId, Collection<DealStatus> statuses) {
        Criteria criteria = Criteria.where("status").in(statuses.stream().map(Enum::name).toList());
        if (partnerId != null) {
            criteria = criteria.and("partnerId").is(partnerId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")),
                SharedDealDocument.class);
    }

    public long countActive(String partnerId) {
        return mongo.count(Query.query(Criteria.where("partnerId").is(partnerId)
                .and("status").is(DealStatus.ACTIVE.name())), SharedDealDocument.class);
    }

    /** The shared deals linked to these local deals, in one query (no N+1 when listing deals). */
    public List<SharedDealDocument> findByLocalDealIds(Collection<String> localDealIds) {
        return mongo.find(Query.query(Criteria.where("localDealId").in(localDealIds)), SharedDealDocument.class);
    }

    /** Active deals no rep has been assigned to yet (oldest first), e.g. after a crash or while no rep existed. */
    public List<SharedDealId> activeWithoutRep(int limit) {
        Query query = Query.query(Criteria.where("status").is(DealStatus.ACTIVE.name()).and("assignedRepId").is(null))
                .with(Sort.by("updatedAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, "shared_deals").stream()
                .map(row -> new SharedDealId(row.getString("_id"))).toList();
    }

    /** How many active deals each assigned rep holds: reads only the indexed rep ids. */
    public Map<String, Long> activeDealsPerRep() {
        return countActiveBy("assignedRepId");
    }

    /** How many active registrations each partner has, in one query. */
    public Map<String, Long> activeDealsPerPartner() {
        return countActiveBy("partnerId");
    }

    private Map<String, Long> countActiveBy(String field) {
        Query query = Query.query(Criteria.where("status").is(DealStatus.ACTIVE.name()).and(field).ne(null));
        query.fields().include(field);
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.find(query, Document.class, "shared_deals")) {
            counts.merge(row.getString(field), 1L, Long::sum);
        }
        return counts;
    }
}
