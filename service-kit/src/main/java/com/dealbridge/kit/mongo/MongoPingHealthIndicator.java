package com.dealbridge.kit.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Mongo health by {@code {ping: 1}} on the application's database. Boot's indicator sends {@code hello},
 * which mongo-java-server does not know (health would be DOWN); {@code ping} works there and on mongod.
 */
final class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoDatabaseFactory databaseFactory;

    MongoPingHealthIndicator(MongoDatabaseFactory databaseFactory) {
        super("MongoDB health check failed");
        this.databaseFactory = databaseFactory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var database = databaseFactory.getMongoDatabase();
        Document reply = database.runCommand(PING);
        Object ok = reply.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up();
        } else {
            builder.down().withDetail("reply", reply.toJson());
        }
        builder.withDetail("database", database.getName());
    }
}
