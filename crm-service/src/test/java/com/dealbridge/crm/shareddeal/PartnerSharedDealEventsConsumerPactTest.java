package com.dealbridge.crm.shareddeal;

import static com.dealbridge.contracts.pact.PartnerSharedDealInteractions.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import com.dealbridge.contracts.pact.CommittedPact;
import com.dealbridge.contracts.pact.RecordJson;
import com.dealbridge.contracts.pact.SharedDealMessages;
import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.AttachmentDeleted;
import com.dealbridge.shareddeal.domain.DealDetailsChanged;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.NoteCommentDeleted;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.domain.SharedDealWithdrawn;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.SharedNoteDeleted;
import com.dealbridge.shareddeal.domain.SharedNoteEdited;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.wire.EventCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
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

    private static final com.dealbridge.contracts.avro.Origin PARTNER = com.dealbridge.contracts.avro.Origin.PARTNER;

    private final EventCodec codec = new EventCodec();

    @Pact(consumer = "crm-service.sync")
    MessagePact registered(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.partnerRegistration(1);
        return builder.expectsToReceive(REGISTERED).withContent(content).toPact();
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact noteAdded(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.noteAdded(PARTNER, 2, "Their CFO joins the next call.");
        return builder.expectsToReceive(NOTE_ADDED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "registered")
    void theCrmTakesOverThePartnersRegistration(List<Message> messages) {
        SharedDealRegistered event = event(messages, com.dealbridge.contracts.avro.SharedDealRegistered.class);

        assertThat(event.header().sharedDealId()).isEqualTo("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
        assertThat(event.header().partnerId()).isEqualTo("0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30");
        assertThat(event.header().origin()).isEqualTo(Origin.PARTNER);
        assertThat(event.header().sequence()).isEqualTo(1L);
        assertThat(event.header().occurredAt()).isEqualTo(Instant.ofEpochMilli(1795687530123L));
        assertThat(event.registeredBy()).isEqualTo(Origin.PARTNER);
        assertThat(event.dealName()).isEqualTo("Initech rollout");
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("12000.00"));
        assertThat(event.closeDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(event.painOrOpportunity()).isEqualTo("Month-end reporting takes a week");
        assertThat(event.nextSteps()).isEqualTo("Demo in March");
        assertThat(event.stage()).isEqualTo(Stage.APPOINTMENT_SCHEDULED);
        assertThat(event.productIds()).containsExactly("prod-analytics");
        assertThat(event.partnerOwner().email()).isEqualTo("priya.natarajan@acme-partners.example");
        assertThat(event.registeredDomain().value()).isEqualTo("initech.example");
        assertThat(event.registrationState()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    @PactTestFor(pactMethod = "noteAdded")
    void theCrmShowsThePartnersSharedNote(List<Message> messages) {
        SharedNoteAdded event = event(messages, com.dealbridge.contracts.avro.SharedNoteAdded.class);

        assertThat(event.header().sequence()).isEqualTo(2L);
        assertThat(event.header().actor().displayName()).isEqualTo("Priya Natarajan");
        assertThat(event.noteId()).isEqualTo("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
        assertThat(event.body()).isEqualTo("Their CFO joins the next call.");
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact details(MessagePactBuilder builder) {
        return builder.expectsToReceive(DETAILS).withContent(SharedDealMessages.detailsChanged(PARTNER, 3)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "details")
    void theCrmTakesOverThePartnersDetails(List<Message> messages) {
        DealDetailsChanged event = event(messages, com.dealbridge.contracts.avro.DealDetailsChanged.class);

        assertThat(event.dealName()).isEqualTo("Initech rollout, phase 2");
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("18500.00"));
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(event.closeDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact stage(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.stageChanged(PARTNER, 4, "PRESENTATION_SCHEDULED");
        return builder.expectsToReceive(STAGE).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "stage")
    void theCrmMovesTheDealToThePartnersStage(List<Message> messages) {
        DealStageChanged event = event(messages, com.dealbridge.contracts.avro.DealStageChanged.class);

        assertThat(event.stage()).isEqualTo(Stage.PRESENTATION_SCHEDULED);
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact products(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.productInterestChanged(PARTNER, 5);
        return builder.expectsToReceive(PRODUCTS).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "products")
    void theCrmShowsTheProductsThePartnersCustomerWants(List<Message> messages) {
        ProductInterestChanged event = event(messages, com.dealbridge.contracts.avro.ProductInterestChanged.class);

        assertThat(event.productIds()).containsExactly("prod-analytics");
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact noteEdited(MessagePactBuilder builder) {
        return builder.expectsToReceive(NOTE_EDITED).withContent(SharedDealMessages.noteEdited(PARTNER, 6)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "noteEdited")
    void theCrmShowsThePartnersEditedNote(List<Message> messages) {
        SharedNoteEdited event = event(messages, com.dealbridge.contracts.avro.SharedNoteEdited.class);

        assertThat(event.noteId()).isEqualTo(SharedDealMessages.NOTE_ID);
        assertThat(event.body()).isEqualTo("Their CFO joins Tuesday.");
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact noteDeleted(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.noteDeleted(PARTNER, 7);
        return builder.expectsToReceive(NOTE_DELETED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "noteDeleted")
    void theCrmRemovesTheNoteThePartnerDeleted(List<Message> messages) {
        SharedNoteDeleted event = event(messages, com.dealbridge.contracts.avro.SharedNoteDeleted.class);

        assertThat(event.noteId()).isEqualTo(SharedDealMessages.NOTE_ID);
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact commentAdded(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.commentAdded(PARTNER, 8);
        return builder.expectsToReceive(COMMENT_ADDED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "commentAdded")
    void theCrmShowsThePartnersCommentUnderItsNote(List<Message> messages) {
        NoteCommentAdded event = event(messages, com.dealbridge.contracts.avro.NoteCommentAdded.class);

        assertThat(event.noteId()).isEqualTo(SharedDealMessages.NOTE_ID);
        assertThat(event.commentId()).isEqualTo(SharedDealMessages.COMMENT_ID);
        assertThat(event.body()).isEqualTo("I will send the agenda.");
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact commentDeleted(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.commentDeleted(PARTNER, 9);
        return builder.expectsToReceive(COMMENT_DELETED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "commentDeleted")
    void theCrmRemovesTheCommentThePartnerDeleted(List<Message> messages) {
        NoteCommentDeleted event = event(messages, com.dealbridge.contracts.avro.NoteCommentDeleted.class);

        assertThat(event.commentId()).isEqualTo(SharedDealMessages.COMMENT_ID);
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact attachmentAdded(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.attachmentAdded(PARTNER, 10);
        return builder.expectsToReceive(ATTACHMENT_ADDED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "attachmentAdded")
    void theCrmAwaitsTheChunksOfThePartnersAttachment(List<Message> messages) {
        AttachmentAdded event = event(messages, com.dealbridge.contracts.avro.AttachmentAdded.class);

        assertThat(event.attachmentId()).isEqualTo(SharedDealMessages.ATTACHMENT_ID);
        assertThat(event.fileName()).isEqualTo("pricing.pdf");
        assertThat(event.contentType()).isEqualTo("application/pdf");
        assertThat(event.size()).isEqualTo(5L);
        assertThat(event.sha256()).isEqualTo(SharedDealMessages.SHA256);
        assertThat(event.chunkCount()).isEqualTo(1);
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact attachmentChunk(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.attachmentChunk(PARTNER, 10);
        return builder.expectsToReceive(ATTACHMENT_CHUNK).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "attachmentChunk")
    void theCrmStoresTheBytesOfAChunk(List<Message> messages) {
        AttachmentChunk event = event(messages, com.dealbridge.contracts.avro.AttachmentChunk.class);

        assertThat(event.index()).isZero();
        assertThat(event.offset()).isZero();
        assertThat(event.data()).asString().isEqualTo("hello");
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact attachmentDeleted(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.attachmentDeleted(PARTNER, 11);
        return builder.expectsToReceive(ATTACHMENT_DELETED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "attachmentDeleted")
    void theCrmRemovesTheAttachmentThePartnerDeleted(List<Message> messages) {
        AttachmentDeleted event = event(messages, com.dealbridge.contracts.avro.AttachmentDeleted.class);

        assertThat(event.attachmentId()).isEqualTo(SharedDealMessages.ATTACHMENT_ID);
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact withdrawn(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.envelope(PARTNER, 12)
                .stringType("reason", "Customer chose a rival");
        return builder.expectsToReceive(WITHDRAWN).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "withdrawn")
    void theCrmHearsWhyThePartnerWithdrewTheDeal(List<Message> messages) {
        SharedDealWithdrawn event = event(messages, com.dealbridge.contracts.avro.SharedDealWithdrawn.class);

        assertThat(event.reason()).isEqualTo("Customer chose a rival");
    }

    @Pact(consumer = "crm-service.sync")
    MessagePact snapshot(MessagePactBuilder builder) {
        return builder.expectsToReceive(SNAPSHOT).withContent(SharedDealMessages.partnerSnapshot(13)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "snapshot")
    void theCrmRepairsItsReplicaFromThePartnersSnapshot(List<Message> messages) {
        SharedDealSnapshot event = event(messages, com.dealbridge.contracts.avro.SharedDealSnapshot.class);

        assertThat(event.receivedUpTo()).isEqualTo(3L);
        assertThat(event.facts()).extracting(SharedDealEvent::type)
                .containsExactly("SharedDealRegistered", "SharedNoteAdded");
        assertThat(((SharedDealRegistered) event.facts().get(0)).dealName()).isEqualTo("Initech rollout");
        assertThat(((SharedNoteAdded) event.facts().get(1)).noteId()).isEqualTo(SharedDealMessages.NOTE_ID);
        assertThat(event.activity()).singleElement().satisfies(line -> assertThat(line.details())
                .containsEntry("noteId", SharedDealMessages.NOTE_ID));
    }

    /** The record the deserializer would hand over, mapped as the inbox maps it. */
    @SuppressWarnings("unchecked")
    private <T extends SharedDealEvent> T event(List<Message> messages, Class<? extends SpecificRecord> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return (T) codec.toDomain(RecordJson.fromJson(messages.get(0).contentsAsString(), schema));
    }
}
