package com.dealbridge.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries read off an {@link OrderedIndex} return what the library's own path returns: each query runs against a
 * collection with the index and against a copy without any, through the MongoDB driver.
 */
class OrderedIndexIntegrationTest {

    private static final Bson ORDER = Sorts.ascending("createdWall", "createdCounter", "createdOrigin");
    private static final Bson REVERSED = Sorts.descending("createdWall", "createdCounter", "createdOrigin");

    @TempDir
    Path dir;

    private DurableMemoryBackend backend;

    @Test
    void pagesOfADealsLiveNotesAreTheSameAsWithoutTheIndex() {
        withStore(client -> {
            insertNotes(client, 300);
            for (String deal : List.of("deal-0", "deal-1", "deal-9")) {
                Bson live = Filters.and(Filters.eq("sharedDealId", deal), Filters.eq("deleted", false));
                Document flat = new Document("sharedDealId", deal).append("deleted", false);
                for (int skip : List.of(0, 7, 40, 95, 200)) {
                    assertSame(client, live, ORDER, skip, 10);
                    assertSame(client, flat, ORDER, skip, 10);
                    assertSame(client, live, REVERSED, skip, 10);
                }
                assertSame(client, live, ORDER, 0, 0);
                assertSame(client, live, Sorts.ascending("createdWall"), 3, 5);
                assertSame(client, live, Sorts.ascending("deleted", "createdWall", "createdCounter"), 3, 5);
                assertSame(client, Filters.eq("sharedDealId", deal),
                        Sorts.ascending("deleted", "createdWall", "createdCounter", "createdOrigin"), 5, 30);
                assertSame(client, Filters.and(live, Filters.nin("type", List.of("call"))), ORDER, 4, 10);
            }
        });
    }

    @Test
    void sortsTheIndexCannotServeAreStillRight() {
        withStore(client -> {
            insertNotes(client, 200);
            Bson live = Filters.and(Filters.eq("sharedDealId", "deal-1"), Filters.eq("deleted", false));
            assertSame(client, live, Sorts.orderBy(Sorts.ascending("createdWall"), Sorts.descending("createdCounter"),
                    Sorts.ascending("createdOrigin")), 2, 10);
            assertSame(client, live, Sorts.ascending("type", "createdWall", "createdCounter", "createdOrigin"), 0, 10);
            assertSame(client, Filters.and(live, Filters.gt("createdWall", 10)),
                    Sorts.ascending("type", "createdWall", "createdCounter", "createdOrigin"), 1, 5);
        });
    }

    @Test
    void rangesOnTheFirstOrderedKeyAreTheSameAsWithoutTheIndex() {
        withStore(client -> {
            insertNotes(client, 300);
            Bson live = Filters.and(Filters.eq("sharedDealId", "deal-2"), Filters.eq("deleted", false));
            List<Bson> ranges = List.of(Filters.gt("createdWall", 20), Filters.gte("createdWall", 20),
                    Filters.lt("createdWall", 30), Filters.lte("createdWall", 30),
                    Filters.and(Filters.gt("createdWall", 20), Filters.lte("createdWall", 60)),
                    Filters.and(Filters.gte("createdWall", 20L), Filters.lt("createdWall", 60.0)),
                    Filters.and(Filters.gt("createdWall", 60), Filters.lt("createdWall", 20)),
                    Filters.gt("createdWall", "a string sorts after every number"));
            for (Bson range : ranges) {
                assertSame(client, Filters.and(live, range), ORDER, 0, 10);
                assertSame(client, Filters.and(live, range), REVERSED, 3, 10);
                assertSame(client, Filters.and(live, range), null, 0, 0);
            }
        });
    }

