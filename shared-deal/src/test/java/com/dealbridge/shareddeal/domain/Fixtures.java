package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.SyncClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Realistic registrations and actors for replica tests. */
public final class Fixtures {

    public static final Actor PARTNER_USER = new Actor(ActorType.PARTNER_USER, "pu-1", "Paula Partner");
    public static final Actor CRM_REP = new Actor(ActorType.CRM_USER, "rep-1", "Rita Rep");
    public static final PersonRef RITA = new PersonRef("rep-1", "Rita Rep", "rita@vendor.test");
    public static final PersonRef ROB = new PersonRef("rep-2", "Rob Rep", "rob@vendor.test");
    /**
     * The policy before HubSpot's field rules became the default (ADR 0013): either side renames and moves the
     * stage. For tests about concurrent edits of those fields from both sides, not about the policy.
     */
    public static final SyncPolicy STAGE_AND_NAME_TWO_WAY = SyncPolicy.of(Map.of("stage", "TWO_WAY",
            "deal-name", "TWO_WAY"));

    private Fixtures() {
    }

    public static Registration partnerRegistration(SharedDealId id) {
        return new Registration(id, "partner-1", Origin.PARTNER, "Acme rollout", new BigDecimal("12000.00"), "USD",
                LocalDate.parse("2026-12-31"), Stage.APPOINTMENT_SCHEDULED, "Met at the fair", "Manual invoicing",
                "Demo next week", null, List.of("prod-1"), new PersonRef("pu-1", "Paula Partner", "paula@p.test"),
                null, "CONTACT");
    }

    /** Registers on the partner side and returns the registration event the CRM would receive. */
    public static SharedDealRegistered registeredOnPartner(SharedDealId id, SyncClock clock) {
        SharedDeal partner = SharedDeal.register(partnerRegistration(id), Origin.PARTNER, clock, PARTNER_USER);
        return (SharedDealRegistered) partner.drainRecordedEvents().get(0);
    }
}
