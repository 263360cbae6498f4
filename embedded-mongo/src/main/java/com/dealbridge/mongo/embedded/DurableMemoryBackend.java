package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's in-memory storage made durable: every change is appended to a journal, and a write is
 * answered only once everything appended up to it is in the journal file (group commit: one write, and with
 * {@code fsync} one flush to the device, for all commands waiting at that moment).
 * So an acknowledged write survives {@code kill -9}, unlike the H2 backend, which commits about once a second.
 * The journal is replayed at start and compacted into a snapshot when it grows.
 *
 * <p>The data lives in the heap of the process that hosts the server; this store is for development, tests and
 * the local stack. Production uses a real MongoDB.
 */
public final class DurableMemoryBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(DurableMemoryBackend.class);

    private final Journal journal;
    private final Map<String, JournaledDatabase> databases = new ConcurrentHashMap<>();

    private DurableMemoryBackend(Journal journal) {
        this.journal = journal;
    }

    /** The same store without a journal: in memory only (tests, throwaway runs). */
    public static DurableMemoryBackend inMemory() {
        return new DurableMemoryBackend(Journal.none());
    }

    /**
     * Opens (or creates) the store in {@code directory}: replays what is there, then writes a fresh snapshot so
     * the next start is quick.
     *
     * @throws IllegalStateException another process holds the directory
     */
    public static DurableMemoryBackend open(Path directory, JournalSettings settings) {
        Journal journal = Journal.open(directory, settings);
        DurableMemoryBackend backend = new DurableMemoryBackend(journal);
        try {
            Journal.Recovered recovered = journal.recover();
            recovered.state().forEach((database, collections) ->
                    ((JournaledDatabase) backend.resolveDatabase(database)).restore(collections));
            journal.startWriting(backend::writeSnapshot, recovered.needsCompaction());
            log.info("embedded MongoDB store {}: {} document(s) in {} database(s) recovered from {} record(s)",
                    directory, recovered.documents(), recovered.state().size(), recovered.records());
        } catch (IOException e) {
            journal.close();
            throw new UncheckedIOException("Cannot open the embedded MongoDB store in " + directory, e);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        return backend;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        JournaledDatabase database = new JournaledDatabase(databaseName, getCursorRegistry(), journal);
        databases.put(databaseName, database);
        return database;
    }

    /**
     * A write is answered only once it — and everything appended before it — is durable; reads are answered at
     * once. A write that asks for no journal ({@code writeConcern: {j: false}}, or {@code w: 0}) is answered without
     * waiting: it becomes durable with the next write that waits, since the journal keeps writes in order (the same
     * prefix guarantee a MongoDB replica set's oplog gives). A unit of work can so make only its last write wait.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (WRITES.contains(command.toLowerCase(Locale.ROOT)) && !deferred(query)) {
                journal.awaitDurable();
            }
        }
    }

    private static final Set<String> WRITES = Set.of("insert", "update", "delete",
            "findandmodify", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection", "create");

    private static boolean deferred(Document query) {
        Object concern = query.get("writeConcern");
        if (!(concern instanceof Document writeConcern)) {
            return false;
        }
        Object w = writeConcern.get("w");
        return Boolean.FALSE.equals(writeConcern.get("j")) || (w instanceof Number n && n.intValue() == 0);
    }

    @Override
    public void dropDatabase(String databaseName) {
        super.dropDatabase(databaseName);
        databases.remove(databaseName);
        journal.append(JournalRecord.dropDatabase(databaseName));
    }

    @Override
    public void close() {
        super.close();
        journal.close();
    }

    /** The journal, for tests and the compaction trigger. */
    Journal journal() {
        return journal;
    }

    private void writeSnapshot(Consumer<JournalRecord> sink) {
        databases.values().forEach(database -> database.snapshot(sink));
    }
}
