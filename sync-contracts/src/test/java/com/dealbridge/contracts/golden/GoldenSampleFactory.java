package com.dealbridge.contracts.golden;

import com.dealbridge.contracts.avro.Actor;
import com.dealbridge.contracts.avro.ActorType;
import com.dealbridge.contracts.avro.EventMetadata;
import com.dealbridge.contracts.avro.Hlc;
import com.dealbridge.contracts.avro.Origin;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.avro.SharedDealAssigned;
import com.dealbridge.contracts.avro.SharedDealRegistered;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * Source of the golden samples: one realistic message per contract type under the CURRENT schema. Only
 * {@link GoldenSampleWriter} uses it, to write the sample of a newly released version; when a schema gains a field,
 * fill it here with a non-default value before writing the new version's sample. Ids are fixed so the bytes are
 * reproducible and samples refer to each other (the registered deal names the catalogue's products).
 */
final class GoldenSampleFactory {

    static final String PARTNER_ID = "0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30";
    static final String SHARED_DEAL_ID = "7d2b9c4e-8f1a-4b3c-9d5e-0a1b2c3d4e5f";
    static final String PRODUCT_HELPDESK = "c4a1e7d2-3b9f-4f60-8e15-2a7c9d0b6e41";
    static final String PRODUCT_SSO = "e9b3f5a8-6c2d-4a71-b0e4-5f8d1c3a7b92";
    static final Instant REGISTERED_AT = Instant.parse("2026-11-26T10:05:30.123Z");
    static final Instant ASSIGNED_AT = Instant.parse("2026-11-26T10:05:31.457Z");

    static final PersonRef PRIYA = new PersonRef(
            "3e8f1b2a-9c4d-4a5e-8f60-1b2c3d4e5f61", "Priya Natarajan", "priya.natarajan@acme-partners.example");
    private static final PersonRef JONAS = new PersonRef(
            "5a6b7c8d-1e2f-4a3b-9c4d-6e7f8a9b0c12", "Jonas Weber", "jonas.weber@acme-partners.example");
    static final PersonRef MARCUS = new PersonRef(
            "9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e73", "Marcus Lindqvist", "marcus.lindqvist@vendor.example");

    private static final Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> SAMPLES = samples();

    private GoldenSampleFactory() {
    }

    private static Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> samples() {
        Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> samples = new HashMap<>();
        samples.put(SharedDealRegistered.class, GoldenSampleFactory::sharedDealRegistered);
        samples.put(SharedDealAssigned.class, GoldenSampleFactory::sharedDealAssigned);
        samples.put(PartnerAccountChanged.class, GoldenSampleFactory::partnerAccountChanged);
        samples.put(ProductChanged.class, GoldenSampleFactory::productChanged);
        samples.putAll(LifecycleGoldenSamples.SAMPLES);
        samples.putAll(CollaborationGoldenSamples.SAMPLES);
        samples.put(com.dealbridge.contracts.avro.SharedDealSnapshot.class, GoldenSampleFactory::sharedDealSnapshot);
        return Map.copyOf(samples);
    }

    /** The partner's whole state of the sample deal: its registration, a stage, a note with a comment. */
    private static SpecificRecord sharedDealSnapshot() {
        com.dealbridge.contracts.avro.Actor priya = new com.dealbridge.contracts.avro.Actor(
                com.dealbridge.contracts.avro.ActorType.PARTNER_USER, PRIYA.getId(), PRIYA.getName());
        return com.dealbridge.contracts.avro.SharedDealSnapshot.newBuilder()
                .setMetadata(metadata("4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8f", Origin.PARTNER, 10,
                        Instant.parse("2026-12-06T12:00:00.000Z"), 0, priya))
                .setPart(1)
                .setParts(1)
                .setFacts(List.of(sharedDealRegistered(), LifecycleGoldenSamples.dealStageChanged(),
                        CollaborationGoldenSamples.sharedNoteAdded(), CollaborationGoldenSamples.noteCommentAdded()))
                .setActivity(List.of(com.dealbridge.contracts.avro.ActivityRecord.newBuilder()
                        .setType("NOTE_ADDED")
                        .setAt(Instant.parse("2026-12-01T10:00:00.000Z"))
                        .setActor(priya)
                        .setOrigin(Origin.PARTNER)
                        .setEventId("6c7d8e9f-0a1b-4c2d-8e3f-5a6b7c8d9e07")
                        .setHlc(new Hlc(Instant.parse("2026-12-01T10:00:00.000Z").toEpochMilli(), 0))
                        .setDetails(noteDetails())
                        .build()))
                .setReceivedUpTo(4)
                .build();
    }

    /**
     * One key only: an Avro map has no order, and the golden tests compare bytes (producers write keys sorted, a
     * JSON decoder does not keep them so).
     */
    private static Map<String, Object> noteDetails() {
        return Map.of("noteId", CollaborationGoldenSamples.NOTE_ID);
    }

    /** The envelope of a sample event (fixed ids and clocks, so the bytes are reproducible). */
    static EventMetadata metadata(String eventId, Origin origin, long sequence, Instant at, int counter, Actor actor) {
        return EventMetadata.newBuilder()
                .setEventId(eventId)
                .setSharedDealId(SHARED_DEAL_ID)
                .setPartnerId(PARTNER_ID)
                .setOrigin(origin)
                .setSequence(sequence)
                .setHlc(new Hlc(at.toEpochMilli(), counter))
                .setOccurredAt(at)
                .setActor(actor)
                .build();
    }

    static SpecificRecord sampleFor(Class<? extends SpecificRecord> type) {
        Supplier<SpecificRecord> sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("No golden sample factory for " + type.getSimpleName()
                    + "; add one to GoldenSampleFactory");
        }
        return sample.get();
    }

    static SharedDealRegistered sharedDealRegistered() {
        return SharedDealRegistered.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId("5a0c1f8e-3d1b-4f55-9a57-6c1d2e3f4a01")
                        .setSharedDealId(SHARED_DEAL_ID)
                        .setPartnerId(PARTNER_ID)
                        .setOrigin(Origin.PARTNER)
                        .setSequence(1L)
                        .setHlc(new Hlc(REGISTERED_AT.toEpochMilli(), 0))
                        .setOccurredAt(REGISTERED_AT)
                        .setActor(new Actor(ActorType.PARTNER_USER, PRIYA.getId(), PRIYA.getName()))
                        .build())
                .setRegisteredBy(Origin.PARTNER)
                .setDealName("Globex Zürich – 250-seat helpdesk rollout")
                .setAmount("12000.00")
                .setCurrency("EUR")
                .setCloseDate("2027-03-31")
                .setStage("APPOINTMENT_SCHEDULED")
                .setIntroNote("Met their CIO at the Basel partner day; they are replacing a legacy helpdesk.")
                .setPainOrOpportunity("Ticket backlog doubled after their merger; SLA penalties start in Q2.")
                .setNextSteps("Demo for IT operations on 2026-12-08, then the security review.")
                .setWelcomeNote(null)
                .setProductIds(List.of(PRODUCT_HELPDESK, PRODUCT_SSO))
                .setPartnerOwner(PRIYA)
                .setAssignedRep(null)
                .setSourceType("COMPANY")
                .setRegisteredDomain("globex.ch")
                .setRegistrationState("REGISTERED")
                .setUnavailableReason(null)
                .build();
    }

    static SharedDealAssigned sharedDealAssigned() {
        return SharedDealAssigned.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId("b7e4d2c1-0a9f-4e8d-8c7b-6a5f4e3d2c1b")
                        .setSharedDealId(SHARED_DEAL_ID)
                        .setPartnerId(PARTNER_ID)
                        .setOrigin(Origin.CRM)
                        .setSequence(1L)
                        .setHlc(new Hlc(ASSIGNED_AT.toEpochMilli(), 1))
                        .setOccurredAt(ASSIGNED_AT)
                        .setActor(new Actor(ActorType.SYSTEM, "system", "Automatic assignment"))
                        .build())
                .setRep(MARCUS)
                .build();
    }

    static PartnerAccountChanged partnerAccountChanged() {
        return PartnerAccountChanged.newBuilder()
                .setPartnerId(PARTNER_ID)
                .setName("Acme Partners GmbH")
                .setCapacityLimit(25)
                .setUsers(List.of(PRIYA, JONAS))
                .setNotificationRecipientUserId(PRIYA.getId())
                .setNotifyRegisteredLeadActivity(true)
                .setRevision(7L)
                .setChangedAt(Instant.parse("2026-11-20T08:30:00.250Z"))
                .build();
    }

    static ProductChanged productChanged() {
        return ProductChanged.newBuilder()
                .setProductId(PRODUCT_HELPDESK)
                .setName("Helpdesk Pro (annual, per seat)")
                .setSku("HD-PRO-1Y")
                .setUnitPrice("499.00")
                .setCurrency("USD")
                .setActive(true)
                .setRevision(3L)
                .setChangedAt(Instant.parse("2026-11-02T14:45:12.004Z"))
                .build();
    }
}
