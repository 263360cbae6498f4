package com.dealbridge.kit.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts mongo-java-server instances; used by the auto-configuration and usable by launchers (local-stack)
 * that host the servers themselves. Stop a server with {@link MongoServer#shutdown()}, which also closes (and
 * so flushes) an H2 file.
 */
public final class EmbeddedMongoServers {

    private EmbeddedMongoServers() {
    }

    /**
     * @param path blank or null = in memory; otherwise the H2 file to persist to (parent directories are created)
     * @param port 0 = any free port
     * @return a server already listening on 127.0.0.1; its address is {@link MongoServer#getLocalAddress()}
     */
    public static MongoServer start(String path, int port) {
        MongoServer server = new MongoServer(backend(path));
        try {
            server.bind("127.0.0.1", port);
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

    private static MongoBackend backend(String path) {
        if (path == null || path.isBlank()) {
            return new MemoryBackend();
        }
        Path file = Path.of(path.trim()).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for " + file, e);
        }
        return new H2Backend(file.toString());
    }
}
