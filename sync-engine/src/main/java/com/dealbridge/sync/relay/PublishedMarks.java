package com.dealbridge.sync.relay;

import com.dealbridge.sync.log.Durability;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Per aggregate, the highest sequence of this side that Kafka acknowledged (collection {@code relay_marks}): what
 * a reader compares with the aggregate's last sequence to say whether its changes have left. Kept apart from the
 * aggregate's own document so that publishing never races with its writers.
 */
public class PublishedMarks {

    static final String COLLECTION = "relay_marks";

    private final MongoCollection<Document> marks;

    public PublishedMarks(MongoOperations mongo) {
        // a mark lost in a crash only makes the relay send entries again, which receivers drop as duplicates
        this.marks = Durability.deferred(mongo.getCollection(COLLECTION));
    }

    /** Raises the marks in one write (a mark never goes down, whatever order acknowledgements come in). */
    void advance(Map<String, Long> upTo) {
        if (upTo.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        upTo.forEach((aggregateId, sequence) -> updates.add(new UpdateOneModel<>(Filters.eq("_id", aggregateId),
                Updates.max("publishedUpTo", sequence), new UpdateOptions().upsert(true))));
        marks.bulkWrite(updates);
    }

    /** The marks of these aggregates (0 where nothing was acknowledged yet). */
    public Map<String, Long> of(Collection<String> aggregateIds) {
        Map<String, Long> found = new HashMap<>();
        if (!aggregateIds.isEmpty()) {
            marks.find(Filters.in("_id", aggregateIds)).forEach(document -> found.put(document.getString("_id"),
                    ((Number) document.get("publishedUpTo")).longValue()));
        }
        return found;
    }

    public long of(String aggregateId) {
        return of(List.of(aggregateId)).getOrDefault(aggregateId, 0L);
    }
}
