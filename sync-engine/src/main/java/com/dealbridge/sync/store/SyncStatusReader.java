package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What the admin status page shows of the store: outbox backlog, parked gaps, high-water marks. */
public class SyncStatusReader {

    private static final int LIMIT = 100;

    private final MongoOperations mongo;

    public SyncStatusReader(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Map<String, Object> outboxBacklog() {
        List<SharedDealDocument> pending = mongo.find(Query.query(Criteria.where("outboxPending").is(true)),
                SharedDealDocument.class);
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("deals", pending.size());
        backlog.put("events", pending.stream().mapToInt(d -> d.outbox().size()).sum());
        return backlog;
    }

    public List<Map<String, Object>> parked() {
        return mongo.find(Query.query(Criteria.where("hasParked").is(true)).limit(LIMIT), SharedDealDocument.class)
                .stream()
                .flatMap(d -> d.parked().stream().map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("sharedDealId", d.id());
                    row.put("origin", p.origin());
                    row.put("sequence", p.sequence());
                    row.put("type", p.type());
                    row.put("expectedSequence", d.deal().highWaterMark(Origin.valueOf(p.origin())) + 1);
                    row.put("parkedAt", p.parkedAt());
                    return row;
                }))
                .toList();
    }

    /** The most recently updated deals' marks: last applied sequence per origin and last local sequence. */
    public List<Map<String, Object>> highWaterMarks() {
        Query recent = new Query().with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(LIMIT);
        return mongo.find(recent, SharedDealDocument.class).stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sharedDealId", d.id());
            for (Origin origin : Origin.values()) {
                row.put(origin.name(), origin == d.deal().side()
                        ? d.deal().localSequence() : d.deal().highWaterMark(origin));
            }
            return row;
        }).toList();
    }
}
