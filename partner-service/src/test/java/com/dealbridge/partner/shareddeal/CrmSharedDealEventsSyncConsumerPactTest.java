package com.dealbridge.partner.shareddeal;

import static com.dealbridge.contracts.pact.CrmSharedDealInteractions.*;
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
import com.dealbridge.contracts.avro.Origin;
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
import com.dealbridge.shareddeal.domain.PartnerCompensationEligibilityChanged;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.QuoteChanged;
import com.dealbridge.shareddeal.domain.QuoteStatus;
import com.dealbridge.shareddeal.domain.RegistrationChanged;
import com.dealbridge.shareddeal.domain.RegistrationExpiring;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.RegistrationTransition;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
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
 * What the portal's sync inbox reads from {@code crm.shared-deal-events.v1} (group partner-service.sync, the one
 * that changes the portal's replica, as opposed to the notifications group): each pact message is turned into the
 * record the deserializer would hand over and mapped by the production {@link EventCodec#toDomain}, as the inbox
 * does before applying it. Related events share an interaction group (notes, comments, attachments, registration
 * decisions); their messages arrive in the order declared. Pact writes the contract to target/pacts; the committed
 * copy in contracts/pacts is what crm-service verifies.
 */
@CommittedPact("partner-service.sync-crm-service.json")
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "crm-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class CrmSharedDealEventsSyncConsumerPactTest {

    private static final String CONSUMER = "partner-service.sync";

    private final EventCodec codec = new EventCodec();

    /** A deal a CRM user converted and shared: the portal creates its replica from it. */
    @Pact(consumer = CONSUMER)
    MessagePact registered(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.envelope(Origin.CRM, 1)
                .stringValue("registeredBy", "CRM")
                .stringType("dealName", "Umbrella data platform")
                .stringMatcher("amount", "-?\\d+(\\.\\d+)?", "90000.00")
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .stringMatcher("closeDate", "\\d{4}-\\d{2}-\\d{2}", "2027-09-30")
                .stringMatcher("stage", "[A-Z_]+", "QUALIFIED_TO_BUY")
                .stringType("welcomeNote", "Glad to work on this one with you")
                .stringType("registeredDomain", "umbrella.example")
                .stringMatcher("registrationState", "REGISTERED|UNAVAILABLE", "REGISTERED");
        content.object("partnerOwner")
                .stringType("id", SharedDealMessages.PARTNER_USER_ID)
                .stringType("name", SharedDealMessages.PARTNER_USER_NAME)
                .stringType("email", "priya.natarajan@acme-partners.example")
                .closeObject();
        content.object("assignedRep")
                .stringType("id", SharedDealMessages.CRM_USER_ID)
                .stringType("name", SharedDealMessages.CRM_USER_NAME)
                .stringType("email", "dana.whitfield@dealbridge.example")
                .closeObject();
        return builder.expectsToReceive(REGISTERED).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "registered")
    void thePortalTakesOverTheDealTheCrmShared(List<Message> messages) {
        SharedDealRegistered event = event(messages.get(0), com.dealbridge.contracts.avro.SharedDealRegistered.class);

        assertThat(event.header().sharedDealId()).isEqualTo(SharedDealMessages.DEAL_ID);
        assertThat(event.header().partnerId()).isEqualTo(SharedDealMessages.PARTNER_ID);
        assertThat(event.header().occurredAt()).isEqualTo(Instant.ofEpochMilli(SharedDealMessages.OCCURRED_AT));
        assertThat(event.registeredBy()).isEqualTo(com.dealbridge.shareddeal.domain.Origin.CRM);
        assertThat(event.dealName()).isEqualTo("Umbrella data platform");
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("90000.00"));
        assertThat(event.closeDate()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(event.stage()).isEqualTo(Stage.QUALIFIED_TO_BUY);
        assertThat(event.welcomeNote()).isEqualTo("Glad to work on this one with you");
        assertThat(event.partnerOwner().id()).isEqualTo(SharedDealMessages.PARTNER_USER_ID);
        assertThat(event.assignedRep().name()).isEqualTo(SharedDealMessages.CRM_USER_NAME);
        assertThat(event.registeredDomain().value()).isEqualTo("umbrella.example");
        assertThat(event.registrationState()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Pact(consumer = CONSUMER)
    MessagePact assigned(MessagePactBuilder builder) {
        return builder.expectsToReceive(ASSIGNED).withContent(SharedDealMessages.assigned(Origin.CRM, 2)).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "assigned")
    void thePortalShowsTheRepWhoTookTheDeal(List<Message> messages) {
        SharedDealAssigned event = event(messages.get(0), com.dealbridge.contracts.avro.SharedDealAssigned.class);

        assertThat(event.rep().email()).isEqualTo("dana.whitfield@dealbridge.example");
    }

    /** The shared fields the CRM may change: details, stage, products, compensation and quotes. */
    @Pact(consumer = CONSUMER)
    MessagePact dealChanges(MessagePactBuilder builder) {
        return builder
                .expectsToReceive(DETAILS).withContent(SharedDealMessages.detailsChanged(Origin.CRM, 3))
                .expectsToReceive(STAGE).withContent(SharedDealMessages.stageChanged(Origin.CRM, 4, "CONTRACT_SENT"))
                .expectsToReceive(PRODUCTS).withContent(SharedDealMessages.productInterestChanged(Origin.CRM, 5))
                .expectsToReceive(COMPENSATION).withContent(SharedDealMessages.compensationChanged(Origin.CRM, 6))
                .expectsToReceive(QUOTE).withContent(SharedDealMessages.quoteChanged(Origin.CRM, 7))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "dealChanges")
    void thePortalTakesOverTheCrmsChangesOfTheDeal(List<Message> messages) {
        DealDetailsChanged details = event(messages.get(0), com.dealbridge.contracts.avro.DealDetailsChanged.class);
        DealStageChanged stage = event(messages.get(1), com.dealbridge.contracts.avro.DealStageChanged.class);
        ProductInterestChanged products = event(messages.get(2),
                com.dealbridge.contracts.avro.ProductInterestChanged.class);
        PartnerCompensationEligibilityChanged compensation = event(messages.get(3),
                com.dealbridge.contracts.avro.PartnerCompensationEligibilityChanged.class);
        QuoteChanged quote = event(messages.get(4), com.dealbridge.contracts.avro.QuoteChanged.class);

        assertThat(details.dealName()).isEqualTo("Initech rollout, phase 2");
        assertThat(details.amount()).isEqualByComparingTo(new BigDecimal("18500.00"));
        assertThat(details.closeDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(stage.stage()).isEqualTo(Stage.CONTRACT_SENT);
        assertThat(products.productIds()).containsExactly("prod-analytics");
        assertThat(compensation.eligible()).isTrue();
        assertThat(quote.quote().status()).isEqualTo(QuoteStatus.PUBLISHED);
        assertThat(quote.quote().amount()).isEqualByComparingTo(new BigDecimal("36000.00"));
        assertThat(quote.quote().lineItems()).singleElement()
                .satisfies(item -> assertThat(item.quantity()).isEqualTo(3));
    }

    @Pact(consumer = CONSUMER)
    MessagePact notes(MessagePactBuilder builder) {
        return builder
                .expectsToReceive(NOTE_ADDED).withContent(SharedDealMessages.noteAdded(Origin.CRM, 8, "Pricing is ok"))
                .expectsToReceive(NOTE_EDITED).withContent(SharedDealMessages.noteEdited(Origin.CRM, 9))
                .expectsToReceive(NOTE_DELETED).withContent(SharedDealMessages.noteDeleted(Origin.CRM, 10))
                .expectsToReceive(COMMENT_ADDED).withContent(SharedDealMessages.commentAdded(Origin.CRM, 11))
                .expectsToReceive(COMMENT_DELETED).withContent(SharedDealMessages.commentDeleted(Origin.CRM, 12))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "notes")
    void thePortalShowsTheRepsNotesAndComments(List<Message> messages) {
        SharedNoteAdded added = event(messages.get(0), com.dealbridge.contracts.avro.SharedNoteAdded.class);
        SharedNoteEdited edited = event(messages.get(1), com.dealbridge.contracts.avro.SharedNoteEdited.class);
        SharedNoteDeleted deleted = event(messages.get(2), com.dealbridge.contracts.avro.SharedNoteDeleted.class);
        NoteCommentAdded comment = event(messages.get(3), com.dealbridge.contracts.avro.NoteCommentAdded.class);
        NoteCommentDeleted uncommented = event(messages.get(4),
                com.dealbridge.contracts.avro.NoteCommentDeleted.class);

        assertThat(added.header().actor().displayName()).isEqualTo(SharedDealMessages.CRM_USER_NAME);
        assertThat(added.body()).isEqualTo("Pricing is ok");
        assertThat(edited.body()).isEqualTo("Their CFO joins Tuesday.");
        assertThat(deleted.noteId()).isEqualTo(SharedDealMessages.NOTE_ID);
        assertThat(comment.commentId()).isEqualTo(SharedDealMessages.COMMENT_ID);
        assertThat(comment.body()).isEqualTo("I will send the agenda.");
        assertThat(uncommented.noteId()).isEqualTo(SharedDealMessages.NOTE_ID);
    }

    @Pact(consumer = CONSUMER)
    MessagePact attachments(MessagePactBuilder builder) {
        return builder
                .expectsToReceive(ATTACHMENT_ADDED).withContent(SharedDealMessages.attachmentAdded(Origin.CRM, 13))
                .expectsToReceive(ATTACHMENT_CHUNK).withContent(SharedDealMessages.attachmentChunk(Origin.CRM, 13))
                .expectsToReceive(ATTACHMENT_DELETED).withContent(SharedDealMessages.attachmentDeleted(Origin.CRM, 14))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "attachments")
    void thePortalStoresTheRepsAttachment(List<Message> messages) {
        AttachmentAdded added = event(messages.get(0), com.dealbridge.contracts.avro.AttachmentAdded.class);
        AttachmentChunk chunk = event(messages.get(1), com.dealbridge.contracts.avro.AttachmentChunk.class);
        AttachmentDeleted deleted = event(messages.get(2), com.dealbridge.contracts.avro.AttachmentDeleted.class);

        assertThat(added.fileName()).isEqualTo("pricing.pdf");
        assertThat(added.sha256()).isEqualTo(SharedDealMessages.SHA256);
        assertThat(added.chunkCount()).isEqualTo(1);
        assertThat(chunk.attachmentId()).isEqualTo(SharedDealMessages.ATTACHMENT_ID);
        assertThat(chunk.data()).asString().isEqualTo("hello");
        assertThat(deleted.attachmentId()).isEqualTo(SharedDealMessages.ATTACHMENT_ID);
    }

    /** The vendor's decisions on the registration, which only the CRM sends. */
    @Pact(consumer = CONSUMER)
    MessagePact registration(MessagePactBuilder builder) {
        return builder
                .expectsToReceive(REGISTRATION_REJECTED)
                .withContent(SharedDealMessages.registrationRejected(Origin.CRM, 15))
                .expectsToReceive(REGISTRATION_EXTENDED)
                .withContent(SharedDealMessages.registrationExtended(Origin.CRM, 16))
                .expectsToReceive(REGISTRATION_EXPIRING)
                .withContent(SharedDealMessages.registrationExpiring(Origin.CRM, 17))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "registration")
    void thePortalShowsTheVendorsRegistrationDecisions(List<Message> messages) {
        RegistrationChanged rejected = event(messages.get(0), com.dealbridge.contracts.avro.RegistrationChanged.class);
        RegistrationChanged extended = event(messages.get(1), com.dealbridge.contracts.avro.RegistrationChanged.class);
        RegistrationExpiring expiring = event(messages.get(2),
                com.dealbridge.contracts.avro.RegistrationExpiring.class);

        assertThat(rejected.transition()).isEqualTo(RegistrationTransition.REJECT);
        assertThat(rejected.reasonCode()).isEqualTo("DUPLICATE");
        assertThat(rejected.reason()).isEqualTo("Already registered by another partner");
        assertThat(extended.transition()).isEqualTo(RegistrationTransition.EXTEND);
        assertThat(extended.expiresAt()).isEqualTo(Instant.ofEpochMilli(1803463530123L));
        assertThat(expiring.expiresAt()).isEqualTo(Instant.ofEpochMilli(1803463530123L));
    }

    /** The message as the record the deserializer would hand over, mapped as the inbox maps it. */
    @SuppressWarnings("unchecked")
    private <T extends SharedDealEvent> T event(Message message, Class<? extends SpecificRecord> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return (T) codec.toDomain(RecordJson.fromJson(message.contentsAsString(), schema));
    }
}
