package com.dealbridge.mongo.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;

/**
 * Points Boot's Mongo client (and the database it uses) at the embedded server. Built from the started
 * server, so the server is listening before any client, template or index creation can reach it.
 */
final class EmbeddedMongoConnectionDetails implements MongoConnectionDetails {

    private final ConnectionString connectionString;

    EmbeddedMongoConnectionDetails(MongoServer server, String database) {
        this.connectionString = new ConnectionString(EmbeddedMongoServers.connectionString(server, database));
    }

    @Override
    public ConnectionString getConnectionString() {
        return connectionString;
    }
}
