package com.dealbridge.sync.store;

import java.time.Instant;

/** An event waiting in its deal's document to be published: already encoded, so the relay only ships bytes. */
public record OutboxEntry(long sequence, String eventId, String type, byte[] payload, Instant createdAt) {
}
