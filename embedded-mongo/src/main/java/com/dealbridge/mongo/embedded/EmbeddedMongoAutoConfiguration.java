package com.dealbridge.mongo.embedded;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * With {@code dealbridge.mongodb.embedded.enabled=true}: an in-process mongo-java-server
 * ({@link EmbeddedMongoProperties}) and Boot's Mongo client pointed at it through {@link MongoConnectionDetails},
 * which takes precedence over {@code spring.mongodb.uri}. The server stops (and closes its journal) when the
 * context closes, after the client that depends on it.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoServer.class)
@ConditionalOnBooleanProperty("dealbridge.mongodb.embedded.enabled")
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        MongoServer server = EmbeddedMongoServers.start(properties.path(), properties.port(),
                properties.journal());
        log.info("Embedded MongoDB listening on {} ({})", server.getLocalAddress(),
                properties.persistent() ? "persisted to " + properties.path() : "in memory");
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
            EmbeddedMongoProperties properties) {
        return new EmbeddedMongoConnectionDetails(embeddedMongoServer, properties.database());
    }
}