    @Test
    void updatesThatMoveANoteBetweenDealsOrPlacesAndRemovalsKeepTheOrder() {
        withStore(client -> {
            insertNotes(client, 200);
            for (MongoCollection<Document> notes : bothCollections(client)) {
                notes.updateOne(Filters.eq("_id", "n3"), Updates.set("sharedDealId", "deal-2"));
                notes.updateOne(Filters.eq("_id", "n8"), Updates.set("createdWall", -5L));
                notes.updateOne(Filters.eq("_id", "n13"), Updates.set("deleted", true));
                notes.updateMany(Filters.eq("sharedDealId", "deal-3"), Updates.inc("createdWall", 1000L));
                notes.updateOne(Filters.eq("_id", "n18"), Updates.unset("createdWall"));
                notes.deleteOne(Filters.eq("_id", "n23"));
                notes.deleteMany(Filters.and(Filters.eq("sharedDealId", "deal-4"), Filters.lt("createdWall", 30)));
            }
            assertDealsPageTheSame(client);
        });
    }

    @Test
    void updatesThatLeaveTheKeysAloneAndLaterOnesThatMoveThemKeepTheOrder() {
        withStore(client -> {
            insertNotes(client, 200);
            for (MongoCollection<Document> notes : bothCollections(client)) {
                notes.updateMany(Filters.eq("sharedDealId", "deal-1"), Updates.set("type", "meeting"));
                // the same key values again, one of them as another numeric type
                notes.updateOne(Filters.eq("_id", "n6"), Updates.set("createdCounter", 0L));
                notes.updateOne(Filters.eq("_id", "n6"), Updates.set("type", "call"));
                // then keys that do change: to another deal, to another place, out of the live notes
                notes.updateOne(Filters.eq("_id", "n12"), Updates.combine(Updates.set("sharedDealId", "deal-1"),
                        Updates.set("body", "edited")));
                notes.updateOne(Filters.eq("_id", "n6"), Updates.set("createdWall", 50L));
                notes.updateMany(Filters.eq("sharedDealId", "deal-1"), Updates.inc("createdWall", -100L));
                notes.updateOne(Filters.eq("_id", "n22"), Updates.set("deleted", true));
                notes.updateOne(Filters.eq("_id", "n22"), Updates.set("type", "call"));
            }
            assertDealsPageTheSame(client);
        });
    }

    @Test
    void aPartialIndexHoldsOnlyItsMatchesAndAnswersEveryQueryAsWithoutIt() {
        withStore(client -> {
            indexed(client, "log").createIndex(Indexes.ascending("published"),
                    new IndexOptions().partialFilterExpression(Filters.eq("published", false)));
            indexed(client, "log").createIndex(Indexes.ascending("aggregateId", "sequence"),
                    new IndexOptions().partialFilterExpression(Filters.eq("parked", true)));
            for (MongoCollection<Document> log : logCollections(client)) {
                for (int i = 0; i < 60; i++) {
                    Document entry = new Document("_id", "e" + i).append("aggregateId", "deal-" + i % 3)
                            .append("sequence", (long) i).append("published", false);
                    log.insertOne(i % 10 == 0 ? entry.append("parked", true) : entry);
                }
                // published in turns, one entry back again, parked ones applied and one parked late
                log.updateMany(Filters.lt("sequence", 40L), Updates.set("published", true));
                log.updateOne(Filters.eq("_id", "e7"), Updates.set("published", false));
                log.updateMany(Filters.eq("parked", true), Updates.set("parked", false));
                log.updateOne(Filters.eq("_id", "e33"), Updates.set("parked", true));
                log.deleteOne(Filters.eq("_id", "e50"));
                log.insertOne(new Document("_id", "e-late").append("aggregateId", "deal-0").append("sequence", 99L)
                        .append("published", false).append("parked", true));
            }
            assertLogAnswersTheSame(client);
            assertThat(indexedCount("published_1")).isEqualTo(21);
            assertThat(indexedCount("aggregateId_1_sequence_1")).isEqualTo(2);
        });
        withStore(client -> {
            assertLogAnswersTheSame(client);
            assertThat(indexedCount("published_1")).as("after a restart").isEqualTo(21);
        });
    }

