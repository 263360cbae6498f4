package com.dealbridge.mongo.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The first and the last page of a big deal's notes and of its change log, as ProjectionStore and ChangeLog ask for
 * them, on the embedded store (in memory, so only the query is timed). Uses nothing but the public API, so the same
 * file runs against an earlier version of the store for a before/after figure:
 * {@code mvn -B -o -q -pl embedded-mongo test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.dealbridge.mongo.embedded.DealPageBenchmark [-Dexec.args="5000 21"]}
 */
public final class DealPageBenchmark {

    private static final int OTHER_DEALS = 30;
    private static final int NOTES_PER_OTHER_DEAL = 500;
    private static final int PAGE = 50;

    private DealPageBenchmark() {
    }

    public static void main(String[] args) {
        int notes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        MongoServer server = EmbeddedMongoServers.start("", 0);
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "bench"))) {
            MongoCollection<Document> noteCollection = client.getDatabase("bench").getCollection("shared_notes");
            MongoCollection<Document> log = client.getDatabase("bench").getCollection("change_log");
            fill(noteCollection, log, notes);
            Bson live = Filters.and(Filters.eq("sharedDealId", "big"), Filters.eq("deleted", false));
            Bson order = Sorts.ascending("createdWall", "createdCounter", "createdOrigin");
            long liveNotes = noteCollection.countDocuments(live);
            Bson entries = Filters.and(Filters.eq("aggregateId", "big"), Filters.nin("type", List.of("Viewed")));
            Bson logOrder = Sorts.ascending("hlcWall", "hlcCounter", "origin", "eventId");
            long logEntries = log.countDocuments(entries);
            System.out.printf("deal with %d live notes (%d notes in all), %d log entries; median of %d runs%n",
                    liveNotes, notes + OTHER_DEALS * NOTES_PER_OTHER_DEAL, logEntries, runs);
            report("notes, first page", runs, read(() -> noteCollection.find(live).sort(order).limit(PAGE)));
            report("notes, last page", runs,
                    read(() -> noteCollection.find(live).sort(order).skip((int) (liveNotes - PAGE)).limit(PAGE)));
            report("log, first page", runs, read(() -> log.find(entries).sort(logOrder).limit(PAGE)));
            report("log, last page", runs,
                    read(() -> log.find(entries).sort(logOrder).skip((int) (logEntries - PAGE)).limit(PAGE)));
            report("notes, count (countDocuments)", runs, () -> noteCollection.countDocuments(live));
            // the count command, as ChangeLog.count asks for the Shared tab's total
            Document countLog = new Document("count", "change_log").append("query", new Document("aggregateId", "big")
                    .append("type", new Document("$nin", List.of("Viewed"))));
            report("log, count (count command)", runs, () -> client.getDatabase("bench").runCommand(countLog));
            report("log, count (countDocuments)", runs, () -> log.countDocuments(entries));
        } finally {
            server.shutdown();
        }
    }

    private static void fill(MongoCollection<Document> notes, MongoCollection<Document> log, int bigDeal) {
        // the definitions ProjectionStore and ChangeLog create
        notes.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
        notes.createIndex(Indexes.ascending("sharedDealId", "deleted", "createdWall", "createdCounter",
                "createdOrigin"));
        log.createIndex(Indexes.ascending("aggregateId", "hlcWall", "hlcCounter", "origin", "eventId"));
        insert(notes, log, "big", bigDeal);
        for (int deal = 0; deal < OTHER_DEALS; deal++) {
            insert(notes, log, "deal-" + deal, NOTES_PER_OTHER_DEAL);
        }
    }

    private static void insert(MongoCollection<Document> notes, MongoCollection<Document> log, String deal,
                               int count) {
        List<Document> noteBatch = new ArrayList<>();
        List<Document> logBatch = new ArrayList<>();
        String text = "x".repeat(300);
        for (int i = 0; i < count; i++) {
            long wall = 1_780_000_000_000L + i / 2;
            String origin = i % 3 == 0 ? "crm" : "partner";
            noteBatch.add(new Document("_id", deal + "-n" + i).append("v", 1).append("sharedDealId", deal)
                    .append("deleted", i % 20 == 0).append("createdWall", wall).append("createdCounter", i % 2)
                    .append("createdOrigin", origin).append("text", text).append("commentIds", List.of())
                    .append("attachmentIds", List.of()));
            logBatch.add(new Document("_id", deal + ":" + origin + ":" + i).append("aggregateId", deal)
                    .append("origin", origin).append("sequence", (long) i).append("eventId", deal + "-e" + i)
                    .append("type", i % 10 == 0 ? "Viewed" : "NoteAdded").append("hlcWall", wall)
                    .append("hlcCounter", i % 2).append("payload", text).append("published", true));
        }
        notes.insertMany(noteBatch);
        log.insertMany(logBatch);
    }

    private static Supplier<Integer> read(Supplier<Iterable<Document>> query) {
        return () -> {
            List<Document> page = new ArrayList<>();
            query.get().forEach(page::add);
            return page.size();
        };
    }

    private static void report(String what, int runs, Supplier<?> work) {
        for (int i = 0; i < 30; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-32s median %7.2f ms  (min %.2f, max %.2f)%n", what, millis[runs / 2], millis[0],
                millis[runs - 1]);
    }
}
