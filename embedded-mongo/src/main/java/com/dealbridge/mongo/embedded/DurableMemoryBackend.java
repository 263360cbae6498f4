package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's in-memory storage made durable: every change is appended to a journal, and a command is
 * answered only once everything it wrote — and everything it could have read — is in the journal file (group
 * commit: one write, and with {@code fsync} one flush to the device, for all commands waiting at that moment).
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

    /** Answers only once the command's effects (and what it saw) are durable. */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            journal.awaitDurable();
        }
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
