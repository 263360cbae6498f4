package com.dealbridge.shareddeal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/sync/status}: how far behind sync is on this side, what waits behind a gap, what was
 * dead-lettered.
 */
public record SyncStatus(String side, String outboundTopic, String inboundTopic, Map<String, String> syncPolicy,
                         Backlog outboxBacklog, List<Parked> parked, List<Marks> highWaterMarks,
                         DeadLetterSummary deadLetters) {

    /** This side's events not yet acknowledged by Kafka, and how many deals they belong to. */
    public record Backlog(long deals, long events) {
    }

    /** A received event waiting for an earlier one of its origin. */
    public record Parked(String sharedDealId, String origin, long sequence, String type, long expectedSequence) {
    }

    /** The last sequence applied per origin of a recently changed deal (this side's own: the last it wrote). */
    public record Marks(String sharedDealId, @JsonProperty("PARTNER") long partner, @JsonProperty("CRM") long crm) {
    }

    public record DeadLetterSummary(long pending, long replayed, List<DeadLetterRow> latest) {
    }

    public record DeadLetterRow(String id, String key, String reason, Instant failedAt, boolean replayed,
                                String replayError) {
    }
}
