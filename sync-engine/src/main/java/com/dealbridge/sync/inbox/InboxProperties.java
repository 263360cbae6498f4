package com.dealbridge.sync.inbox;

import java.time.Duration;

/**
 * Inbox settings ({@code dealbridge.sync.inbox.*}).
 *
 * @param concurrency     consumer threads (default 2); the events of one poll are applied in parallel per
 *                        aggregate on the lanes' threads anyway
 * @param initialBackoff  first pause before a poll is applied again after a failure of the store (default 200ms)
 * @param maxBackoff      longest such pause (default 5s); a poll is retried until the store is back, since its
 *                        events must not be skipped
 * @param maxSequenceJump how far ahead of the last applied event a received one may be (default 100000): a larger
 *                        jump cannot come from a real sender and is dead-lettered instead of waiting forever
 * @param maxClockSkew    how far ahead of this side's clock an event's hybrid clock may be (default 5m): a clock
 *                        further ahead would freeze the fields it stamps, so the event is dead-lettered
 * @param sessionTimeout  how long the group waits for a consumer that stopped answering before its partitions move
 *                        to another instance (default 10s; Kafka's own default is 45s)
 * @param heartbeatInterval how often a consumer tells the group it is alive (default 3s)
 * @param maxPollRecords  records a poll may bring (default 2000; Kafka's own is 500): a poll is applied as one
 *                        batch, a deal's events in it with one load and one save, so a backlog is worked in fewer,
 *                        larger writes; at a low rate a poll holds what has arrived and nothing waits for more.
 *                        {@code spring.kafka.consumer.max-poll-records} wins when set
 */
public record InboxProperties(Integer concurrency, Duration initialBackoff, Duration maxBackoff,
                              Long maxSequenceJump, Duration maxClockSkew, Duration sessionTimeout,
                              Duration heartbeatInterval, Integer maxPollRecords) {

    public InboxProperties {
        concurrency = concurrency == null ? 2 : concurrency;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        maxSequenceJump = maxSequenceJump == null ? 100_000L : maxSequenceJump;
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
        sessionTimeout = sessionTimeout == null ? Duration.ofSeconds(10) : sessionTimeout;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(3) : heartbeatInterval;
        maxPollRecords = maxPollRecords == null ? 2000 : maxPollRecords;
    }

    public static InboxProperties defaults() {
        return new InboxProperties(null, null, null, null, null, null, null, null);
    }
}
