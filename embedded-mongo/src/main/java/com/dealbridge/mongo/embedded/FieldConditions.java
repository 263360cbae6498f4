package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query asks of single fields, as far as an index can answer it: equality with a plain value, or a range of
 * {@code $gt/$gte/$lt/$lte}. Top-level {@code $and}s are looked into (the Java driver sends {@code Filters.and} as
 * one). Anything else (other operators, {@code $or}, a field asked twice) is left out: the query is still matched
 * against every document an index hands over, so this only has to narrow, never to decide.
 */
final class FieldConditions {

    /** A range of values; a null end is open. */
    record Range(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
    }

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    private static final Object UNUSABLE = new Object();

    private final Map<String, Object> conditions = new HashMap<>();
    /** Whether the query asks anything besides these field conditions ($or, $where, …). */
    private boolean more;

    FieldConditions(Document query) {
        collect(query);
    }

    private void collect(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("$and") && value instanceof List<?> parts
                    && parts.stream().allMatch(Document.class::isInstance)) {
                parts.stream().map(Document.class::cast).forEach(this::collect);
            } else if (field.startsWith("$")) {
                more = true;
            } else {
                // a field asked twice is left to the matcher rather than combined here
                conditions.merge(field, condition(value), (a, b) -> UNUSABLE);
            }
        }
    }

    private static Object condition(Object value) {
        if (value instanceof Document operators) {
            if (operators.size() == 1 && operators.containsKey("$eq") && plain(operators.get("$eq"))) {
                return operators.get("$eq");
            }
            if (!operators.isEmpty() && RANGE_OPERATORS.containsAll(operators.keySet())
                    && operators.values().stream().allMatch(FieldConditions::plain)) {
                return range(operators);
            }
            return UNUSABLE;
        }
        return plain(value) ? value : UNUSABLE;
    }

    private static Range range(Document operators) {
        // with both $gt and $gte (or $lt and $lte) either one narrows enough: the matcher applies the other
        Object low = operators.containsKey("$gte") ? operators.get("$gte") : operators.get("$gt");
        Object high = operators.containsKey("$lte") ? operators.get("$lte") : operators.get("$lt");
        return new Range(low, operators.containsKey("$gte"), high, operators.containsKey("$lte"));
    }

    /** A value equality in the index's order means equality in the query's sense (no arrays, documents, regexes). */
    static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof BsonRegularExpression) && !(value instanceof java.util.regex.Pattern);
    }

    /** The value the field must equal, or null. */
    Object equality(String field) {
        Object condition = conditions.get(field);
        return condition == null || condition == UNUSABLE || condition instanceof Range ? null : condition;
    }

    /**
     * Whether the query is nothing but equalities on (some of) these fields: then a document whose index entry
     * holds those values matches, without reading it. (A range is not: BSON ranges hold values of one type only,
     * the index's order holds all types.)
     */
    boolean onlyEqualitiesOn(Collection<String> fields) {
        return !more && fields.containsAll(conditions.keySet())
                && conditions.keySet().stream().allMatch(field -> equality(field) != null);
    }

    /** The range the field must lie in, or null. */
    Range range(String field) {
        return conditions.get(field) instanceof Range range ? range : null;
    }
}
