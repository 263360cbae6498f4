package com.dealbridge.sync.config;

import com.dealbridge.contracts.Topics;
import com.dealbridge.sync.domain.Origin;
import com.dealbridge.sync.relay.RelayProperties;
import com.dealbridge.sync.domain.SyncPolicy;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sync engine settings ({@code dealbridge.sync.*}).
 *
 * @param side          which side this service is: PARTNER or CRM (required; decides the topics)
 * @param consumerGroup the inbox's consumer group (default {@code <side>-service.sync}, lower case)
 * @param relay         outbox relay settings
 * @param inbox         inbox settings
 * @param topics        topic creation settings
 * @param fields        the per-field sync policy, {@code <field>: TWO_WAY | CRM_TO_PARTNER | PARTNER_TO_CRM_AT_CREATION}
 *                      (e.g. {@code dealbridge.sync.fields.deal-name=CRM_TO_PARTNER}); unset fields keep their
 *                      defaults, an invalid entry stops the start-up. Both services must be configured alike.
 */
@ConfigurationProperties("dealbridge.sync")
public record SyncProperties(Origin side, String consumerGroup, RelayProperties relay, Inbox inbox, TopicSettings topics,
                             Map<String, String> fields) {

    public SyncProperties {
        if (side == null) {
            throw new IllegalStateException("dealbridge.sync.side must be set to PARTNER or CRM");
        }
        consumerGroup = consumerGroup == null || consumerGroup.isBlank()
                ? side.name().toLowerCase() + "-service.sync" : consumerGroup;
        relay = relay == null ? RelayProperties.defaults() : relay;
        inbox = inbox == null ? new Inbox(null, null, null, null) : inbox;
        topics = topics == null ? new TopicSettings(null, null) : topics;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        try {
            SyncPolicy.of(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The validated sync policy. */
    public SyncPolicy policy() {
        return SyncPolicy.of(fields);
    }

    public String outboundTopic() {
        return side == Origin.PARTNER ? Topics.PARTNER_SHARED_DEAL_EVENTS : Topics.CRM_SHARED_DEAL_EVENTS;
    }

    public String inboundTopic() {
        return side == Origin.PARTNER ? Topics.CRM_SHARED_DEAL_EVENTS : Topics.PARTNER_SHARED_DEAL_EVENTS;
    }

    /**
     * @param concurrency    consumer threads of the inbox (default 2)
     * @param retries        attempts after the first failure before a record is dead-lettered (default 3)
     * @param initialBackoff first pause between attempts, doubled each time (default 200ms)
     * @param maxBackoff     longest pause between attempts (default 2s)
     */
    public record Inbox(Integer concurrency, Integer retries, Duration initialBackoff, Duration maxBackoff) {

        public Inbox {
            concurrency = concurrency == null ? 2 : concurrency;
            retries = retries == null ? 3 : retries;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
        }
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
}
