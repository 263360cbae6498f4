package com.dealbridge.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store runs in a process of its own, which is killed with SIGKILL while eight clients write to it: every
 * write the server acknowledged is there after a restart — and every write acknowledged without waiting ({@code j:
 * false}) before it —, and so is every increment acknowledged on a counter.
 */
class KillNineDurabilityTest {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        long acknowledgedIncrements = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process server = startServerProcess();
            int port = awaitPort();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<java.util.concurrent.Future<Long>> increments = new ArrayList<>();
            // no retried writes: the driver would re-send an increment whose answer the kill lost, and the bound
            // below counts at most one unanswered increment per writer and kill
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                    + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000&retryWrites=false")) {
                MongoCollection<Document> notes = client.getDatabase("t").getCollection("notes");
                MongoCollection<Document> counters = client.getDatabase("t").getCollection("counters");
                MongoCollection<Document> drafts = client.getDatabase("t").getCollection("drafts")
                        .withWriteConcern(WriteConcern.W1.withJournal(false));
                int r = round;
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    increments.add(writers.submit(() -> {
                        long done = 0;
                        for (int i = 0; !stop.get(); i++) {
                            String id = r + "-" + writer + "-" + i;
                            try {
                                // a write that does not wait is made durable by the next one that does
                                drafts.insertOne(new Document("_id", id));
                                notes.insertOne(new Document("_id", id).append("body", "note " + id));
                                acknowledged.add(id);
                                counters.updateOne(Filters.eq("_id", "c"), Updates.inc("n", 1),
                                        new com.mongodb.client.model.UpdateOptions().upsert(true));
                                done++;
                            } catch (RuntimeException killed) {
                                return done;
                            }
                        }
                        return done;
                    }));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 300 * (r + 1));
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
                stop.set(true);
                for (var future : increments) {
                    acknowledgedIncrements += future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                writers.shutdownNow();
                server.destroyForcibly();
            }
        }
        MongoServer restarted = EmbeddedMongoServers.start(dir.resolve("store").toString(), 0);
        try (MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(restarted, "t"))) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            client.getDatabase("t").getCollection("notes").find().forEach(d -> stored.add(d.getString("_id")));
            assertThat(stored).containsAll(acknowledged);
            Set<String> drafts = ConcurrentHashMap.newKeySet();
            client.getDatabase("t").getCollection("drafts").find().forEach(d -> drafts.add(d.getString("_id")));
            assertThat(drafts).containsAll(acknowledged);
            long counted = client.getDatabase("t").getCollection("counters").find().first().getInteger("n");
            // an increment whose answer a kill lost may be stored without being counted: at most one per writer and kill
            assertThat(counted).isGreaterThanOrEqualTo(acknowledgedIncrements);
            assertThat(counted).isLessThanOrEqualTo(acknowledgedIncrements + (long) WRITERS * ROUNDS);
        } finally {
            restarted.shutdown();
        }
    }

    private Process startServerProcess() throws IOException {
        Files.deleteIfExists(dir.resolve("port"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName(), dir.resolve("store").toString(), dir.resolve("port").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    }

    private int awaitPort() {
        Path file = dir.resolve("port");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
        try {
            return Integer.parseInt(Files.readString(file).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The child process: opens the store, writes its port to a file, and serves until killed. */
    public static final class StoreProcess {

        public static void main(String[] args) throws Exception {
            MongoServer server = EmbeddedMongoServers.start(args[0], 0);
            Path port = Path.of(args[1]);
            Path temporary = Path.of(args[1] + ".tmp");
            Files.writeString(temporary, Integer.toString(server.getLocalAddress().getPort()));
            Files.move(temporary, port, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.currentThread().join();
        }
    }
}
