package com.dealbridge.sync.log;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The change log in MongoDB (collection {@code change_log}). Every access on a hot path is by document id (an
 * exact key, or a list of them), which any MongoDB serves from its primary index, including the embedded one;
 * inserting is the commit point of an event. Nothing here ever rewrites a growing document: an entry is written
 * once, and only its {@code published}/{@code parked} flags change.
 */
public class ChangeLog {

    public static final String COLLECTION = "change_log";

    /** What happened to a received entry. */
    public enum Received {
        /** New in the log. */
        INSERTED,
        /** The same event (same id) was already in the log. */
        DUPLICATE,
        /** Another event already holds this place in the sequence: the sender reused a number. */
        CONFLICT
    }

    private final MongoOperations mongo;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> deferred;
    /** Own appends of concurrent writers, one insert for all (the most units per insert: {@link #GROUP}). */
    private final GroupCommit<OwnAppend> ownAppends = new GroupCommit<>(this::appendOwnTogether, GROUP);
    private final GroupCommit<List<Document>> receivedInserts = new GroupCommit<>(this::insertReceivedTogether, GROUP);
    private static final int GROUP = 64;

    public ChangeLog(MongoOperations mongo) {
        this.mongo = mongo;
        this.entries = mongo.getCollection(COLLECTION);
        this.deferred = Durability.deferred(entries);
        // the page's whole sort after the aggregate: MongoDB (and the embedded store) reads a page off the index
        entries.createIndex(Indexes.ascending("aggregateId", "hlcWall", "hlcCounter", "origin", "eventId"));
        dropReplacedIndex(entries, "aggregateId_1_hlcWall_1_hlcCounter_1_origin_1");
        entries.createIndex(Indexes.ascending("published"),
                new IndexOptions().partialFilterExpression(Filters.eq("published", false)));
        entries.createIndex(Indexes.ascending("parked"),
                new IndexOptions().partialFilterExpression(Filters.eq("parked", true)));
    }

