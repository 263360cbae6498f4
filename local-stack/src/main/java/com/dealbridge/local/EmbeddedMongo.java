package com.dealbridge.local;

import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;

/**
 * A MongoDB-wire server whose data lives in one directory: a journal that every acknowledged write is in before
 * its answer, and snapshots (see {@code embedded-mongo}). A restart, or a {@code kill -9}, keeps every
 * acknowledged write. No transactions, no replica set: the services are built for that.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final Path directory;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, Path directory, int port) {
        this.server = server;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Opens (or creates) the store in {@code directory} and listens on {@link LocalStackSettings#HOST}:{@code port}.
     * A data file of an earlier version ({@code <directory>.mv.db}) is imported once.
     */
    public static EmbeddedMongo start(Path directory, int port) {
        MongoServer server;
        try {
            server = EmbeddedMongoServers.start(directory.toString(), port);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot open MongoDB data in " + directory + " (is another local stack "
                    + "using this data directory?): " + e.getMessage(), e);
        }
        return new EmbeddedMongo(server, directory, server.getLocalAddress().getPort());
    }

    /** Connection string for one database of this server, for {@code spring.mongodb.uri}. */
    public String uri(String database) {
        return "mongodb://" + LocalStackSettings.HOST + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** Closes client connections and the store's journal. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
    }
}
