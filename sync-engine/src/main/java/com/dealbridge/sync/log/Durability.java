package com.dealbridge.sync.log;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * A unit of work (an event's log entry and the projections it changes) waits for the disk once, on its last write.
 * The writes before it use {@link #DEFERRED}: acknowledged once applied, without waiting for the journal. The last
 * write, with the store's own concern, is answered only once it and everything written before it are durable —
 * a journal, like a replica set's oplog, keeps writes in order (see docs/adr/0005-one-durable-write-per-unit.md).
 * A crash before the last write loses the whole unit, which was never acknowledged.
 */
public final class Durability {

    /** Acknowledged by the primary without waiting for its journal. */
    public static final WriteConcern DEFERRED = WriteConcern.W1.withJournal(false);

    private Durability() {
    }

    public static MongoCollection<Document> deferred(MongoCollection<Document> collection) {
        return collection.withWriteConcern(DEFERRED);
    }
}
