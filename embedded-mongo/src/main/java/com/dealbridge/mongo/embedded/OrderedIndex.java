package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index that also keeps its documents in key order ({@link KeyOrder}), so a query fixing a prefix of
 * the keys and sorting by the next ones (or bounding the next one) reads a page off the index and stops, instead of
 * reading, sorting and paging every document of the prefix ({@link IndexScan}).
 * The queries {@link EqualityIndex} answered are still answered by it, unchanged.
 *
 * <p>A document with an array in an indexed field has several entries (or none, for an empty array) and sorts by
 * its least or greatest element depending on the direction; while the index holds such a document, it serves no
 * ordered reads at all rather than get that subtle ordering wrong.
 */
final class OrderedIndex extends Index<Integer> {

    private final EqualityIndex equality;
    private final KeyOrder order;
    private final Map<Integer, KeyOrder.Entry> entryByPosition = new HashMap<>();
    private final Set<Integer> multikeyPositions = new HashSet<>();
    /** Null unless the index is partial: then it holds only the documents matching this. */
    private final PartialFilter partial;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        this(name, keys, sparse, null);
    }

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse, PartialFilter partial) {
        super(name, keys, sparse);
        this.equality = new EqualityIndex(name, keys, sparse);
        this.order = new KeyOrder(keys);
        this.partial = partial;
    }

    /** How the query can be read off this index, or null (see {@link IndexScan#plan}). */
    synchronized IndexScan plan(Document query, Document orderBy) {
        return multikeyPositions.isEmpty() && holdsAllMatchesOf(query)
                ? IndexScan.plan(order, getKeys(), query, orderBy, equality.canHandle(query)) : null;
    }

    private boolean holdsAllMatchesOf(Document query) {
        return partial == null || partial.impliedBy(query);
    }

    private boolean holds(Document document) {
        return partial == null || partial.matches(document);
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        if (!holds(document)) {
            equality.track(document, position);
            return;
        }
        Set<KeyValue> keyValues = getKeyValues(document);
        equality.add(document, position, keyValues);
        enter(document, position, keyValues);
    }

    @Override
    public synchronized Integer remove(Document document) {
        Integer position = equality.remove(document);
        if (position != null) {
            leave(position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                                           MongoCollection<Integer> collection) {
        if (partial != null && !moveWithinPartial(oldDocument, newDocument, position)) {
            return;
        }
        if (KeyFields.unchanged(getKeys(), oldDocument, newDocument)) {
            return;
        }
        Set<KeyValue> keyValues = getKeyValues(newDocument);
        if (keysUnchanged(position, newDocument, keyValues)) {
            // most updates (a deal's counters, a log entry marked published) leave the keys alone: a tree's
            // removal and insertion cost more than this comparison
            return;
        }
        equality.update(oldDocument, newDocument, position, keyValues);
        leave(position);
        enter(newDocument, position, keyValues);
    }

    /**
     * A partial index's side of an update when the document enters or leaves it (a log entry published leaves the
     * index of unpublished ones); true when it stays inside, and the update is then handled as in any index.
     */
    private boolean moveWithinPartial(Document oldDocument, Document newDocument, Integer position) {
        boolean held = partial.matches(oldDocument);
        boolean holds = partial.matches(newDocument);
        if (held && !holds) {
            equality.unindex(position);
            leave(position);
        } else if (!held && holds) {
            Set<KeyValue> keyValues = getKeyValues(newDocument);
            equality.indexValues(position, keyValues);
            enter(newDocument, position, keyValues);
        }
        return held && holds;
    }

    @Override
    public synchronized void drop() {
        equality.drop();
        order.clear();
        entryByPosition.clear();
        multikeyPositions.clear();
    }

    private void enter(Document document, Integer position, Set<KeyValue> keyValues) {
        KeyValue single = keyValues.size() == 1 ? keyValues.iterator().next() : null;
        if (single == null || getKeys().stream().anyMatch(key -> holdsArray(document, key.getKey()))) {
            multikeyPositions.add(position);
            return;
        }
        KeyOrder.Entry entry = new KeyOrder.Entry(single.stream().toArray(), position);
        order.add(entry);
        entryByPosition.put(position, entry);
    }

    /**
     * Whether the new state has exactly the key values the entry at the position holds (the same id too, which no
     * update changes). A multikey document, or one without an entry, is never taken as unchanged.
     */
    private boolean keysUnchanged(Integer position, Document newDocument, Set<KeyValue> keyValues) {
        KeyOrder.Entry entry = entryByPosition.get(position);
        if (entry == null) {
            return false;
        }
        return keyValues.size() == 1 && Arrays.equals(entry.values(), keyValues.iterator().next().stream().toArray())
                && getKeys().stream().noneMatch(key -> holdsArray(newDocument, key.getKey()));
    }

    /** Whether the path passes through or ends in an array (even one of a single element, which sorts as a list). */
    private static boolean holdsArray(Document document, String path) {
        Object value = document;
        for (String field : path.split("\\.")) {
            if (value instanceof Collection) {
                return true;
            }
            if (!(value instanceof Document nested)) {
                return false;
            }
            value = nested.get(field);
        }
        return value instanceof Collection;
    }

    private void leave(Integer position) {
        KeyOrder.Entry entry = entryByPosition.remove(position);
        if (entry != null) {
            order.remove(entry);
        }
        multikeyPositions.remove(position);
    }

    @Override
    public Integer getPosition(Document document) {
        return equality.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // not unique: any document may be added
    }

    @Override
    public boolean canHandle(Document query) {
        return holdsAllMatchesOf(query) && equality.canHandle(query);
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        return equality.getPositions(query);
    }

    @Override
    public long getCount() {
        return partial == null ? equality.getCount() : equality.indexedCount();
    }

    @Override
    public long getDataSize() {
        return equality.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // not unique: any update is allowed
    }
}
