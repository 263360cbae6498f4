package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Whether an update left an index's key fields exactly as they were, read straight off the two states. The library
 * works an index's key values out of a document (paths, arrays, normalised numbers) for every index on every update,
 * twice for a unique one, to find that most of them did not change: a deal document has twelve indexes and a note
 * changes the keys of two. Equal top-level values give equal key values, so such an index has nothing to do.
 */
final class KeyFields {

    private KeyFields() {
    }

    /**
     * True only when every key is a top-level field, present in both states or in neither, holding equal plain
     * values; a dotted path, a subdocument or an array (whose key order or elements the library interprets) is
     * left to the library's own comparison.
     */
    static boolean unchanged(List<IndexKey> keys, Document oldDocument, Document newDocument) {
        for (IndexKey key : keys) {
            String field = key.getKey();
            if (field.indexOf('.') >= 0 || oldDocument.containsKey(field) != newDocument.containsKey(field)) {
                return false;
            }
            Object before = oldDocument.get(field);
            if (before instanceof Document || before instanceof Collection
                    || !Objects.equals(before, newDocument.get(field))) {
                return false;
            }
        }
        return true;
    }
}