    private void assertLogAnswersTheSame(MongoClient client) {
        Bson bySequence = Sorts.ascending("sequence");
        assertSame(client, "log", Filters.eq("published", false), bySequence, 0, 0);
        assertSame(client, "log", Filters.eq("published", true), bySequence, 0, 0);
        assertSame(client, "log", Filters.and(Filters.eq("published", false), Filters.lt("sequence", 45L)),
                bySequence, 0, 0);
        assertSame(client, "log", Filters.and(Filters.eq("parked", true), Filters.eq("aggregateId", "deal-0")),
                bySequence, 0, 0);
        assertSame(client, "log", Filters.eq("aggregateId", "deal-0"), bySequence, 0, 0);
        assertSame(client, "log", Filters.and(Filters.eq("aggregateId", "deal-0"), Filters.gt("sequence", 30L)),
                bySequence, 0, 0);
        assertThat(indexed(client, "log").countDocuments(Filters.eq("published", false)))
                .isEqualTo(plain(client, "log").countDocuments(Filters.eq("published", false)));
    }

    private long indexedCount(String index) {
        return ((JournaledCollection) backend.resolveDatabase("t").resolveCollection("log", true)).getIndexes()
                .stream().filter(candidate -> candidate.getName().equals(index)).findFirst().orElseThrow()
                .getCount();
    }

    private static List<MongoCollection<Document>> logCollections(MongoClient client) {
        return List.of(indexed(client, "log"), plain(client, "log"));
    }

    @Test
    void aRestartRebuildsTheOrderFromTheJournal() {
        withStore(client -> {
            insertNotes(client, 200);
            for (MongoCollection<Document> notes : bothCollections(client)) {
                notes.updateOne(Filters.eq("_id", "n4"), Updates.set("createdWall", 500L));
                notes.deleteOne(Filters.eq("_id", "n9"));
            }
        });
        withStore(this::assertDealsPageTheSame);
    }

    @Test
    void aDroppedAndRecreatedIndexAnswersAsBefore() {
        withStore(client -> {
            insertNotes(client, 150);
            MongoCollection<Document> notes = indexed(client, "notes");
            notes.dropIndex("sharedDealId_1_deleted_1_createdWall_1_createdCounter_1_createdOrigin_1");
            bothCollections(client).forEach(each -> each.deleteOne(Filters.eq("_id", "n6")));
            assertDealsPageTheSame(client);
            notes.createIndex(Indexes.ascending("sharedDealId", "deleted", "createdWall", "createdCounter",
                    "createdOrigin"));
            bothCollections(client).forEach(each -> each.updateOne(Filters.eq("_id", "n11"),
                    Updates.set("createdWall", 1L)));
            assertDealsPageTheSame(client);
        });
    }

    @Test
    void aDescendingKeyServesRangesAndSortsBothWays() {
        withStore(client -> {
            for (MongoCollection<Document> log : List.of(indexed(client, "log"), plain(client, "log"))) {
                for (int i = 0; i < 120; i++) {
                    log.insertOne(new Document("_id", "e" + i).append("aggregateId", "a" + i % 3)
                            .append("sequence", (long) i));
                }
            }
            indexed(client, "log").createIndex(Indexes.compoundIndex(Indexes.ascending("aggregateId"),
                    Indexes.descending("sequence")));
            for (Bson sort : List.of(Sorts.ascending("sequence"), Sorts.descending("sequence"))) {
                assertSame(client, "log", Filters.and(Filters.eq("aggregateId", "a1"), Filters.gt("sequence", 40)),
                        sort, 2, 10);
                assertSame(client, "log", Filters.and(Filters.eq("aggregateId", "a2"), Filters.lte("sequence", 50),
                        Filters.gte("sequence", 10)), sort, 0, 0);
            }
        });
    }

