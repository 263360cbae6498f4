package com.dealbridge.sync.relay;

import java.time.Duration;

/**
 * Outbox relay settings ({@code dealbridge.sync.relay.*}).
 *
 * @param threads       deals published in parallel by one instance (default 2)
 * @param sweepInterval how often to look for outboxes left behind by a crash or an outage (default 5s)
 * @param leaseDuration how long one instance owns a deal's outbox while publishing it (default 30s)
 * @param sendTimeout   how long to wait for Kafka to acknowledge a deal's events (default 15s)
 * @param retryDelay    pause before publishing a deal again after a failure or a held lease (default 500ms)
 */
public record RelayProperties(Integer threads, Duration sweepInterval, Duration leaseDuration, Duration sendTimeout,
                              Duration retryDelay) {

    public RelayProperties {
        threads = threads == null ? 2 : threads;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(30) : leaseDuration;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        retryDelay = retryDelay == null ? Duration.ofMillis(500) : retryDelay;
    }

    public static RelayProperties defaults() {
        return new RelayProperties(null, null, null, null, null);
    }
}
