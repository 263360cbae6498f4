package com.dealbridge.crm.shareddeal;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import com.dealbridge.contracts.pact.CommittedPact;
import com.dealbridge.contracts.pact.RecordJson;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.wire.EventCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the CRM's sync inbox reads from {@code partner.shared-deal-events.v1}: the pact's message is turned into the
 * record the deserializer would hand over and mapped by the production {@link EventCodec#toDomain}, the mapping the
 * inbox applies before the CRM's copy of the deal changes. Pact writes the contract to target/pacts; the committed
 * copy in contracts/pacts is what partner-service verifies.
 */
@CommittedPact("crm-service.sync-partner-service.json")
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "partner-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnerSharedDealEventsConsumerPactTest {

    static final String REGISTERED = "a SharedDealRegistered of a lead a partner user registered";
    static final String NOTE_ADDED = "a SharedNoteAdded by a partner user";

    private final EventCodec codec = new EventCodec();

    @Pact(consumer = "crm-service.sync")
    MessagePact registered(MessagePactBuilder builder) {
        PactDslJsonBody content = partnerMetadata(new PactDslJsonBody(), 1L)
                .stringValue("registeredBy", "PARTNER")
                .stringType("dealName", "Initech rollout")
                .stringMatcher("amount", "-?\\d+(\\.\\d+)?", "12000.00")
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .stringMatcher("closeDate", "\\d{4}-\\d{2}-\\d{2}", "2027-03-31")
                .stringType("stage", "APPOINTMENT_SCHEDULED")
                .stringType("introNote", "Met them at the trade fair")
                .stringType("sourceType", "COMPANY")
                .stringType("registeredDomain", "initech.example")
                .stringMatcher("registrationState", "REGISTERED|UNAVAILABLE", "REGISTERED");
        content.minArrayLike("productIds", 1, PactDslJsonRootValue.stringType("prod-analytics"), 1);
        content.object("partnerOwner")
                .stringType("id", "3e8f1b2a-9c4d-4a5e-8f60-1b2c3d4e5f61")
                .stringType("name", "Priya Natarajan")
                .stringType("email", "priya.natarajan@acme-partners.example")
                .closeObject();
        return builder.expectsToReceive(REGISTERED).withContent(content).toPact();
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact noteAdded(MessagePactBuilder builder) {
        PactDslJsonBody content = partnerMetadata(new PactDslJsonBody(), 2L)
                .stringType("noteId", "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
                .stringType("body", "Their CFO joins the next call.");
        return builder.expectsToReceive(NOTE_ADDED).withContent(content).toPact();
    }

    /** The envelope every event carries; the inbox dedupes and orders by it. */
    private static PactDslJsonBody partnerMetadata(PactDslJsonBody body, long sequence) {
        PactDslJsonBody metadata = body.object("metadata")
                .stringType("eventId", "9b2f6a1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c")
                .stringType("sharedDealId", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
                .stringType("partnerId", "0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30")
                .stringValue("origin", "PARTNER")
                .integerType("sequence", sequence)
                .integerType("occurredAt", 1795687530123L);
        metadata.object("hlc")
                .integerType("wallMillis", 1795687530123L)
                .integerType("counter", 0)
                .closeObject();
        metadata.object("actor")
                .stringMatcher("type", "PARTNER_USER|CRM_USER|SYSTEM", "PARTNER_USER")
                .stringType("id", "3e8f1b2a-9c4d-4a5e-8f60-1b2c3d4e5f61")
                .stringType("displayName", "Priya Natarajan")
                .closeObject();
        return (PactDslJsonBody) metadata.closeObject();
    }

    @Test
    @PactTestFor(pactMethod = "registered")
    void theCrmTakesOverThePartnersRegistration(List<Message> messages) {
        SharedDealRegistered event = (SharedDealRegistered) codec.toDomain(record(messages,
                com.dealbridge.contracts.avro.SharedDealRegistered.getClassSchema()));

        assertThat(event.header().sharedDealId()).isEqualTo("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
        assertThat(event.header().partnerId()).isEqualTo("0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30");
        assertThat(event.header().origin()).isEqualTo(Origin.PARTNER);
        assertThat(event.header().sequence()).isEqualTo(1L);
        assertThat(event.header().occurredAt()).isEqualTo(Instant.ofEpochMilli(1795687530123L));
        assertThat(event.header().actor().type()).isEqualTo(ActorType.PARTNER_USER);
        assertThat(event.registeredBy()).isEqualTo(Origin.PARTNER);
        assertThat(event.dealName()).isEqualTo("Initech rollout");
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("12000.00"));
        assertThat(event.closeDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(event.stage()).isEqualTo(Stage.APPOINTMENT_SCHEDULED);
        assertThat(event.productIds()).containsExactly("prod-analytics");
        assertThat(event.partnerOwner().email()).isEqualTo("priya.natarajan@acme-partners.example");
        assertThat(event.registeredDomain().value()).isEqualTo("initech.example");
        assertThat(event.registrationState()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    @PactTestFor(pactMethod = "noteAdded")
    void theCrmShowsThePartnersSharedNote(List<Message> messages) {
        SharedNoteAdded event = (SharedNoteAdded) codec.toDomain(record(messages,
                com.dealbridge.contracts.avro.SharedNoteAdded.getClassSchema()));

        assertThat(event.header().sequence()).isEqualTo(2L);
        assertThat(event.header().actor().displayName()).isEqualTo("Priya Natarajan");
        assertThat(event.noteId()).isEqualTo("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
        assertThat(event.body()).isEqualTo("Their CFO joins the next call.");
    }

    private static org.apache.avro.specific.SpecificRecord record(List<Message> messages, Schema schema) {
        return RecordJson.fromJson(messages.get(0).contentsAsString(), schema);
    }
}
