package com.dealbridge.sync.log;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of one aggregate in the change log: its own small, immutable document, unique on (aggregate, origin,
 * sequence). The log holds this side's events (the unpublished ones are the outbox) and every event received from
 * the other side (the unique key is the dedupe). The engine treats the payload as opaque bytes.
 *
 * @param origin   the side that decided the event
 * @param sequence its place among the aggregate's events from that origin, from 1 without gaps
 * @param payload  the event as it travels on the wire
 * @param traceparent the W3C trace context the event was decided in (own: the submitter's span; received: the
 *                 record's header), carried to the other side by the relay; null when there was none
 */
public record LogEntry(String aggregateId, String origin, long sequence, String eventId, String type, long hlcWall,
                       int hlcCounter, Instant occurredAt, byte[] payload, String traceparent) {

    /** An entry without a trace context. */
    public LogEntry(String aggregateId, String origin, long sequence, String eventId, String type, long hlcWall,
                    int hlcCounter, Instant occurredAt, byte[] payload) {
        this(aggregateId, origin, sequence, eventId, type, hlcWall, hlcCounter, occurredAt, payload, null);
    }

    public LogEntry {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** The document id: the dedupe key. */
    public String id() {
        return id(aggregateId, origin, sequence);
    }

    public static String id(String aggregateId, String origin, long sequence) {
        return aggregateId + ":" + origin + ":" + sequence;
    }

    /** The same event at another place in the sequence (a local batch that lost a race is appended again). */
    public LogEntry withSequence(long newSequence, byte[] newPayload) {
        return new LogEntry(aggregateId, origin, newSequence, eventId, type, hlcWall, hlcCounter, occurredAt,
                newPayload, traceparent);
    }

    /** The same entry with the trace context it was decided in. */
    public LogEntry withTraceparent(String newTraceparent) {
        return new LogEntry(aggregateId, origin, sequence, eventId, type, hlcWall, hlcCounter, occurredAt, payload,
                newTraceparent);
    }

    @Override
    public String toString() {
        return type + " " + id() + " (" + eventId + ")";
    }
}
