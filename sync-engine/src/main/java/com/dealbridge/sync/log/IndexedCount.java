package com.dealbridge.sync.log;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Counts documents with the {@code count} command rather than {@code countDocuments}: the driver runs the latter as
 * an aggregation, which the embedded store answers by reading the whole collection, while both it and MongoDB
 * answer {@code count} with a query from an index on the queried field (on MongoDB a count scan; a partial index
 * holds only the documents counted). Used for the counts the status page and the gauges read often.
 */
public final class IndexedCount {

    private IndexedCount() {
    }

    public static long count(MongoOperations mongo, String collection, Document query) {
        Document result = mongo.executeCommand(new Document("count", collection).append("query", query));
        return ((Number) result.get("n")).longValue();
    }

    /** As {@link #count(MongoOperations, String, Document)}, for a driver filter ({@code Filters.and(...)}). */
    public static long count(MongoOperations mongo, String collection, Bson query) {
        Document result = mongo.executeCommand(new Document("count", collection).append("query",
                query.toBsonDocument()));
        return ((Number) result.get("n")).longValue();
    }
}
