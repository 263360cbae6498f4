package com.dealbridge.kit.test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A cheap fingerprint of a service's whole MongoDB state for {@link ApiFuzzer#state}: per collection its document
 * count and an order-independent hash of its documents, leaving out fields that background work keeps changing
 * (e.g. a relay's "published" marks), which the caller names. Collections whose documents are only ever added
 * (a change log, stored file chunks) are counted, not read; those only background work writes are left out.
 */
public final class MongoState {

    private MongoState() {
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
                        ? without(raw, volatileFields).hashCode() : raw.getByteBuffer().asNIO().hashCode();
                count++;
                hash += documentHash * 0x9E3779B97F4A7C15L;
            }
            state.put(collection, count + "#" + Long.toHexString(hash));
        }
        return state;
    }

    private static Document without(RawBsonDocument raw, Set<String> fields) {
        Document document = Document.parse(raw.toJson());
        fields.forEach(document::remove);
        return document;
    }
}
