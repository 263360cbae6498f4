package com.dealbridge.shareddeal.admin;

import com.dealbridge.shareddeal.domain.FieldPolicy;
import com.dealbridge.shareddeal.domain.SyncField;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/sync/status}: how far behind sync is on this side, what waits behind a gap, what was
 * dead-lettered.
 */
public record SyncStatus(String side, String outboundTopic, String inboundTopic, Policy syncPolicy,
                         Backlog outboxBacklog, List<Parked> parked, List<Marks> highWaterMarks,
                         DeadLetterSummary deadLetters) {

    /** How each shared field syncs on this side (both sides must agree: {@code dealbridge.shared-deal.policy}). */
    public record Policy(FieldPolicy dealName, FieldPolicy amount, FieldPolicy closeDate, FieldPolicy stage,
                         FieldPolicy productInterest, FieldPolicy assignedRep, FieldPolicy partnerCompensationEligible,
                         FieldPolicy quotes, FieldPolicy introNote, FieldPolicy painOrOpportunity,
                         FieldPolicy nextSteps) {

        static Policy of(SyncPolicy policy) {
            return new Policy(policy.policyOf(SyncField.DEAL_NAME), policy.policyOf(SyncField.AMOUNT),
                    policy.policyOf(SyncField.CLOSE_DATE), policy.policyOf(SyncField.STAGE),
                    policy.policyOf(SyncField.PRODUCT_INTEREST), policy.policyOf(SyncField.ASSIGNED_REP),
                    policy.policyOf(SyncField.PARTNER_COMPENSATION_ELIGIBLE), policy.policyOf(SyncField.QUOTES),
                    policy.policyOf(SyncField.INTRO_NOTE), policy.policyOf(SyncField.PAIN_OR_OPPORTUNITY),
                    policy.policyOf(SyncField.NEXT_STEPS));
        }
    }

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
