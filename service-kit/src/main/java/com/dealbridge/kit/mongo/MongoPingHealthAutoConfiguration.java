package com.dealbridge.kit.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Registers {@code mongoHealthIndicator} ({@code {ping: 1}}) before Boot's Mongo health auto-configuration,
 * which backs off when a bean of that name exists. Reported as {@code mongo} under {@code /actuator/health};
 * {@code management.health.mongodb.enabled=false} turns it off like Boot's.
 */
@AutoConfiguration(after = { MongoAutoConfiguration.class, DataMongoAutoConfiguration.class },
        before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ MongoDatabaseFactory.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MongoDatabaseFactory.class)
@ConditionalOnEnabledHealthIndicator("mongodb")
public class MongoPingHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoDatabaseFactory databaseFactory) {
        return new MongoPingHealthIndicator(databaseFactory);
    }
}
