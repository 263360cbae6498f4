package com.dealbridge.sync.deadletter;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A record the consumer gave up on, kept (besides the dead-letter topic) for the status page and replay.
 *
 * @param traceparent the record's W3C trace context header (null: none), so a replay is applied in its trace
 */
@Document("dead_letters")
public record DeadLetter(@Id String id, String topic, int partition, long offset, String key, byte[] payload,
                         String reason, Instant failedAt, @Indexed boolean replayed, Instant replayedAt,
                         String replayError, String traceparent) {

    DeadLetter replayedOk(Instant at) {
        return new DeadLetter(id, topic, partition, offset, key, payload, reason, failedAt, true, at, null,
                traceparent);
    }

    DeadLetter replayFailed(String error) {
        return new DeadLetter(id, topic, partition, offset, key, payload, reason, failedAt, false, replayedAt, error,
                traceparent);
    }
}
