package com.dealbridge.sync.config;

import com.dealbridge.sync.inbox.InboxProperties;
import com.dealbridge.sync.metrics.MetricsProperties;
import com.dealbridge.sync.relay.RelayProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The replication engine's settings ({@code dealbridge.sync.*}); the domain using it binds its own settings from
 * the same prefix.
 *
 * @param side          which side this service is (e.g. PARTNER or CRM; required)
 * @param consumerGroup the inbox's consumer group (default {@code <side>-service.sync}, lower case)
 * @param relay         relay settings
 * @param inbox         inbox settings
 * @param topics        topic creation settings
 * @param lanes         per-aggregate lanes
 * @param metrics       metrics settings
 */
@ConfigurationProperties("dealbridge.sync")
public record SyncProperties(String side, String consumerGroup, RelayProperties relay, InboxProperties inbox,
                             TopicSettings topics, Lanes lanes, MetricsProperties metrics) {

    public SyncProperties {
        if (side == null || side.isBlank()) {
            throw new IllegalStateException("dealbridge.sync.side must be set to PARTNER or CRM");
        }
        consumerGroup = consumerGroup == null || consumerGroup.isBlank()
                ? side.toLowerCase() + "-service.sync" : consumerGroup;
        relay = relay == null ? RelayProperties.defaults() : relay;
        inbox = inbox == null ? InboxProperties.defaults() : inbox;
        topics = topics == null ? new TopicSettings(null, null) : topics;
        lanes = lanes == null ? new Lanes(null, null) : lanes;
        metrics = metrics == null ? MetricsProperties.defaults() : metrics;
    }

    /**
     * @param partitions        partitions of the topics this service creates (default 3)
     * @param replicationFactor their replication factor (default 1; use 3 in production)
     */
    public record TopicSettings(Integer partitions, Short replicationFactor) {

        public TopicSettings {
            partitions = partitions == null ? 3 : partitions;
            replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        }
    }

    /**
     * @param threads  aggregates worked on at once (default 16: the work waits on the store more than on the CPU)
     * @param maxBatch most changes of one aggregate handled as one batch (default 64)
     */
    public record Lanes(Integer threads, Integer maxBatch) {

        public Lanes {
            threads = threads == null ? 16 : threads;
            maxBatch = maxBatch == null ? 64 : maxBatch;
        }
    }
}
