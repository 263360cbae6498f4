package com.dealbridge.contracts.pact;

import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import com.dealbridge.contracts.avro.Origin;

/**
 * The shared-deal events as a consumer of either topic expects them, for Pact message contracts: both services
 * read the other's events through the same mapping ({@code EventCodec.toDomain}), so what a consumer needs of a
 * SharedNoteEdited does not depend on which side sent it; only the envelope does. Values are matched by type or
 * pattern, so a provider passes with its own example values but fails when a field is renamed or dropped. The
 * examples below are the values the consumer tests assert the mapping keeps.
 */
public final class SharedDealMessages {

    public static final String DEAL_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    public static final String PARTNER_ID = "0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30";
    public static final long OCCURRED_AT = 1795687530123L;
    public static final String PARTNER_USER_ID = "3e8f1b2a-9c4d-4a5e-8f60-1b2c3d4e5f61";
    public static final String PARTNER_USER_NAME = "Priya Natarajan";
    public static final String CRM_USER_ID = "rep-7";
    public static final String CRM_USER_NAME = "Dana Whitfield";
    public static final String NOTE_ID = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    public static final String COMMENT_ID = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60";
    public static final String ATTACHMENT_ID = "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b";
    public static final String SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private SharedDealMessages() {
    }

    /**
     * A message with the envelope every event carries, which the inbox dedupes and orders by: a partner event is
     * decided by a partner user (or on its behalf), a CRM event by a CRM user or the CRM itself.
     */
    public static PactDslJsonBody envelope(Origin origin, long sequence) {
        return withMetadata(new PactDslJsonBody(), origin, sequence);
    }

    private static PactDslJsonBody withMetadata(PactDslJsonBody body, Origin origin, long sequence) {
        boolean partner = origin == Origin.PARTNER;
        PactDslJsonBody metadata = body.object("metadata")
                .stringType("eventId", "9b2f6a1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c")
                .stringType("sharedDealId", DEAL_ID)
                .stringType("partnerId", PARTNER_ID)
                .stringValue("origin", origin.name())
                .integerType("sequence", sequence)
                .integerType("occurredAt", OCCURRED_AT);
        metadata.object("hlc")
                .integerType("wallMillis", OCCURRED_AT)
                .integerType("counter", 0)
                .closeObject();
        actor(metadata.object("actor"), partner).closeObject();
        return (PactDslJsonBody) metadata.closeObject();
    }

    private static PactDslJsonBody actor(PactDslJsonBody actor, boolean partner) {
        return actor.stringMatcher("type", partner ? "PARTNER_USER|CRM_USER|SYSTEM" : "CRM_USER|SYSTEM",
                        partner ? "PARTNER_USER" : "CRM_USER")
                .stringType("id", partner ? PARTNER_USER_ID : CRM_USER_ID)
                .stringType("displayName", partner ? PARTNER_USER_NAME : CRM_USER_NAME);
    }

    /**
     * SharedDealRegistered of a lead a partner user registered, every field named (a snapshot's facts are told
     * apart by their exact field names): the texts only the partner writes at creation, no rep yet.
     */
    public static PactDslJsonBody partnerRegistration(long sequence) {
        return partnerRegistration(envelope(Origin.PARTNER, sequence));
    }

