package com.dealbridge.sync.store;

import java.time.Instant;

/** A remote event that arrived before an earlier one of its origin: kept until the gap is filled. */
public record ParkedEvent(String origin, long sequence, String eventId, String type, byte[] payload,
                          Instant parkedAt) {
}
