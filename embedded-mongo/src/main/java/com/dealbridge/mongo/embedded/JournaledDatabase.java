package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A database of {@link JournaledCollection}s, with ordered indexes where mongo-java-server has none. */
final class JournaledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    static final String NAMESPACES = "system.namespaces";
    static final String INDEXES = "system.indexes";

    private final Journal journal;
    /** Every collection of this database, system ones included (the library's own map is private). */
    private final Map<String, JournaledCollection> registry = new ConcurrentHashMap<>();

    JournaledDatabase(String databaseName, CursorRegistry cursorRegistry, Journal journal) {
        super(databaseName, cursorRegistry);
        this.journal = journal;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Integer> openOrCreateCollection(String collectionName, CollectionOptions options) {
        JournaledCollection collection = new JournaledCollection(this, collectionName, options, cursorRegistry,
                journal);
        registry.put(collectionName, collection);
        return collection;
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return new UnchangedKeysUniqueIndex(indexName, keys, sparse);
    }

    /*
     * The library passes an index's name, keys and sparseness on to the backend, not its partialFilterExpression:
     * this thread's index description is kept while the library creates (or, at a restart, recreates) the index.
     */
    private static final ThreadLocal<Document> CREATING = new ThreadLocal<>();

    @Override
    protected void addIndex(Document indexDescription) {
        // nested: a first index on a new collection creates the collection, and with it the _id index
        Document outer = CREATING.get();
        CREATING.set(indexDescription);
        try {
            super.addIndex(indexDescription);
        } finally {
            CREATING.set(outer);
        }
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
        Document description = CREATING.get();
        return new OrderedIndex(indexName, keys, sparse,
                description == null ? null : PartialFilter.of(description.get("partialFilterExpression")));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        journal.append(JournalRecord.dropCollection(getDatabaseName(), collectionName));
    }

    @Override
    public void unregisterCollection(String collectionName) {
        super.unregisterCollection(collectionName);
        registry.remove(collectionName);
    }

    /** A renamed collection is journaled as a drop of the old name and every document again under the new one. */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldName = collection.getCollectionName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        JournaledCollection moved = (JournaledCollection) collection;
        registry.put(newCollectionName, moved);
        journal.append(JournalRecord.dropCollection(oldDatabase.getDatabaseName(), oldName));
        moved.snapshot(journal::append);
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }

    /** Every document of every collection as PUT records, for a snapshot. */
    void snapshot(Consumer<JournalRecord> sink) {
        registry.values().forEach(collection -> collection.snapshot(sink));
    }

    /**
     * Rebuilds the state a replay recovered: collections with their documents, then the recorded indexes (built
     * over the documents at once). Collections and index definitions are recreated through the library, so its
     * own bookkeeping (namespaces, index descriptions) is as if they had been created by commands.
     */
    void restore(Map<String, Map<ByteBuffer, Document>> collections) {
        String prefix = getDatabaseName() + ".";
        collections.forEach((name, documents) -> {
            if (!name.equals(NAMESPACES) && !name.equals(INDEXES)) {
                JournaledCollection collection = (JournaledCollection) resolveOrCreateCollection(name);
                documents.values().forEach(collection::restore);
            }
        });
        for (Document namespace : collections.getOrDefault(NAMESPACES, Map.of()).values()) {
            String fullName = String.valueOf(namespace.get("name"));
            if (fullName.startsWith(prefix)) {
                resolveOrCreateCollection(fullName.substring(prefix.length()));
            }
        }
        for (Document index : collections.getOrDefault(INDEXES, Map.of()).values()) {
            addIndex(index.clone());
        }
    }
}
