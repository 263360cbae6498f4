package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's files: {@code journal-<n>.log} (records appended as changes happen) and
 * {@code snapshot-<n>.bin} (every document as of some moment after {@code journal-<n>} was started). The state is
 * the newest snapshot followed by the journals from its number on; older files are deleted once a newer snapshot
 * is complete.
 *
 * <p>Group commit: changes are appended to a buffer under a short lock; a command then waits until the buffer up
 * to the last change of anyone is written (and forced, with {@code fsync}). The first waiter writes for all the
 * others that arrive meanwhile.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final Pattern FILE = Pattern.compile("(journal|snapshot)-(\\d{12})\\.(log|bin)");

    /** What a replay found. */
    record Recovered(Map<String, Map<String, Map<ByteBuffer, Document>>> state, long records, long documents,
                     boolean needsCompaction) {
    }

    private final Path directory;
    private final JournalSettings settings;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private final Object appendLock = new Object();
    private final Object flushLock = new Object();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(64 * 1024);
    private volatile long appended;
    private volatile long durable;
    private volatile boolean writing;
    private volatile IOException failure;

    private FileChannel channel;
    private long generation = -1;
    private long journalBytes;
    private long snapshotBytes;
    private Consumer<Consumer<JournalRecord>> snapshotSource;
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-mongo-compactor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean compacting;

    private Journal(Path directory, JournalSettings settings, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.settings = settings;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** A journal that keeps nothing: the store lives in memory only and is gone when it stops. */
    static Journal none() {
        return new Journal(null, JournalSettings.defaults(), null, null);
    }

    static Journal open(Path directory, JournalSettings settings) {
        try {
            Files.createDirectories(directory);
            FileChannel lockChannel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("The embedded MongoDB store " + directory + " is in use by another "
                        + "process (or another server in this one)");
            }
            return new Journal(directory, settings, lockChannel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the embedded MongoDB store in " + directory, e);
        }
    }

    /** Reads the newest snapshot and every journal after it into one state; torn tails are dropped. */
    Recovered recover() throws IOException {
        Map<String, Map<String, Map<ByteBuffer, Document>>> state = new LinkedHashMap<>();
        OptionalLong snapshot = newest("snapshot");
        long records = 0;
        boolean compact = false;
        if (snapshot.isPresent()) {
            records += replay(file("snapshot", snapshot.getAsLong()), state);
        }
        long from = snapshot.orElse(Long.MIN_VALUE);
        for (long journal : generations("journal")) {
            if (journal >= from) {
                long replayed = replay(file("journal", journal), state);
                records += replayed;
                compact |= replayed > 0;
            }
            generation = Math.max(generation, journal);
        }
        generation = Math.max(generation, snapshot.orElse(-1));
        long documents = state.values().stream().flatMap(db -> db.values().stream()).mapToLong(Map::size).sum();
        return new Recovered(state, records, documents, compact || snapshot.isEmpty() && documents > 0);
    }

    private long replay(Path file, Map<String, Map<String, Map<ByteBuffer, Document>>> state) throws IOException {
        long count = 0;
        long offset = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return count;
                }
                int crc;
                byte[] payload;
                try {
                    crc = in.readInt();
                    if (length < 0 || length > 64 * 1024 * 1024) {
                        throw new IOException("impossible record length " + length);
                    }
                    payload = new byte[length];
                    in.readFully(payload);
                } catch (IOException torn) {
                    warnTorn(file, offset);
                    return count;
                }
                if (JournalRecord.crc(payload, 0, length) != crc) {
                    warnTorn(file, offset);
                    return count;
                }
                apply(JournalRecord.decode(payload), state);
                offset += JournalRecord.FRAME_OVERHEAD + length;
                count++;
            }
        }
    }

    private static void warnTorn(Path file, long offset) {
        // a write cut short by a crash: it was never acknowledged, since commands wait for the whole write
        log.warn("{}: ignoring an incomplete record at byte {} (the end of a write cut short by a crash)", file,
                offset);
    }

    private static void apply(JournalRecord record, Map<String, Map<String, Map<ByteBuffer, Document>>> state) {
        switch (record.kind()) {
            case PUT -> state.computeIfAbsent(record.database(), db -> new LinkedHashMap<>())
                    .computeIfAbsent(record.collection(), c -> new LinkedHashMap<>())
                    .put(record.key(), record.document());
            case DELETE -> {
                Map<ByteBuffer, Document> collection = state.getOrDefault(record.database(), Map.of())
                        .get(record.collection());
                if (collection != null) {
                    collection.remove(record.key());
                }
            }
            case DROP_COLLECTION -> {
                Map<String, Map<ByteBuffer, Document>> database = state.get(record.database());
                if (database != null) {
                    database.remove(record.collection());
                }
            }
            case DROP_DATABASE -> state.remove(record.database());
        }
    }

    /**
     * Starts a new journal file after recovery; with {@code compactNow}, writes a snapshot of the recovered state
     * first so the replayed files can go.
     */
    void startWriting(Consumer<Consumer<JournalRecord>> snapshotSource, boolean compactNow) throws IOException {
        this.snapshotSource = snapshotSource;
        synchronized (flushLock) {
            openNext();
        }
        writing = true;
        if (compactNow) {
            compact();
        }
    }

    /** Buffers a change; it becomes durable with the next {@link #awaitDurable()} of any thread. */
    void append(JournalRecord record) {
        if (!writing) {
            return; // restoring what was just read: nothing new to record
        }
        byte[] bytes = record.encode();
        synchronized (appendLock) {
            pending.write(bytes, 0, bytes.length);
            appended++;
        }
    }

    /** Returns once every change appended so far is in the journal file. */
    void awaitDurable() {
        long target = appended;
        if (durable >= target) {
            return;
        }
        synchronized (flushLock) {
            if (durable >= target) {
                return;
            }
            flush();
        }
    }

    /** Writes (and forces) everything buffered; the caller holds {@link #flushLock}. */
    private void flush() {
        if (failure != null) {
            throw new MongoServerException("the embedded store can no longer write its journal: " + failure);
        }
        byte[] bytes;
        long upTo;
        synchronized (appendLock) {
            bytes = pending.toByteArray();
            pending.reset();
            upTo = appended;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (settings.fsync()) {
                channel.force(false);
            }
        } catch (IOException e) {
            failure = e;
            log.error("embedded MongoDB store {}: writing the journal failed; no further write is acknowledged",
                    directory, e);
            throw new MongoServerException("the embedded store could not write its journal: " + e);
        }
        journalBytes += bytes.length;
        durable = upTo;
        if (journalBytes > Math.max(settings.compactAfterBytes(), 2 * snapshotBytes) && !compacting) {
            compacting = true;
            compactor.execute(this::compactSafely);
        }
    }

    private void compactSafely() {
        try {
            compact();
        } catch (IOException | RuntimeException e) {
            log.error("embedded MongoDB store {}: compaction failed (the journal keeps growing until the next one)",
                    directory, e);
        } finally {
            compacting = false;
        }
    }

    /**
     * Starts a new journal, then writes a snapshot of the live state and deletes what it replaces. Writes go on
     * meanwhile: they land in the new journal, which is replayed after the snapshot.
     */
    void compact() throws IOException {
        long snapshotGeneration;
        synchronized (flushLock) {
            flush();
            openNext();
            snapshotGeneration = generation;
        }
        Path temporary = directory.resolve("snapshot.tmp");
        long[] records = new long[1];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            snapshotSource.accept(record -> {
                try {
                    out.write(record.encode());
                    records[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Path snapshot = file("snapshot", snapshotGeneration);
        Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
        snapshotBytes = Files.size(snapshot);
        for (String kind : List.of("journal", "snapshot")) {
            for (long older : generations(kind)) {
                if (older < snapshotGeneration) {
                    Files.deleteIfExists(file(kind, older));
                }
            }
        }
        log.info("embedded MongoDB store {}: snapshot {} written ({} documents, {} KiB)", directory,
                snapshotGeneration, records[0], snapshotBytes / 1024);
    }

    /** Closes the current journal file and starts the next; the caller holds {@link #flushLock}. */
    private void openNext() throws IOException {
        if (channel != null) {
            channel.force(true);
            channel.close();
        }
        generation++;
        channel = FileChannel.open(file("journal", generation), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        forceDirectory();
        journalBytes = 0;
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            log.debug("cannot force directory {} (not supported here): {}", directory, e.toString());
        }
    }

    private Path file(String kind, long number) {
        return directory.resolve(String.format("%s-%012d.%s", kind, number, kind.equals("journal") ? "log" : "bin"));
    }

    private List<Long> generations(String kind) throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(path -> {
                Matcher matcher = FILE.matcher(path.getFileName().toString());
                if (matcher.matches() && matcher.group(1).equals(kind)) {
                    numbers.add(Long.parseLong(matcher.group(2)));
                }
            });
        }
        numbers.sort(null);
        return numbers;
    }

    private OptionalLong newest(String kind) throws IOException {
        List<Long> numbers = generations(kind);
        return numbers.isEmpty() ? OptionalLong.empty() : OptionalLong.of(numbers.get(numbers.size() - 1));
    }

    /** Bytes in the current journal file (for tests). */
    long journalBytes() {
        synchronized (flushLock) {
            return journalBytes;
        }
    }

    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (flushLock) {
            try {
                if (channel != null) {
                    if (failure == null && writing) {
                        flush();
                    }
                    channel.force(true);
                    channel.close();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("embedded MongoDB store {}: closing the journal failed", directory, e);
            } finally {
                writing = false;
                try {
                    if (lock != null) {
                        lock.release();
                        lockChannel.close();
                    }
                } catch (IOException e) {
                    log.debug("releasing the lock of {}: {}", directory, e.toString());
                }
            }
        }
    }
}