    /**
     * An index an earlier version created, now covered by a longer one: kept, it would only cost writes. Looked up
     * first, so a store that never had it (every new one) logs no refused drop; another instance may still drop it
     * between the look-up and the drop.
     */
    private static void dropReplacedIndex(MongoCollection<Document> collection, String name) {
        boolean present = false;
        for (Document index : collection.listIndexes()) {
            present |= name.equals(index.getString("name"));
        }
        if (!present) {
            return;
        }
        try {
            collection.dropIndex(name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static final int INDEX_NOT_FOUND = 27;

    /**
     * Appends this side's events in order; they are the outbox until {@link #markPublished}. The insert does not
     * wait for the disk ({@link Durability}): the caller's unit of work must end with a durable write (its
     * projections' save) before it acknowledges anything.
     *
     * @throws SequenceTakenException another writer holds one of the places; the entries before it are in
     */
    public void appendOwn(List<LogEntry> batch) {
        List<Document> documents = batch.stream().map(entry -> document(entry, true, false)).toList();
        ownAppends.submit(new OwnAppend(batch, documents));
    }

    /** The entries of one writer's append, and their documents. */
    record OwnAppend(List<LogEntry> entries, List<Document> documents) {
    }

    /**
     * Concurrent appends of different aggregates in one ordered insert. The first entry whose place is taken stops
     * the insert: its writer learns how many of its entries went in (as alone), the writers before it are done, and
     * those after it are inserted again in the next command.
     */
    void appendOwnTogether(List<GroupCommit.Unit<OwnAppend>> units) {
        List<GroupCommit.Unit<OwnAppend>> pending = units;
        while (!pending.isEmpty()) {
            List<Document> documents = new ArrayList<>();
            pending.forEach(unit -> documents.addAll(unit.write().documents()));
            try {
                deferred.insertMany(documents, new InsertManyOptions().ordered(true));
                pending.forEach(unit -> unit.complete(null));
                return;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty()) {
                    throw e; // a write concern error: nothing says which entries are in
                }
                BulkWriteError first = e.getWriteErrors().get(0);
                int start = 0;
                int stopped = 0;
                while (start + pending.get(stopped).write().documents().size() <= first.getIndex()) {
                    start += pending.get(stopped).write().documents().size();
                    pending.get(stopped++).complete(null);
                }
                GroupCommit.Unit<OwnAppend> unit = pending.get(stopped);
                int index = first.getIndex() - start;
                unit.fail(ErrorCategory.fromErrorCode(first.getCode()) == ErrorCategory.DUPLICATE_KEY
                        ? new SequenceTakenException(unit.write().entries().get(index), index) : e);
                pending = pending.subList(stopped + 1, pending.size());
            }
        }
    }

    /**
     * Inserts received events; duplicates (by place and event id) change nothing. Like {@link #appendOwn} the insert
     * does not wait for the disk: the inbox saves the deal's projection right after it with a durable write (an
     * applied or parked entry always changes the deal document), and only then commits the poll's offsets; an entry
     * whose projection a crash lost is applied again when the record is delivered again.
     */
    public List<Received> insertReceived(List<LogEntry> batch, Set<String> parkedIds) {
        List<Received> outcomes = new ArrayList<>(batch.size());
        batch.forEach(entry -> outcomes.add(Received.INSERTED));
        if (batch.isEmpty()) {
            return outcomes;
        }
        List<Document> documents = batch.stream()
                .map(entry -> document(entry, false, parkedIds.contains(entry.id()))).toList();
        @SuppressWarnings("unchecked")
        List<BulkWriteError> errors = (List<BulkWriteError>) receivedInserts.submit(documents);
        if (!errors.isEmpty()) {
            Map<String, List<Integer>> taken = new HashMap<>();
            for (BulkWriteError error : errors) {
                taken.computeIfAbsent(batch.get(error.getIndex()).id(), id -> new ArrayList<>()).add(error.getIndex());
            }
            for (Document existing : entries.find(Filters.in("_id", taken.keySet()))
                    .projection(Projections.include("eventId"))) {
                for (int index : taken.get(existing.getString("_id"))) {
                    outcomes.set(index, batch.get(index).eventId().equals(existing.getString("eventId"))
                            ? Received.DUPLICATE : Received.CONFLICT);
                }
            }
        }
        return outcomes;
    }

    /**
     * Concurrent inserts of received entries of different aggregates in one unordered insert; each unit gets the
     * duplicate-key errors of its own documents (indexes in its own list).
     */
    void insertReceivedTogether(List<GroupCommit.Unit<List<Document>>> units) {
        List<Document> documents = new ArrayList<>();
        units.forEach(unit -> documents.addAll(unit.write()));
        List<BulkWriteError> errors = List.of();
        try {
            deferred.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            errors = e.getWriteErrors();
            if (e.getWriteConcernError() != null || errors.stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
        int start = 0;
        for (GroupCommit.Unit<List<Document>> unit : units) {
            int end = start + unit.write().size();
            List<BulkWriteError> own = new ArrayList<>();
            for (BulkWriteError error : errors) {
                if (error.getIndex() >= start && error.getIndex() < end) {
                    own.add(new BulkWriteError(error.getCode(), error.getMessage(), error.getDetails(),
                            error.getIndex() - start));
                }
            }
            unit.complete(own);
            start = end;
        }
    }

    /** The entries at these places of one origin's sequence that are in the log, in sequence order. */
    public List<LogEntry> find(String aggregateId, String origin, long fromSequence, int count) {
        List<String> ids = new ArrayList<>(count);
        for (long sequence = fromSequence; sequence < fromSequence + count; sequence++) {
            ids.add(LogEntry.id(aggregateId, origin, sequence));
        }
        List<LogEntry> found = new ArrayList<>();
        entries.find(Filters.in("_id", ids)).forEach(document -> found.add(entry(document)));
        found.sort(java.util.Comparator.comparingLong(LogEntry::sequence));
        return found;
    }

    /**
     * One page of an aggregate's entries in (hlc, origin) order — the order both sides agree on — leaving out the
     * given types.
     */
    public List<LogEntry> page(String aggregateId, Collection<String> excludedTypes, int skip, int limit) {
        List<LogEntry> page = new ArrayList<>();
        entries.find(pageFilter(aggregateId, excludedTypes))
                .sort(Sorts.ascending("hlcWall", "hlcCounter", "origin", "eventId")).skip(skip).limit(limit)
                .forEach(document -> page.add(entry(document)));
        return page;
    }

    /** With the {@code count} command ({@link IndexedCount}): it reads the aggregate's entries off the index. */
    public long count(String aggregateId, Collection<String> excludedTypes) {
        return IndexedCount.count(mongo, COLLECTION, pageFilter(aggregateId, excludedTypes));
    }

    private static Document pageFilter(String aggregateId, Collection<String> excludedTypes) {
        Document filter = new Document("aggregateId", aggregateId);
        return excludedTypes.isEmpty() ? filter
                : filter.append("type", new Document("$nin", new ArrayList<>(excludedTypes)));
    }

    /**
     * This side's events not yet acknowledged by Kafka, by aggregate and sequence.
     *
     * @param loggedBefore only entries logged before this (null: all), so a sweep leaves fresh ones to their writer
     */
    public List<LogEntry> unpublished(int limit, java.time.Instant loggedBefore) {
        List<LogEntry> pending = new ArrayList<>();
        Bson filter = loggedBefore == null ? Filters.eq("published", false)
                : Filters.and(Filters.eq("published", false), Filters.lt("loggedAt", Date.from(loggedBefore)));
        entries.find(filter).limit(limit).forEach(document -> pending.add(entry(document)));
        pending.sort(java.util.Comparator.comparing(LogEntry::aggregateId).thenComparingLong(LogEntry::sequence));
        return pending;
    }

    /** How many of this side's entries are not yet published: read off the {@code published} index. */
    public long countUnpublished() {
        return IndexedCount.count(mongo, COLLECTION, new Document("published", false));
    }

    /**
     * Marks entries published in one write, without waiting for the disk: a mark lost in a crash only makes the
     * relay send an entry again, which the receiver drops as a duplicate.
     */
    public void markPublished(Collection<String> ids) {
        if (!ids.isEmpty()) {
            deferred.updateMany(Filters.in("_id", ids), Updates.set("published", true));
        }
    }

    /**
     * Received entries of an aggregate waiting behind a missing one. Asks for all parked entries (few, and served
     * by their own index) rather than for the aggregate's, which may be many.
     */
    public List<LogEntry> parked(String aggregateId) {
        List<LogEntry> parked = new ArrayList<>();
        entries.find(Filters.eq("parked", true)).forEach(document -> {
            if (aggregateId.equals(document.getString("aggregateId"))) {
                parked.add(entry(document));
            }
        });
        parked.sort(java.util.Comparator.comparingLong(LogEntry::sequence));
        return parked;
    }

    /** The parked entries of all aggregates (at most {@code limit}). */
    public List<LogEntry> parked(int limit) {
        List<LogEntry> parked = new ArrayList<>();
        entries.find(Filters.eq("parked", true)).limit(limit).forEach(document -> parked.add(entry(document)));
        return parked;
    }

    /** How many received entries are parked: read off the {@code parked} index. */
    public long countParked() {
        return IndexedCount.count(mongo, COLLECTION, new Document("parked", true));
    }

    public void setParked(Collection<String> ids, boolean parked) {
        if (!ids.isEmpty()) {
            entries.updateMany(Filters.in("_id", ids), Updates.set("parked", parked));
        }
    }

    /** Removes received entries that were refused: the origin waits for them again (a replay brings them). */
    public void remove(Collection<String> ids) {
        if (!ids.isEmpty()) {
            entries.deleteMany(Filters.in("_id", ids));
        }
    }

    /** Removes every entry of an aggregate (tests and repair tooling only). */
    public long forget(String aggregateId) {
        return entries.deleteMany(Filters.eq("aggregateId", aggregateId)).getDeletedCount();
    }

    /** The document ids of entries. */
    public static Set<String> ids(Collection<LogEntry> batch) {
        Set<String> ids = new HashSet<>();
        batch.forEach(entry -> ids.add(entry.id()));
        return ids;
    }

    static Document document(LogEntry entry, boolean own, boolean parked) {
        Document document = new Document("_id", entry.id()).append("aggregateId", entry.aggregateId())
                .append("origin", entry.origin()).append("sequence", entry.sequence())
                .append("eventId", entry.eventId()).append("type", entry.type())
                .append("hlcWall", entry.hlcWall()).append("hlcCounter", entry.hlcCounter())
                .append("occurredAt", Date.from(entry.occurredAt())).append("payload", new Binary(entry.payload()))
                .append("loggedAt", new Date());
        if (entry.traceparent() != null) {
            document.append("traceparent", entry.traceparent());
        }
        if (own) {
            document.append("published", false);
        } else {
            document.append("parked", parked);
        }
        return document;
    }

    private static LogEntry entry(Document document) {
        return new LogEntry(document.getString("aggregateId"), document.getString("origin"),
                ((Number) document.get("sequence")).longValue(), document.getString("eventId"),
                document.getString("type"), ((Number) document.get("hlcWall")).longValue(),
                ((Number) document.get("hlcCounter")).intValue(),
                document.getDate("occurredAt").toInstant(), document.get("payload", Binary.class).getData(),
                document.getString("traceparent"));
    }
}
