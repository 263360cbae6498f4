package com.dealbridge.mongo.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealbridge.mongodb.embedded.*}: an in-process MongoDB-wire server (mongo-java-server) for running a
 * service without a real MongoDB. When disabled (the default) nothing changes and the service connects to
 * {@code spring.mongodb.uri}.
 *
 * @param enabled  {@code enabled}, default {@code false}; when true the embedded server replaces
 *                 {@code spring.mongodb.uri}
 * @param path     {@code path}, default blank = in memory, lost on stop; otherwise the directory the data is
 *                 kept in (e.g. {@code ./data/partner-mongo}; created if needed). Every acknowledged write is in
 *                 its journal first. A path ending in {@code .mv.db} (a data file of an earlier version) is
 *                 imported once into the directory of the same name without the suffix.
 * @param port     {@code port}, default {@code 0} = a free port chosen at start; bound to 127.0.0.1 only
 * @param database {@code database}, default {@code "dealbridge"}; the database the application uses
 *                 (unless {@code spring.mongodb.database} says otherwise)
 * @param fsync    {@code fsync}, default {@code true}: each group commit is forced to the device, so acknowledged
 *                 writes survive a power loss; {@code false} keeps them safe from a crash of the process only
 */
@ConfigurationProperties("dealbridge.mongodb.embedded")
public record EmbeddedMongoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String path,
        @DefaultValue("0") int port,
        @DefaultValue("dealbridge") String database,
        @DefaultValue("true") boolean fsync) {

    public EmbeddedMongoProperties {
        path = path == null ? "" : path.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dealbridge.mongodb.embedded.port must be 0..65535, was " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("dealbridge.mongodb.embedded.database must not be blank");
        }
    }

    /** How the journal is written. */
    public JournalSettings journal() {
        return new JournalSettings(fsync, JournalSettings.DEFAULT_COMPACT_AFTER_BYTES);
    }

    /** True when the data survives a restart. */
    public boolean persistent() {
        return !path.isEmpty();
    }
}
