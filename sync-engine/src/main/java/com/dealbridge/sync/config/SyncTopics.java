package com.dealbridge.sync.config;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of one side of a replication pair: the one it publishes to, the one it consumes, and every topic it
 * creates at start (with their dead-letter topics). Provided by the domain that uses the engine.
 */
public record SyncTopics(String outbound, String inbound, List<NewTopic> toCreate) {

    /** Where records that can never be applied go: {@code <topic>.dlt}. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
