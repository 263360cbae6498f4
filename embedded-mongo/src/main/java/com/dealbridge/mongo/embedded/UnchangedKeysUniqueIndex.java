package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/** The library's unique index, which an update that leaves its keys alone ({@link KeyFields}) does not touch. */
final class UnchangedKeysUniqueIndex extends MemoryUniqueIndex {

    UnchangedKeysUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument,
                                         MongoCollection<Integer> collection) {
        if (!KeyFields.unchanged(getKeys(), oldDocument, newDocument)) {
            super.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                                           MongoCollection<Integer> collection) {
        if (!KeyFields.unchanged(getKeys(), oldDocument, newDocument)) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
        }
    }
}
