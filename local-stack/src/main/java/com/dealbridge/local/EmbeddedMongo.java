package com.dealbridge.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire server (mongo-java-server) whose data lives in one H2 MVStore file, so a restart keeps
 * everything that was committed. No transactions, no replica set: the services are built for that.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final Path file;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, Path file, int port) {
        this.server = server;
        this.file = file;
        this.port = port;
    }

    /** Opens (or creates) {@code file} and listens on {@link LocalStackSettings#HOST}:{@code port}. */
    public static EmbeddedMongo start(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for " + file, e);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(file.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open MongoDB data file " + file + " (is another local stack "
                    + "using this data directory?): " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(LocalStackSettings.HOST, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new EmbeddedMongo(server, file, port);
    }

    /** Connection string for one database of this server, for {@code spring.mongodb.uri}. */
    public String uri(String database) {
        return "mongodb://" + LocalStackSettings.HOST + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }

    /** Closes client connections and the backend, which commits and closes the H2 file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
    }
}
