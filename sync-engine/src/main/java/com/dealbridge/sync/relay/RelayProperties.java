package com.dealbridge.sync.relay;

import java.time.Duration;

/**
 * Relay settings ({@code dealbridge.sync.relay.*}).
 *
 * @param sweepInterval how often to look for unpublished events left behind by a crash, an outage or another
 *                      instance (default 5s); events younger than this are left to the instance that wrote them
 * @param sendTimeout   how long to wait for Kafka to acknowledge a batch (default 15s)
 * @param retryDelay    pause before a failed batch is sent again (default 500ms)
 * @param maxBatch      most events sent and marked published together (default 500)
 */
public record RelayProperties(Duration sweepInterval, Duration sendTimeout, Duration retryDelay, Integer maxBatch) {

    public RelayProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        retryDelay = retryDelay == null ? Duration.ofMillis(500) : retryDelay;
        maxBatch = maxBatch == null ? 500 : maxBatch;
    }

    public static RelayProperties defaults() {
        return new RelayProperties(null, null, null, null);
    }
}
