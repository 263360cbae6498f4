package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index on the first field of an index's keys: a query with equality on that field (or {@code $in} a
 * list) reads only the documents holding the value; the rest of the query (and any sort) is then applied to those.
 * mongo-java-server ignores non-unique indexes, so without this every {@code {sharedDealId: …}} query scans the
 * whole collection.
 * Range queries and sorts are not served from it: the {@link OrderedIndex} that holds it serves those.
 */
final class EqualityIndex extends Index<Integer> {

    private static final String ID = "_id";

    private final String field;
    private final Map<Object, Set<Integer>> positionsByValue = new HashMap<>();
    /** Where each document sits, by id: the library asks an index to find a document's position on removal. */
    private final Map<Object, Integer> positionById = new HashMap<>();
    private final Map<Integer, List<Object>> valuesByPosition = new HashMap<>();

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    @Override
    public synchronized Integer getPosition(Document document) {
        return positionById.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        add(document, position, getKeyValues(document));
    }

    /** Adds with the document's key values already worked out (the library's {@code getKeyValues} is not cheap). */
    synchronized void add(Document document, Integer position, Set<KeyValue> keyValues) {
        track(document, position);
        indexValues(position, keyValues);
    }

    /**
     * Knows where the document is without indexing its values: a partial index's documents outside its filter,
     * which the library still asks it to find (and to remove) as it does every index.
     */
    synchronized void track(Document document, Integer position) {
        positionById.put(idOf(document), position);
    }

    /** Indexes the values of a document it already knows the position of. */
    synchronized void indexValues(Integer position, Set<KeyValue> keyValues) {
        List<Object> values = firstValues(keyValues);
        valuesByPosition.put(position, values);
        for (Object value : values) {
            positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized Integer remove(Document document) {
        Integer position = positionById.remove(idOf(document));
        if (position != null) {
            unindex(position);
        }
        return position;
    }

    /** The documents whose values it indexes. */
    synchronized long indexedCount() {
        return valuesByPosition.size();
    }

    /** Stops indexing the values at the position; it still knows the document is there. */
    synchronized void unindex(Integer position) {
        List<Object> values = valuesByPosition.remove(position);
        if (values == null) {
            return;
        }
        for (Object value : values) {
            Set<Integer> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
    }

    /** Equality on the field, or {@code $in} a list of values. */
    @Override
    public boolean canHandle(Document query) {
        Object value = query.get(field);
        if (value instanceof Document operator) {
            return operator.size() == 1 && operator.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(EqualityIndex::plain);
        }
        return plain(value);
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof BsonRegularExpression) && !(value instanceof java.util.regex.Pattern);
    }

    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        Object value = query.get(field);
        Collection<?> wanted = value instanceof Document operator ? (Collection<?>) operator.get("$in")
                : List.of(value);
        Set<Integer> positions = new LinkedHashSet<>();
        for (Object one : wanted) {
            List<Object> values = valuesOf(new Document(field, one));
            Set<Integer> found = values.isEmpty() ? null : positionsByValue.get(values.get(0));
            if (found != null) {
                positions.addAll(found);
            }
        }
        return new ArrayList<>(positions);
    }

    @Override
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // not unique: any update is allowed
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                                           MongoCollection<Integer> collection) {
        update(oldDocument, newDocument, position, getKeyValues(newDocument));
    }

    /** Moves the position to the new state's key values, already worked out. */
    synchronized void update(Document oldDocument, Document newDocument, Integer position,
                             Set<KeyValue> newKeyValues) {
        unindex(position);
        positionById.remove(idOf(oldDocument));
        add(newDocument, position, newKeyValues);
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        positionById.clear();
        valuesByPosition.clear();
    }

    /** The (normalised) values of the indexed field: one per element when it holds an array. */
    private List<Object> valuesOf(Document document) {
        return firstValues(getKeyValues(document));
    }

    private static List<Object> firstValues(Set<KeyValue> keyValues) {
        Set<Object> values = new LinkedHashSet<>();
        for (KeyValue keyValue : keyValues) {
            values.add(keyValue.get(0));
        }
        return new ArrayList<>(values);
    }

    private static Object idOf(Document document) {
        return JournalRecord.key(document.get(ID));
    }
}