    private static PactDslJsonBody partnerRegistration(PactDslJsonBody content) {
        content.stringValue("registeredBy", "PARTNER")
                .stringType("dealName", "Initech rollout")
                .stringMatcher("amount", "-?\\d+(\\.\\d+)?", "12000.00")
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .stringMatcher("closeDate", "\\d{4}-\\d{2}-\\d{2}", "2027-03-31")
                .stringType("stage", "APPOINTMENT_SCHEDULED")
                .stringType("introNote", "Met them at the trade fair")
                .stringType("painOrOpportunity", "Month-end reporting takes a week")
                .stringType("nextSteps", "Demo in March")
                .nullValue("welcomeNote")
                .nullValue("assignedRep")
                .stringType("sourceType", "COMPANY")
                .stringType("registeredDomain", "initech.example")
                .stringMatcher("registrationState", "REGISTERED|UNAVAILABLE", "REGISTERED")
                .nullValue("unavailableReason");
        content.minArrayLike("productIds", 1, PactDslJsonRootValue.stringType("prod-analytics"), 1);
        content.object("partnerOwner")
                .stringType("id", PARTNER_USER_ID)
                .stringType("name", PARTNER_USER_NAME)
                .stringType("email", "priya.natarajan@acme-partners.example")
                .closeObject();
        return content;
    }

    /**
     * SharedDealSnapshot from the partner, in one part: its registration and a shared note as facts, and the note's
     * line of the Shared tab.
     */
    public static PactDslJsonBody partnerSnapshot(long sequence) {
        PactDslJsonBody content = envelope(Origin.PARTNER, sequence)
                .integerType("part", 1)
                .integerType("parts", 1)
                .integerType("receivedUpTo", 3L);
        PactDslJsonArray facts = content.array("facts");
        partnerRegistration(withMetadata(facts.object(), Origin.PARTNER, 1)).closeObject();
        withMetadata(facts.object(), Origin.PARTNER, 2)
                .stringType("noteId", NOTE_ID)
                .stringType("body", "Their CFO joins the next call.")
                .closeObject();
        facts.closeArray();
        PactDslJsonBody line = content.minArrayLike("activity", 1)
                .stringType("type", "NOTE_ADDED")
                .integerType("at", OCCURRED_AT)
                .stringMatcher("origin", "PARTNER|CRM", "PARTNER")
                .stringType("eventId", "9b2f6a1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c");
        actor(line.object("actor"), true).closeObject();
        line.object("hlc").integerType("wallMillis", OCCURRED_AT).integerType("counter", 0).closeObject();
        line.object("details").stringType("noteId", NOTE_ID).closeObject();
        line.closeObject().closeArray();
        return content;
    }

    /** DealDetailsChanged: the shared details, each optional on the wire but all of them sent here. */
    public static PactDslJsonBody detailsChanged(Origin origin, long sequence) {
        return envelope(origin, sequence)
                .stringType("dealName", "Initech rollout, phase 2")
                .stringMatcher("amount", "-?\\d+(\\.\\d+)?", "18500.00")
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .stringMatcher("closeDate", "\\d{4}-\\d{2}-\\d{2}", "2027-06-30");
    }

    public static PactDslJsonBody stageChanged(Origin origin, long sequence, String stage) {
        return envelope(origin, sequence).stringMatcher("stage", "[A-Z_]+", stage);
    }

    public static PactDslJsonBody productInterestChanged(Origin origin, long sequence) {
        PactDslJsonBody content = envelope(origin, sequence);
        content.minArrayLike("productIds", 1, PactDslJsonRootValue.stringType("prod-analytics"), 1);
        return content;
    }

    public static PactDslJsonBody noteAdded(Origin origin, long sequence, String body) {
        return envelope(origin, sequence).stringType("noteId", NOTE_ID).stringType("body", body);
    }

    public static PactDslJsonBody noteEdited(Origin origin, long sequence) {
        return envelope(origin, sequence).stringType("noteId", NOTE_ID).stringType("body", "Their CFO joins Tuesday.");
    }

    public static PactDslJsonBody noteDeleted(Origin origin, long sequence) {
        return envelope(origin, sequence).stringType("noteId", NOTE_ID);
    }

    public static PactDslJsonBody commentAdded(Origin origin, long sequence) {
        return envelope(origin, sequence)
                .stringType("noteId", NOTE_ID)
                .stringType("commentId", COMMENT_ID)
                .stringType("body", "I will send the agenda.");
    }

