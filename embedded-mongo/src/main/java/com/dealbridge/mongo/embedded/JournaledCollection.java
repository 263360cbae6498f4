package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An in-memory collection whose every change is written to the {@link Journal}: the new state of an inserted or
 * updated document, or the removal of one. Changes are journaled while the collection's lock is held, so the
 * journal holds each document's states in the order they happened.
 */
final class JournaledCollection extends AbstractSynchronizedMongoCollection<Integer> {

    /** Documents encoded per lock hold while a snapshot copies this collection. */
    private static final int SNAPSHOT_CHUNK = 512;

    private final Journal journal;
    private final List<Document> documents = new ArrayList<>();
    private final ArrayDeque<Integer> freePositions = new ArrayDeque<>();
    private int live;
    private long examined;

    JournaledCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                        CursorRegistry cursorRegistry, Journal journal) {
        super(database, collectionName, options, cursorRegistry);
        this.journal = journal;
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = freePositions.poll();
        if (position == null) {
            position = documents.size();
            documents.add(document);
        } else {
            documents.set(position, document);
        }
        live++;
        journal.append(JournalRecord.put(databaseName(), getCollectionName(), keyOf(document), document));
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        if (getIdField() == null) {
            // without an id the content is the identity: the old state goes, the new one comes
            journal.append(JournalRecord.delete(databaseName(), getCollectionName(), oldDocument));
        }
        journal.append(JournalRecord.put(databaseName(), getCollectionName(), keyOf(newDocument), newDocument));
    }

    @Override
    protected void removeDocument(Integer position) {
        Document removed = documents.set(position, null);
        if (removed == null) {
            return;
        }
        freePositions.add(position);
        live--;
        journal.append(JournalRecord.delete(databaseName(), getCollectionName(), keyOf(removed)));
    }

    @Override
    protected Document getDocument(Integer position) {
        return documents.get(position);
    }

    /**
     * A query an {@link OrderedIndex} can serve is read off it in index order: when that is the query's sort the
     * stream stops after skip + limit matches, so a page costs about its size, not the size of the deal. Anything
     * else (and anything a unique index answers) takes the library's path as before.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        boolean uniqueServes = getIndexes().stream().anyMatch(index -> index.isUnique() && index.canHandle(query));
        Iterable<Integer> unique = uniqueServes ? null : uniqueCandidates(query);
        if (unique != null) {
            return matchDocuments(query, unique, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        IndexScan scan = uniqueServes ? null : IndexScan.best(getIndexes(), query, orderBy);
        if (scan == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (scan.sorted() && scan.decided()) {
            // every entry is a match: a page far in skips entries, not documents
            Stream<Document> page = scan.positions(query).skip(Math.max(0, numberToSkip)).map(this::examine);
            return matchDocumentsFromStream(query, page, 0, limit, batchSize, null, fieldSelector);
        }
        Stream<Document> candidates = scan.positions(query).map(this::examine);
        return matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize,
                scan.sorted() ? null : deriveComparator(orderBy), fieldSelector);
    }

    /**
     * The library's unique indexes serve only a query on exactly their keys, so a conditional write such as
     * {@code {_id: x, version: 7}}, or the driver's {@code {$and: [{_id: x}, {version: 7}]}}, read every document of
     * the collection (a deal's save, 2–5 ms beside 200 deals). When the query's top level, or a part of its top-level
     * {@code $and}, fixes every key of a unique index, that index's entry (or entries, for {@code $in}) are the only
     * candidates, and the whole query is matched against them.
     *
     * @return the candidates' positions, or null when no unique index is fixed by the query
     */
    private Iterable<Integer> uniqueCandidates(Document query) {
        for (Index<Integer> index : getIndexes()) {
            if (!index.isUnique()) {
                continue;
            }
            Document fixed = fixedKeys(query, index.getKeys());
            if (fixed != null && index.canHandle(fixed)) {
                return index.getPositions(fixed);
            }
        }
        return null;
    }

    /** The query's conditions on the keys (any one of its conjuncts that names a key narrows it), or null. */
    private static Document fixedKeys(Document query, List<IndexKey> keys) {
        Document fixed = new Document();
        List<Document> conjuncts = new ArrayList<>();
        conjuncts.add(query);
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document conjunct) {
                    conjuncts.add(conjunct);
                }
            }
        }
        for (IndexKey key : keys) {
            for (Document conjunct : conjuncts) {
                if (conjunct.containsKey(key.getKey())) {
                    fixed.put(key.getKey(), conjunct.get(key.getKey()));
                    break;
                }
            }
            if (!fixed.containsKey(key.getKey())) {
                return null;
            }
        }
        return fixed;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> candidates = java.util.stream.StreamSupport.stream(positions.spliterator(), false)
                .map(this::examine);
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Stream<Document> all = liveDocuments(isNaturalDescending(orderBy)).peek(document -> examined++);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private Document examine(Integer position) {
        examined++;
        return documents.get(position);
    }

    /** Documents queries have read so far (matched or not): tests check a page reads about a page. */
    synchronized long documentsExamined() {
        return examined;
    }

    private Stream<Document> liveDocuments(boolean descending) {
        int size = documents.size();
        IntStream positions = IntStream.range(0, size);
        if (descending) {
            positions = positions.map(i -> size - 1 - i);
        }
        return positions.mapToObj(documents::get).filter(java.util.Objects::nonNull);
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return IntStream.range(0, documents.size()).filter(i -> documents.get(i) != null)
                .mapToObj(i -> new DocumentWithPosition<>(documents.get(i), i));
    }

    @Override
    protected Integer findDocumentPosition(Document document) {
        int position = documents.indexOf(document);
        return position < 0 ? null : position;
    }

    /** Under the lock, as every other query: an index read walks the live key order, which writes change. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }

    @Override
    public synchronized int count() {
        return live;
    }

    @Override
    public synchronized boolean isEmpty() {
        return live == 0;
    }

    /*
     * The library keeps a running data size by BSON-encoding the old and the new state of every document it writes:
     * two encodings per update besides the journal's, for a figure only collStats and validate report. It is summed
     * when they ask instead.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // not tracked (see tracksDataSize)
    }

    @Override
    protected synchronized int getDataSize() {
        long size = 0;
        for (Document document : documents) {
            if (document != null) {
                size += JournalRecord.bson(document).length;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /**
     * Hands a PUT record of every document to {@code sink}, a chunk at a time under the lock (documents are
     * changed in place, so they are encoded while no write can touch them). Writes go on between chunks; the
     * journal written meanwhile covers them.
     */
    void snapshot(Consumer<JournalRecord> sink) {
        for (int from = 0; ; from += SNAPSHOT_CHUNK) {
            synchronized (this) {
                if (from >= documents.size()) {
                    return;
                }
                int to = Math.min(documents.size(), from + SNAPSHOT_CHUNK);
                for (int i = from; i < to; i++) {
                    Document document = documents.get(i);
                    if (document != null) {
                        sink.accept(JournalRecord.put(databaseName(), getCollectionName(), keyOf(document),
                                document));
                    }
                }
            }
        }
    }

    /** Adds a document recovered from the journal (the journal is suspended while this runs). */
    synchronized void restore(Document document) {
        addDocument(document);
    }

    private Object keyOf(Document document) {
        return getIdField() == null ? document : document.get(getIdField());
    }

    private String databaseName() {
        return getDatabase().getDatabaseName();
    }
}