    @Test
    void anArrayInAnIndexedFieldFallsBackUntilItIsGone() {
        withStore(client -> {
            insertNotes(client, 100);
            for (MongoCollection<Document> notes : bothCollections(client)) {
                notes.insertOne(new Document("_id", "multi").append("sharedDealId", "deal-1").append("deleted", false)
                        .append("createdWall", List.of(7L, 70L)).append("createdCounter", 0));
            }
            Bson live = Filters.and(Filters.eq("sharedDealId", "deal-1"), Filters.eq("deleted", false));
            assertSame(client, live, ORDER, 0, 0);
            assertSame(client, live, REVERSED, 0, 0);
            bothCollections(client).forEach(notes -> notes.deleteOne(Filters.eq("_id", "multi")));
            long before = notesExamined();
            assertSame(client, live, ORDER, 0, 5);
            assertThat(notesExamined() - before).isLessThanOrEqualTo(5);
        });
    }

    @Test
    void aPageOfABigDealIsReadOffTheIndexNotTheWholeDeal() {
        withStore(client -> {
            MongoCollection<Document> notes = indexed(client, "notes");
            notes.createIndex(Indexes.ascending("sharedDealId", "deleted", "createdWall", "createdCounter",
                    "createdOrigin"));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                batch.add(note(i, "big"));
                batch.add(note(5000 + i, "other"));
            }
            notes.insertMany(batch);
            Bson live = Filters.and(Filters.eq("sharedDealId", "big"), Filters.eq("deleted", false));

            long before = notesExamined();
            List<Document> first = notes.find(live).sort(ORDER).skip(100).limit(20).into(new ArrayList<>());
            assertThat(first).hasSize(20);
            assertThat(notesExamined() - before).isLessThanOrEqualTo(120);

            before = notesExamined();
            List<Document> farIn = notes.find(live).sort(ORDER).skip(4000).limit(20).into(new ArrayList<>());
            assertThat(farIn).hasSize(20);
            assertThat(notesExamined() - before).as("entries are skipped, not documents: the index decides the query")
                    .isLessThanOrEqualTo(20);

            before = notesExamined();
            notes.find(Filters.and(live, Filters.ne("type", "none"))).sort(ORDER).skip(4000).limit(20)
                    .into(new ArrayList<>());
            assertThat(notesExamined() - before).as("a condition the index does not decide is matched on each")
                    .isEqualTo(4020);

            before = notesExamined();
            List<Document> last = notes.find(live).sort(REVERSED).limit(20).into(new ArrayList<>());
            assertThat(last).hasSize(20);
            assertThat(last.get(0).getLong("createdWall")).isEqualTo(4999L / 3);
            assertThat(notesExamined() - before).isLessThanOrEqualTo(20);

            before = notesExamined();
            assertThat(notes.find(Filters.and(Filters.eq("sharedDealId", "big"), Filters.ne("type", "none")))
                    .into(new ArrayList<>())).hasSize(5000);
            assertThat(notesExamined() - before).as("an $and is read off the index too: the deal, not all deals")
                    .isEqualTo(5000);

            before = notesExamined();
            notes.find(live).sort(Sorts.ascending("type")).limit(20).into(new ArrayList<>());
            // 715 of the 5000 are deleted: the equality prefix still narrows, but the whole group is read and sorted
            assertThat(notesExamined() - before).as("a sort the index does not serve reads the deal's live notes")
                    .isEqualTo(5000 - 715);
        });
    }

    @Test
    void aConditionalWriteOnAnIdReadsThatDocumentNotTheCollection() {
        withStore(client -> {
            MongoCollection<Document> notes = indexed(client, "notes");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                batch.add(note(i, "deal-" + i % 5).append("version", 1));
            }
            notes.insertMany(batch);

            long before = notesExamined();
            assertThat(notes.updateOne(Filters.and(Filters.eq("_id", "n42"), Filters.eq("version", 1)),
                    Updates.set("version", 2)).getModifiedCount()).isEqualTo(1);
            assertThat(notes.replaceOne(new Document("_id", "n42").append("version", 1), note(42, "deal-2"))
                    .getMatchedCount()).as("the version moved on: the condition still decides").isZero();
            assertThat(notes.find(Filters.and(Filters.in("_id", "n1", "n2", "n3"), Filters.eq("deleted", false)))
                    .into(new ArrayList<>())).extracting(document -> document.getString("_id"))
                    .containsExactlyInAnyOrder("n1", "n2", "n3");
            assertThat(notes.find(Filters.and(Filters.eq("_id", "n7"), Filters.eq("deleted", false))).first())
                    .as("n7 is deleted").isNull();
            assertThat(notes.deleteOne(Filters.and(Filters.eq("_id", "n8"), Filters.eq("sharedDealId", "deal-3")))
                    .getDeletedCount()).isEqualTo(1);
            assertThat(notesExamined() - before).as("each query read its ids' documents only").isLessThanOrEqualTo(10);

            assertThat(notes.find(new Document("_id", "n42")).first().getInteger("version")).isEqualTo(2);
            assertThat(notes.find(Filters.eq("_id", "n8")).first()).isNull();
            before = notesExamined();
            assertThat(notes.find(Filters.and(Filters.gt("_id", "n1990"), Filters.eq("deleted", false)))
                    .into(new ArrayList<>())).as("a range on the id is no lookup: read as before").isNotEmpty();
            assertThat(notesExamined() - before).isEqualTo(1999);
        });
    }

    // ---- the two collections ------------------------------------------------------------------------------------

    private void insertNotes(MongoClient client, int count) {
        indexed(client, "notes").createIndex(Indexes.ascending("sharedDealId", "deleted", "createdWall",
                "createdCounter", "createdOrigin"));
        for (MongoCollection<Document> notes : bothCollections(client)) {
            for (int i = 0; i < count; i++) {
                notes.insertOne(note(i, "deal-" + i % 5));
            }
        }
    }

    /** Walls repeat three times and counters tell those apart: the order needs more than its first key. */
    private static Document note(int i, String deal) {
        return new Document("_id", "n" + i).append("sharedDealId", deal).append("deleted", i % 7 == 0)
                .append("createdWall", (long) i / 3).append("createdCounter", i % 3)
                .append("createdOrigin", i % 2 == 0 ? "partner" : "crm").append("type", i % 4 == 0 ? "call" : "note");
    }

    private void assertDealsPageTheSame(MongoClient client) {
        for (int deal = 0; deal < 5; deal++) {
            Bson live = Filters.and(Filters.eq("sharedDealId", "deal-" + deal), Filters.eq("deleted", false));
            assertSame(client, live, ORDER, 0, 0);
            assertSame(client, live, ORDER, 5, 10);
            assertSame(client, live, REVERSED, 5, 10);
            assertSame(client, Filters.and(live, Filters.gte("createdWall", 20)), ORDER, 0, 10);
        }
    }

    private static void assertSame(MongoClient client, Bson filter, Bson sort, int skip, int limit) {
        assertSame(client, "notes", filter, sort, skip, limit);
    }

    private static void assertSame(MongoClient client, String collection, Bson filter, Bson sort, int skip,
                                   int limit) {
        assertThat(ids(indexed(client, collection), filter, sort, skip, limit))
                .as("%s sorted by %s, skip %d, limit %d", filter, sort, skip, limit)
                .isEqualTo(ids(plain(client, collection), filter, sort, skip, limit));
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter, Bson sort, int skip,
                                    int limit) {
        // a small batch so longer results also come through getMore
        List<String> ids = new ArrayList<>();
        collection.find(filter).sort(sort).skip(skip).limit(limit).batchSize(7)
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static List<MongoCollection<Document>> bothCollections(MongoClient client) {
        return List.of(indexed(client, "notes"), plain(client, "notes"));
    }

    private static MongoCollection<Document> indexed(MongoClient client, String collection) {
        return client.getDatabase("t").getCollection(collection);
    }

    private static MongoCollection<Document> plain(MongoClient client, String collection) {
        return client.getDatabase("t").getCollection(collection + "-without-index");
    }

    private long notesExamined() {
        return ((JournaledCollection) backend.resolveDatabase("t").resolveCollection("notes", true))
                .documentsExamined();
    }

    private void withStore(Consumer<MongoClient> work) {
        backend = DurableMemoryBackend.open(dir, JournalSettings.defaults());
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 4);
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"))) {
            work.accept(client);
        } finally {
            server.shutdown();
        }
    }
}
