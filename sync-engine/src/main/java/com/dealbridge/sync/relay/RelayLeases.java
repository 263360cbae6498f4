package com.dealbridge.sync.relay;

import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-deal leases so that several relay instances never publish the same outbox at once. Kept in their own
 * collection so taking a lease never races with the deal's own writes.
 */
class RelayLeases {

    @Document("relay_leases")
    record Lease(@Id String id, String owner, Instant expiresAt) {
    }

    private final MongoOperations mongo;
    private final String owner;
    private final long ttlMillis;
    private final Clock clock;

    RelayLeases(MongoOperations mongo, String owner, long ttlMillis, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /** Takes or renews the lease; false while another instance holds an unexpired one. */
    boolean tryAcquire(String sharedDealId) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(sharedDealId)
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("expiresAt").lt(now)));
        Update take = new Update().set("owner", owner).set("expiresAt", now.plusMillis(ttlMillis));
        try {
            mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Lease.class);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    void release(String sharedDealId) {
        mongo.remove(Query.query(Criteria.where("_id").is(sharedDealId).and("owner").is(owner)), Lease.class);
    }
}
