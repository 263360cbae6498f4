package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts embedded MongoDB-wire servers; used by the auto-configuration and by launchers (local-stack) that host
 * the servers themselves. Stop a server with {@link MongoServer#shutdown()}, which also closes its journal.
 */
public final class EmbeddedMongoServers {

    /**
     * Netty threads answering commands. A command waits for its group commit on its thread, so more threads than
     * cores let commands of other connections go on meanwhile (their waits are joined into one write).
     */
    static final int WORKER_THREADS = 16;

    private EmbeddedMongoServers() {
    }

    /** As {@link #start(String, int, JournalSettings)} with the default journal settings. */
    public static MongoServer start(String path, int port) {
        return start(path, port, JournalSettings.defaults());
    }

    /**
     * @param path blank or null = in memory, lost on stop; otherwise the directory the data is kept in (created if
     *             needed). A path ending in {@code .mv.db} names a data file of an earlier version: the directory
     *             is that path without the suffix, and the file's content is imported into it once.
     * @param port 0 = any free port
     * @return a server already listening on 127.0.0.1; its address is {@link MongoServer#getLocalAddress()}
     */
    public static MongoServer start(String path, int port, JournalSettings settings) {
        Path directory = null;
        Path legacy = null;
        MongoBackend backend;
        if (path == null || path.isBlank()) {
            backend = DurableMemoryBackend.inMemory();
        } else {
            directory = directoryOf(path);
            legacy = Path.of(directory + LegacyDataImport.SUFFIX);
            backend = DurableMemoryBackend.open(directory, settings);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
            if (legacy != null && Files.isRegularFile(legacy)) {
                LegacyDataImport.into(server, legacy);
            }
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return server;
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>} for a started server. */
    public static String connectionString(MongoServer server, String database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }

    static Path directoryOf(String path) {
        String trimmed = path.trim();
        if (trimmed.endsWith(LegacyDataImport.SUFFIX)) {
            trimmed = trimmed.substring(0, trimmed.length() - LegacyDataImport.SUFFIX.length());
        }
        return Path.of(trimmed).toAbsolutePath();
    }
}
