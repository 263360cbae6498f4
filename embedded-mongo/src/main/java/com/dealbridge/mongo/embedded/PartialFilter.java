package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An index's {@code partialFilterExpression}, when it is one this store can hold to: top-level fields each equal to
 * a boolean or a string (the services' {@code {published: false}}, {@code {parked: true}}), values no other BSON
 * type equals. Such an index holds only the documents that match, and answers only queries that fix those fields
 * to those values, as MongoDB's does. The library ignores the option, so a change log's "unpublished" index held
 * every entry ever written, and each one's publication moved it within that index.
 */
final class PartialFilter {

    private final Map<String, Object> equalities;

    private PartialFilter(Map<String, Object> equalities) {
        this.equalities = equalities;
    }

    /** The filter, or null when there is none or it is one an index holding every document must stand in for. */
    static PartialFilter of(Object expression) {
        if (!(expression instanceof Document filter) || filter.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.startsWith("$") || field.indexOf('.') >= 0
                    || !(value instanceof Boolean || value instanceof String)) {
                return null;
            }
        }
        return new PartialFilter(Map.copyOf(filter));
    }

    /** Whether the document belongs in the index. */
    boolean matches(Document document) {
        for (Map.Entry<String, Object> condition : equalities.entrySet()) {
            if (!Objects.equals(document.get(condition.getKey()), condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every document the query can match is one the index holds: the query fixes each of the filter's
     * fields to its value, at its top level or in one part of its top-level {@code $and}.
     */
    boolean impliedBy(Document query) {
        for (Map.Entry<String, Object> condition : equalities.entrySet()) {
            if (!fixes(query, condition.getKey(), condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fixes(Document query, String field, Object value) {
        if (query.containsKey(field)) {
            return Objects.equals(query.get(field), value);
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document conjunct && conjunct.containsKey(field)
                        && Objects.equals(conjunct.get(field), value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
