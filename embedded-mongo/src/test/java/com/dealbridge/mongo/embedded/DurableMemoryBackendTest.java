package com.dealbridge.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableMemoryBackendTest {

    @TempDir
    Path dir;

    @Test
    void insertsUpdatesAndDeletesSurviveARestart() {
        withStore(client -> {
            MongoCollection<Document> deals = deals(client);
            deals.insertOne(new Document("_id", "d1").append("name", "Acme").append("amount", 10));
            deals.insertOne(new Document("_id", "d2").append("name", "Globex"));
            deals.insertOne(new Document("_id", "d3").append("name", "Initech"));
            deals.updateOne(Filters.eq("_id", "d1"), Updates.set("amount", 20));
            deals.deleteOne(Filters.eq("_id", "d2"));
            deals.findOneAndUpdate(Filters.eq("_id", "d3"), Updates.inc("version", 1));
        });
        withStore(client -> {
            MongoCollection<Document> deals = deals(client);
            assertThat(deals.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id")).containsExactly("d1", "d3");
            assertThat(deals.find(Filters.eq("_id", "d1")).first().getInteger("amount")).isEqualTo(20);
            assertThat(deals.find(Filters.eq("_id", "d3")).first().getInteger("version")).isEqualTo(1);
        });
    }

    @Test
    void uniqueIndexesStillRefuseDuplicatesAfterARestart() {
        withStore(client -> {
            deals(client).createIndex(Indexes.ascending("sharedDealId", "sequence"), new IndexOptions().unique(true));
            deals(client).insertOne(new Document("_id", "e1").append("sharedDealId", "s").append("sequence", 1));
        });
        withStore(client -> {
            assertThatThrownBy(() -> deals(client).insertOne(new Document("_id", "e2").append("sharedDealId", "s")
                    .append("sequence", 1))).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate");
            assertThat(deals(client).listIndexes().into(new ArrayList<>()))
                    .extracting(i -> i.getString("name")).contains("sharedDealId_1_sequence_1");
        });
    }

    @Test
    void aUniqueKeyIsFoundAndGuardedThroughUpdatesThatLeaveItAloneAndOnesThatChangeIt() {
        withStore(client -> {
            MongoCollection<Document> deals = deals(client);
            deals.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
            deals.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            deals.insertOne(new Document("_id", "d1").append("v", 1).append("code", "A").append("n", 0));
            deals.insertOne(new Document("_id", "d2").append("v", 1).append("code", "B").append("n", 0));

            // the keys left alone (one rewritten with its own value), then changed, then changed into a taken one
            deals.updateOne(Filters.eq("_id", "d1"), Updates.combine(Updates.inc("n", 1), Updates.set("code", "A")));
            deals.updateOne(Filters.and(Filters.eq("_id", "d1"), Filters.eq("v", 1)),
                    Updates.combine(Updates.set("v", 2), Updates.set("code", "C")));
            assertThatThrownBy(() -> deals.updateOne(Filters.eq("_id", "d2"), Updates.set("code", "C")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate");
            deals.insertOne(new Document("_id", "d3").append("v", 1).append("code", "A"));

            assertThat(deals.find(Filters.and(Filters.eq("_id", "d1"), Filters.eq("v", 1))).first()).isNull();
            assertThat(deals.find(Filters.and(Filters.eq("_id", "d1"), Filters.eq("v", 2))).first().getInteger("n"))
                    .isEqualTo(1);
            assertThat(deals.find(Filters.eq("code", "B")).first().getString("_id")).isEqualTo("d2");
            assertThat(deals.find(Filters.eq("code", "C")).first().getString("_id")).isEqualTo("d1");
            assertThat(deals.find(Filters.eq("code", "A")).first().getString("_id")).isEqualTo("d3");
        });
    }

    @Test
    void equalityIndexAnswersQueriesOnItsFirstFieldThroughUpdatesDeletesAndArrays() {
        withStore(client -> {
            MongoCollection<Document> notes = client.getDatabase("t").getCollection("notes");
            notes.createIndex(Indexes.ascending("sharedDealId", "createdAt"));
            for (int i = 0; i < 50; i++) {
                notes.insertOne(new Document("_id", "n" + i).append("sharedDealId", "deal-" + (i % 5))
                        .append("createdAt", i).append("tags", List.of("t" + (i % 3), "all")));
            }
            notes.updateOne(Filters.eq("_id", "n0"), Updates.set("sharedDealId", "deal-4"));
            notes.deleteOne(Filters.eq("_id", "n5"));
            assertThat(ids(notes.find(Filters.eq("sharedDealId", "deal-0")).sort(Sorts.ascending("createdAt"))))
                    .containsExactly("n10", "n15", "n20", "n25", "n30", "n35", "n40", "n45");
            assertThat(ids(notes.find(Filters.and(Filters.eq("sharedDealId", "deal-4"), Filters.lt("createdAt", 10)))))
                    .containsExactlyInAnyOrder("n0", "n4", "n9");
        });
        withStore(client -> {
            MongoCollection<Document> notes = client.getDatabase("t").getCollection("notes");
            assertThat(notes.countDocuments(Filters.eq("sharedDealId", "deal-4"))).isEqualTo(11);
            notes.createIndex(Indexes.ascending("tags"));
            assertThat(notes.countDocuments(Filters.eq("tags", "t1"))).isEqualTo(17);
            assertThat(notes.countDocuments(Filters.eq("tags", "all"))).isEqualTo(49);
        });
    }

    @Test
    void droppedCollectionsAndDatabasesStayDropped() {
        withStore(client -> {
            deals(client).insertOne(new Document("_id", "d1"));
            client.getDatabase("t").getCollection("gone").insertOne(new Document("_id", "x"));
            client.getDatabase("other").getCollection("c").insertOne(new Document("_id", "y"));
            client.getDatabase("t").getCollection("gone").drop();
            client.getDatabase("other").drop();
        });
        withStore(client -> {
            assertThat(client.getDatabase("t").listCollectionNames().into(new ArrayList<>())).containsExactly("deals");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("other");
        });
    }

    @Test
    void gridFsFilesComeBackByteForByte() {
        byte[] content = new byte[700_000];
        new java.util.Random(7).nextBytes(content);
        Object[] id = new Object[1];
        withStore(client -> {
            GridFSBucket bucket = GridFSBuckets.create(client.getDatabase("t"), "attachments");
            id[0] = bucket.uploadFromStream("picture.png", new ByteArrayInputStream(content));
        });
        withStore(client -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GridFSBuckets.create(client.getDatabase("t"), "attachments")
                    .downloadToStream((org.bson.types.ObjectId) id[0], out);
            assertThat(out.toByteArray()).isEqualTo(content);
        });
    }

    @Test
    void compactionReplacesTheJournalWithASnapshotWhileWritesGoOn() throws IOException {
        String body = "x".repeat(2_000);
        MongoServer server = EmbeddedMongoServers.start(dir.toString(), 0, new JournalSettings(false, 1 << 20));
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"))) {
            for (int i = 0; i < 2_000; i++) {
                deals(client).replaceOne(Filters.eq("_id", "d" + (i % 100)), new Document("_id", "d" + (i % 100))
                        .append("body", body).append("round", i / 100), new com.mongodb.client.model.ReplaceOptions()
                        .upsert(true));
            }
            org.awaitility.Awaitility.await().until(() -> files("snapshot").size() == 1
                    && files("journal").size() == 1);
        } finally {
            server.shutdown();
        }
        assertThat(Files.size(files("snapshot").get(0))).isLessThan(2L << 20);
        withStore(client -> {
            assertThat(deals(client).countDocuments()).isEqualTo(100);
            assertThat(deals(client).find(Filters.eq("_id", "d42")).first().getInteger("round")).isEqualTo(19);
        });
    }

    @Test
    void aTornLastRecordIsIgnoredAndEverythingBeforeItKept() throws IOException {
        MongoServer server = EmbeddedMongoServers.start(dir.toString(), 0, new JournalSettings(false, 1 << 30));
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"))) {
            deals(client).insertOne(new Document("_id", "kept"));
        }
        // what a crash in the middle of a write leaves: a frame header promising more bytes than follow
        Path journal = files("journal").get(files("journal").size() - 1);
        server.shutdown();
        Files.write(journal, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        withStore(client -> {
            assertThat(ids(deals(client).find())).containsExactly("kept");
            deals(client).insertOne(new Document("_id", "after"));
        });
        withStore(client -> assertThat(ids(deals(client).find())).containsExactlyInAnyOrder("kept", "after"));
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefused() {
        MongoServer first = EmbeddedMongoServers.start(dir.toString(), 0);
        try {
            assertThatThrownBy(() -> EmbeddedMongoServers.start(dir.toString(), 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        } finally {
            first.shutdown();
        }
    }

    @Test
    void aDataFileOfTheEarlierVersionIsImportedOnce() {
        Path legacy = dir.resolve("partner-mongo.mv.db");
        MongoServer old = new MongoServer(new H2Backend(legacy.toString()));
        old.bind(new InetSocketAddress("127.0.0.1", 0));
        try (MongoClient client = MongoClients.create(old.getConnectionString())) {
            client.getDatabase("partner").getCollection("deals").createIndex(Indexes.ascending("localDealId"),
                    new IndexOptions().unique(true));
            client.getDatabase("partner").getCollection("deals").insertOne(new Document("_id", "d1")
                    .append("localDealId", "L1"));
        } finally {
            old.shutdown();
        }
        MongoServer server = EmbeddedMongoServers.start(dir.resolve("partner-mongo").toString(), 0);
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "partner"))) {
            MongoCollection<Document> deals = client.getDatabase("partner").getCollection("deals");
            assertThat(ids(deals.find())).containsExactly("d1");
            assertThatThrownBy(() -> deals.insertOne(new Document("_id", "d2").append("localDealId", "L1")))
                    .isInstanceOf(MongoWriteException.class);
        } finally {
            server.shutdown();
        }
        assertThat(legacy).doesNotExist();
        assertThat(dir.resolve("partner-mongo.mv.db.imported")).exists();
    }

    private void withStore(Consumer<MongoClient> work) {
        MongoServer server = EmbeddedMongoServers.start(dir.toString(), 0);
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"))) {
            work.accept(client);
        } finally {
            server.shutdown();
        }
    }

    private static MongoCollection<Document> deals(MongoClient client) {
        return client.getDatabase("t").getCollection("deals");
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private List<Path> files(String kind) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(kind + "-")).sorted().toList();
        }
    }
}
