package com.dealbridge.shareddeal.registration;

import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.store.ProjectionStore;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Documents of claims of registrations in progress ({@code {_id, v, claims: [{deal, at, ...}]}}), changed only by a
 * compare-and-set on {@code v}: the insert of the first version (a duplicate key means another instance won), then
 * {@code {_id, v}} → {@code v+1}. A claim stays pending while its deal does not exist yet and it is younger than
 * {@code claim-timeout}; once the deal exists it is counted from the deals, so the next write drops the claim.
 */
final class ClaimDocuments {

    private final MongoCollection<Document> collection;
    private final ProjectionStore deals;
    private final Duration timeout;
    private final Clock clock;

    ClaimDocuments(MongoCollection<Document> collection, ProjectionStore deals, Duration timeout, Clock clock) {
        this.collection = collection;
        this.deals = deals;
        this.timeout = timeout;
        this.clock = clock;
        // serves the {_id, v} filter of the conditional write (the embedded store's _id index serves {_id} only)
        collection.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
    }

    Document read(String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }

    static List<Document> claims(Document read) {
        return read == null ? List.of() : read.getList("claims", Document.class, List.of());
    }

    /**
     * The claims of registrations still in progress, but {@code exceptDeal}'s own. A claim marked
     * {@code reopening} stays while its (existing, closed) deal is not active again.
     */
    List<Document> pending(Document read, String exceptDeal) {
        List<Document> claims = claims(read);
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<String, String> statuses = new HashMap<>();
        for (Document row : deals.fields(Filters.in("_id", claims.stream().map(c -> c.getString("deal")).toList()),
                List.of("_id", "status"), 0)) {
            statuses.put(row.getString("_id"), row.getString("status"));
        }
        Instant expired = now().minus(timeout);
        List<Document> pending = new ArrayList<>();
        for (Document claim : claims) {
            String deal = claim.getString("deal");
            String status = statuses.get(deal);
            boolean inProgress = status == null || (claim.getBoolean("reopening", false)
                    && !DealStatus.ACTIVE.name().equals(status));
            if (!deal.equals(exceptDeal) && inProgress && claim.getDate("at").toInstant().isAfter(expired)) {
                pending.add(claim);
            }
        }
        return pending;
    }

    /** A new claim of {@code deal}, stamped now. */
    Document claim(String deal) {
        return new Document("deal", deal).append("at", Date.from(now()));
    }

    /** The conditional write: the first version, or the next version of the one read. */
    boolean write(String id, Document read, List<Document> claims) {
        if (read == null) {
            try {
                collection.insertOne(new Document("_id", id).append("v", 1L).append("claims", claims));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        long version = ((Number) read.get("v")).longValue();
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("v", version)),
                Updates.combine(Updates.set("v", version + 1), Updates.set("claims", claims)))
                .getModifiedCount() == 1;
    }

    /** Removes {@code deal}'s claim, if any. */
    void remove(String id, String deal, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            Document read = read(id);
            List<Document> claims = claims(read);
            List<Document> kept = claims.stream().filter(c -> !deal.equals(c.getString("deal"))).toList();
            if (kept.size() == claims.size() || write(id, read, kept)) {
                return;
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
