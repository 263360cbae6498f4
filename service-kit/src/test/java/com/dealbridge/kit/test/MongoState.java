package com.dealbridge.kit.test;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A cheap fingerprint of a service's whole MongoDB state for {@link ApiFuzzer#state}: per collection its document
 * count and an order-independent hash of its documents, leaving out fields that background work keeps changing
 * (e.g. a relay's "published" marks), which the caller names. Collections whose documents are only ever added
 * (a change log, stored file chunks) are counted, not read; those only background work writes are left out.
 */
public final class MongoState {

    /** Written by background work after a successful write (the relay's marks), not by the request itself. */
    static final Set<String> SYNC_VOLATILE_FIELDS = Set.of("published", "parked");
    /** Counted, not read, so the fingerprint stays cheap as they grow: requests only add to them. */
    static final Set<String> SYNC_COUNT_ONLY = Set.of("change_log", "attachments.chunks", "attachments.files",
            "shared_tab_imports");
    /** Written only by the relay once the broker acknowledged, some time after the request: not its state. */
    static final Set<String> SYNC_BACKGROUND = Set.of("relay_marks");

    private MongoState() {
    }

    /** The state of a service's store with the sync engine's collections as both services have them. */
    public static Map<String, String> fingerprint(MongoOperations mongo) {
        return fingerprint(mongo, SYNC_VOLATILE_FIELDS, SYNC_COUNT_ONLY, SYNC_BACKGROUND);
    }

    /**
     * @param volatileFields fields left out of every document's hash
     * @param countOnly      collections counted, not read
     * @param background     collections only background work writes (a relay's bookkeeping): left out
     */
    public static Map<String, String> fingerprint(MongoOperations mongo, Set<String> volatileFields,
            Set<String> countOnly, Set<String> background) {
        Map<String, String> state = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (background.contains(collection)) {
                continue;
            }
            if (countOnly.contains(collection)) {
                state.put(collection, String.valueOf(mongo.getCollection(collection).countDocuments()));
                continue;
            }
            long count = 0;
            long hash = 0;
            for (RawBsonDocument raw : mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class)
                    .find()) {
                // the stored bytes, undecoded, unless a volatile field has to be left out first
                int documentHash = volatileFields.stream().anyMatch(raw::containsKey)
                        ? hashWithout(raw, volatileFields) : raw.getByteBuffer().asNIO().hashCode();
                count++;
                hash += documentHash * 0x9E3779B97F4A7C15L;
            }
            state.put(collection, count + "#" + Long.toHexString(hash));
        }
        return state;
    }

    /**
     * The document's hash leaving out {@code fields}: per other top-level field its name, type and value bytes,
     * undecoded, summed (their order does not count, as in a decoded document's hash). Decoding the document
     * instead (to JSON and back) was most of a fuzz run's time: the shared deals carry a volatile field.
     */
    static int hashWithout(RawBsonDocument raw, Set<String> fields) {
        ByteBuffer bytes = raw.getByteBuffer().asNIO();
        int hash = 0;
        try (BsonBinaryReader reader = new BsonBinaryReader(bytes)) {
            reader.readStartDocument();
            for (BsonType type = reader.readBsonType(); type != BsonType.END_OF_DOCUMENT;
                    type = reader.readBsonType()) {
                String name = reader.readName();
                int start = reader.getBsonInput().getPosition();
                reader.skipValue();
                int end = reader.getBsonInput().getPosition();
                if (!fields.contains(name)) {
                    hash += 31 * (31 * name.hashCode() + type.getValue()) + bytes.slice(start, end - start).hashCode();
                }
            }
        }
        return hash;
    }
}