    public static PactDslJsonBody commentDeleted(Origin origin, long sequence) {
        return envelope(origin, sequence).stringType("noteId", NOTE_ID).stringType("commentId", COMMENT_ID);
    }

    /** AttachmentAdded: the announcement its chunks follow; size, chunk size and count agree. */
    public static PactDslJsonBody attachmentAdded(Origin origin, long sequence) {
        return envelope(origin, sequence)
                .stringType("noteId", NOTE_ID)
                .stringType("attachmentId", ATTACHMENT_ID)
                .stringType("fileName", "pricing.pdf")
                .stringMatcher("contentType", "[a-z0-9.+-]+/[a-z0-9.+-]+", "application/pdf")
                .integerType("size", 5L)
                .stringMatcher("sha256", "[0-9a-f]{64}", SHA256)
                .integerType("chunkSize", 262144)
                .integerType("chunkCount", 1);
    }

    /** AttachmentChunk: a piece of the file's bytes, base64 in the contract JSON. */
    public static PactDslJsonBody attachmentChunk(Origin origin, long sequence) {
        return envelope(origin, sequence)
                .stringType("noteId", NOTE_ID)
                .stringType("attachmentId", ATTACHMENT_ID)
                .integerType("index", 0)
                .integerType("chunkCount", 1)
                .integerType("offset", 0L)
                .stringMatcher("data", "[A-Za-z0-9+/]*={0,2}", "aGVsbG8=");
    }

    public static PactDslJsonBody attachmentDeleted(Origin origin, long sequence) {
        return envelope(origin, sequence).stringType("noteId", NOTE_ID).stringType("attachmentId", ATTACHMENT_ID);
    }

    /** SharedDealAssigned: the rep who owns the deal on the vendor's side. */
    public static PactDslJsonBody assigned(Origin origin, long sequence) {
        PactDslJsonBody content = envelope(origin, sequence);
        content.object("rep")
                .stringType("id", CRM_USER_ID)
                .stringType("name", CRM_USER_NAME)
                .stringType("email", "dana.whitfield@dealbridge.example")
                .closeObject();
        return content;
    }

    public static PactDslJsonBody compensationChanged(Origin origin, long sequence) {
        return envelope(origin, sequence).booleanType("eligible", true);
    }

    /** QuoteChanged: the quote the partner sees, line by line. */
    public static PactDslJsonBody quoteChanged(Origin origin, long sequence) {
        PactDslJsonBody content = envelope(origin, sequence)
                .stringType("quoteId", "4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c")
                .stringType("title", "Initech analytics, 3 years")
                .stringMatcher("amount", "-?\\d+(\\.\\d+)?", "36000.00")
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .stringMatcher("status", "[A-Z_]+", "PUBLISHED");
        content.minArrayLike("lineItems", 1)
                .stringType("productId", "prod-analytics")
                .stringType("productName", "Analytics")
                .integerType("quantity", 3)
                .stringMatcher("unitPrice", "-?\\d+(\\.\\d+)?", "12000.00")
                .stringMatcher("amount", "-?\\d+(\\.\\d+)?", "36000.00")
                .closeObject().closeArray();
        return content;
    }

    /** RegistrationChanged to REJECTED: a rejection, and only one, carries a reason code. */
    public static PactDslJsonBody registrationRejected(Origin origin, long sequence) {
        return envelope(origin, sequence)
                .stringValue("transition", "REJECT")
                .stringType("reasonCode", "DUPLICATE")
                .stringType("reason", "Already registered by another partner");
    }

    /** RegistrationChanged that extends a registration: the new expiry. */
    public static PactDslJsonBody registrationExtended(Origin origin, long sequence) {
        return envelope(origin, sequence)
                .stringValue("transition", "EXTEND")
                .integerType("expiresAt", 1803463530123L);
    }

    public static PactDslJsonBody registrationExpiring(Origin origin, long sequence) {
        return envelope(origin, sequence).integerType("expiresAt", 1803463530123L);
    }
}
