package com.dealbridge.mongo.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the data file of an earlier version (an H2 MVStore, {@code <name>.mv.db}) into a new store, once: through
 * both servers' wire protocol, so only public APIs are involved. The old file is then renamed
 * {@code <name>.mv.db.imported} and kept.
 */
final class LegacyDataImport {

    static final String SUFFIX = ".mv.db";

    private static final Logger log = LoggerFactory.getLogger(LegacyDataImport.class);
    private static final Set<String> SKIPPED_DATABASES = Set.of("admin", "local", "config");
    private static final int BATCH = 500;

    private LegacyDataImport() {
    }

    static void into(MongoServer target, Path legacyFile) {
        MongoServer legacy = new MongoServer(new H2Backend(legacyFile.toString()));
        long documents = 0;
        try {
            legacy.bind(new InetSocketAddress("127.0.0.1", 0));
            try (MongoClient from = MongoClients.create(legacy.getConnectionString());
                 MongoClient to = MongoClients.create(EmbeddedMongoServers.connectionString(target, ""))) {
                for (String name : from.listDatabaseNames()) {
                    if (!SKIPPED_DATABASES.contains(name)) {
                        documents += copy(from.getDatabase(name), to.getDatabase(name));
                    }
                }
            }
        } finally {
            legacy.shutdown();
        }
        try {
            Files.move(legacyFile, Path.of(legacyFile + ".imported"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Imported " + legacyFile + " but could not rename it", e);
        }
        log.info("imported {} document(s) from the earlier data file {} (kept as {}.imported)", documents, legacyFile,
                legacyFile);
    }

    private static long copy(MongoDatabase from, MongoDatabase to) {
        long documents = 0;
        for (String name : from.listCollectionNames()) {
            MongoCollection<Document> source = from.getCollection(name);
            MongoCollection<Document> target = to.getCollection(name);
            List<Document> batch = new ArrayList<>(BATCH);
            for (Document document : source.find()) {
                batch.add(document);
                if (batch.size() == BATCH) {
                    target.insertMany(batch);
                    documents += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                target.insertMany(batch);
                documents += batch.size();
            }
            List<IndexModel> indexes = new ArrayList<>();
            for (Document index : source.listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    indexes.add(new IndexModel(index.get("key", Document.class), new IndexOptions()
                            .name(index.getString("name")).unique(Boolean.TRUE.equals(index.get("unique")))
                            .sparse(Boolean.TRUE.equals(index.get("sparse")))));
                }
            }
            if (!indexes.isEmpty()) {
                target.createIndexes(indexes);
            }
        }
        return documents;
    }
}
