package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The entries of an index in the order of its keys, as a B-tree of a real MongoDB holds them: every document's key
 * values, compared field by field in BSON order (the library's own {@link ValueComparator}, so an ordered read agrees
 * with the library's sort) and in each key's direction, then by position so no two documents tie.
 */
final class KeyOrder {

    /** Bounds that sort before or after every value of a field, whatever its direction. */
    enum Bound { LOWEST, HIGHEST }

    /** One document's key values at its position. */
    record Entry(Object[] values, int position) {
    }

    /** Longs up to this size are exact as doubles, so the library compares them as {@link Long#compare} does. */
    private static final long EXACT_AS_DOUBLE = 1L << 53;
    private static final int NOT_SAME_TYPE = Integer.MIN_VALUE;

    private final List<Comparator<Object>> fields;
    private final boolean[] descending;
    private final NavigableSet<Entry> entries;

    KeyOrder(List<IndexKey> keys) {
        this.fields = keys.stream()
                .map(key -> (Comparator<Object>) (key.isAscending() ? ValueComparator.asc() : ValueComparator.desc()))
                .toList();
        this.descending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        this.entries = new TreeSet<>(this::compare);
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    void remove(Entry entry) {
        entries.remove(entry);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** The entries from {@code low} to {@code high} (bounds built of {@link Bound}s, so neither is an entry). */
    NavigableSet<Entry> between(Entry low, Entry high) {
        if (compare(low, high) > 0) {
            // a contradictory range ($gt 5 and $lt 3): TreeSet refuses such a view
            return Collections.emptyNavigableSet();
        }
        return entries.subSet(low, true, high, true);
    }

    private int compare(Entry a, Entry b) {
        for (int i = 0; i < fields.size(); i++) {
            int cmp = compareField(i, a.values[i], b.values[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.position, b.position);
    }

    private int compareField(int field, Object a, Object b) {
        if (a instanceof Bound || b instanceof Bound) {
            return Integer.compare(rank(a), rank(b));
        }
        int same = sameTypeCompare(a, b);
        if (same != NOT_SAME_TYPE) {
            return descending[field] ? -same : same;
        }
        return fields.get(field).compare(a, b);
    }

    /*
     * The keys of the services' indexes are strings, longs, integers, booleans and dates, and the library's
     * comparator first ranks both values' types by walking a list of classes with isAssignableFrom: a third of the
     * embedded store's CPU under the note load went to keeping these trees in order (async-profiler, 2026-12-07).
     * Two values of one of these types compare here exactly as the library compares them; anything else goes to it.
     */
    private static int sameTypeCompare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y && exactAsDouble(x) && exactAsDouble(y)) {
            return Long.compare(x, y);
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof java.time.Instant x && b instanceof java.time.Instant y) {
            return x.compareTo(y);
        }
        return NOT_SAME_TYPE;
    }

    private static boolean exactAsDouble(long value) {
        return value >= -EXACT_AS_DOUBLE && value <= EXACT_AS_DOUBLE;
    }

    private static int rank(Object value) {
        return value == Bound.LOWEST ? -1 : value == Bound.HIGHEST ? 1 : 0;
    }
}
