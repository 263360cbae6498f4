package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * How a query can be read off an {@link OrderedIndex}: equality on the first {@code equalities} keys, perhaps a
 * range on the next one, and whether the index order is the query's sort (forwards or backwards), so the read can
 * stop after skip + limit matches. Planned as a real MongoDB would use the same compound index.
 *
 * @param equalities how many leading keys the query fixes
 * @param ranged     whether the key after them is bounded by a range
 * @param sorted     whether the entries come in the order the query sorts by (true also when it asks none)
 * @param reverse    whether they are read backwards for that
 * @param decided    whether an entry in the scan's bounds is a match (the query is only equalities on the fixed
 *                   keys), so entries can be skipped without reading their documents
 */
record IndexScan(KeyOrder entries, List<IndexKey> keys, int equalities, boolean ranged, boolean sorted,
                 boolean reverse, boolean decided, int score) {

    /** The most selective scan any of the ordered indexes offers for the query, or null. */
    static IndexScan best(List<Index<Integer>> indexes, Document query, Document orderBy) {
        IndexScan best = null;
        for (Index<Integer> index : indexes) {
            IndexScan scan = index instanceof OrderedIndex ordered ? ordered.plan(query, orderBy) : null;
            if (scan != null && (best == null || scan.score > best.score)) {
                best = scan;
            }
        }
        return best;
    }

    /**
     * The scan of the index with these keys for the query, or null when the index does not help more than the
     * library's own path would (no condition past the first key's equality, which the equality index serves, and no
     * sort served).
     *
     * @param equalityIndexServes whether the index's {@link EqualityIndex} answers the query
     */
    static IndexScan plan(KeyOrder entries, List<IndexKey> keys, Document query, Document orderBy,
                          boolean equalityIndexServes) {
        FieldConditions conditions = new FieldConditions(query);
        int equalities = 0;
        while (equalities < keys.size() && conditions.equality(keys.get(equalities).getKey()) != null) {
            equalities++;
        }
        boolean ranged = equalities < keys.size() && conditions.range(keys.get(equalities).getKey()) != null;
        Boolean reverse = direction(keys, equalities, orderBy);
        boolean asksSort = orderBy != null && !orderBy.isEmpty();
        if (asksSort && orderBy.keySet().iterator().next().equals("$natural")) {
            return null;
        }
        boolean sorted = reverse != null;
        // the equality index only looks at the query's top level: a driver's Filters.and ($and) passes it by
        boolean helps = ranged || equalities >= 2 || (equalities == 1 && (asksSort && sorted || !equalityIndexServes))
                || (asksSort && sorted && query.isEmpty());
        if (!helps) {
            return null;
        }
        // a served sort saves the most (the read stops early), then each fixed key, then a range
        int score = (asksSort && sorted ? 100 : 0) + 10 * equalities + (ranged ? 5 : 0);
        boolean decided = conditions.onlyEqualitiesOn(keys.subList(0, equalities).stream().map(IndexKey::getKey)
                .toList());
        return new IndexScan(entries, keys, equalities, ranged, sorted, sorted && reverse, decided, score);
    }

    /**
     * Whether the sort (less the keys the query fixes) is the keys after the fixed ones, all in their direction
     * (false) or all against it (true); null when it is not.
     */
    private static Boolean direction(List<IndexKey> keys, int equalities, Document orderBy) {
        if (orderBy == null) {
            return false;
        }
        List<String> fixed = keys.subList(0, equalities).stream().map(IndexKey::getKey).toList();
        Boolean reverse = null;
        int next = equalities;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (fixed.contains(sort.getKey())) {
                continue;
            }
            if (next >= keys.size() || !keys.get(next).getKey().equals(sort.getKey())
                    || !(sort.getValue() instanceof Number direction) || direction.intValue() == 0) {
                return null;
            }
            boolean against = (direction.intValue() > 0) != keys.get(next).isAscending();
            if (reverse != null && reverse != against) {
                return null;
            }
            reverse = against;
            next++;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }

    /** Positions worth reading, in the scan's order (the query still has to be matched against each). */
    java.util.stream.Stream<Integer> positions(Document query) {
        FieldConditions conditions = new FieldConditions(query);
        Object[] low = new Object[keys.size()];
        Object[] high = new Object[keys.size()];
        Arrays.fill(low, KeyOrder.Bound.LOWEST);
        Arrays.fill(high, KeyOrder.Bound.HIGHEST);
        for (int i = 0; i < equalities; i++) {
            low[i] = high[i] = conditions.equality(keys.get(i).getKey());
        }
        int lowPosition = Integer.MIN_VALUE;
        int highPosition = Integer.MAX_VALUE;
        if (ranged) {
            IndexKey key = keys.get(equalities);
            FieldConditions.Range range = conditions.range(key.getKey());
            // a descending key holds its greatest values first
            Object from = key.isAscending() ? range.low() : range.high();
            boolean fromInclusive = key.isAscending() ? range.lowInclusive() : range.highInclusive();
            Object to = key.isAscending() ? range.high() : range.low();
            boolean toInclusive = key.isAscending() ? range.highInclusive() : range.lowInclusive();
            if (from != null) {
                low[equalities] = from;
                if (!fromInclusive) {
                    // past every entry holding the value itself
                    Arrays.fill(low, equalities + 1, low.length, KeyOrder.Bound.HIGHEST);
                    lowPosition = Integer.MAX_VALUE;
                }
            }
            if (to != null) {
                high[equalities] = to;
                if (!toInclusive) {
                    Arrays.fill(high, equalities + 1, high.length, KeyOrder.Bound.LOWEST);
                    highPosition = Integer.MIN_VALUE;
                }
            }
        }
        NavigableSet<KeyOrder.Entry> found = entries.between(new KeyOrder.Entry(low, lowPosition),
                new KeyOrder.Entry(high, highPosition));
        return (reverse ? found.descendingSet() : found).stream().map(KeyOrder.Entry::position);
    }
}
