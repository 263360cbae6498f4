package com.dealbridge.sync.store;

import java.util.Comparator;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The relay's view of the outboxes inside the deal documents. */
public class Outbox {

    private final MongoOperations mongo;
    private final DocumentWriter writer;

    Outbox(MongoOperations mongo, DocumentWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** The deal's unpublished events in sequence order (empty if none or no such deal). */
    public List<OutboxEntry> pending(String sharedDealId) {
        SharedDealDocument document = writer.load(sharedDealId);
        if (document == null) {
            return List.of();
        }
        return document.outbox().stream().sorted(Comparator.comparingLong(OutboxEntry::sequence)).toList();
    }

    /** Removes the published entries (bumping the version); answers whether more are waiting. */
    public boolean markPublished(String sharedDealId, long upToSequence) {
        return writer.retrying(sharedDealId, () -> {
            SharedDealDocument document = writer.load(sharedDealId);
            if (document == null) {
                return false;
            }
            if (document.removePublished(upToSequence) > 0) {
                document.refreshIndexedFields();
                mongo.save(document);
            }
            return !document.outbox().isEmpty();
        });
    }

    /** Deals with unpublished events, for the sweep after a crash or an outage. */
    public List<String> pendingDealIds(int limit) {
        Query query = Query.query(Criteria.where("outboxPending").is(true)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, SharedDealDocument.class).stream().map(SharedDealDocument::id).toList();
    }
}
