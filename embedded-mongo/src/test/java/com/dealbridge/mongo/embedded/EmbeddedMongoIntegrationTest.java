package com.dealbridge.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

class EmbeddedMongoIntegrationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class,
                    MongoAutoConfiguration.class, DataMongoAutoConfiguration.class));

    @Test
    void persistsToItsDirectoryAcrossRestart(@TempDir Path dir) {
        ApplicationContextRunner persistent = runner.withPropertyValues(
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.mongodb.embedded.path=" + dir.resolve("nested/kit-mongo"),
                "dealbridge.mongodb.embedded.database=persisted");

        persistent.run(context -> {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            assertThat(mongo.getDb().getName()).isEqualTo("persisted");
            mongo.insert(new Document("_id", "deal-1").append("name", "Acme"), "deals");
        });
        assertThat(dir.resolve("nested/kit-mongo")).isDirectoryContaining("glob:**/journal-*.log");

        persistent.run(context -> {
            Document found = context.getBean(MongoTemplate.class).findById("deal-1", Document.class, "deals");
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Acme");
        });
    }

    @Test
    void disabledByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(de.bwaldvogel.mongo.MongoServer.class));
    }
}
