package com.dealbridge.partner.notification;

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
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.wire.EventCodec;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the portal's notification consumer reads from {@code crm.shared-deal-events.v1}: the pact's message is turned
 * into the record the deserializer would hand over, mapped by the production {@link EventCodec#toDomain} as
 * {@link NotificationListener} does, and run through the real {@link NotificationTriggers}. Pact writes the contract
 * to target/pacts; the committed copy in contracts/pacts is what crm-service verifies.
 */
@CommittedPact("partner-service.notifications-crm-service.json")
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "crm-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class CrmSharedDealEventsConsumerPactTest {

    static final String ASSIGNED = "a SharedDealAssigned of a rep a CRM user assigned";
    static final String CLOSED_WON = "a DealStageChanged to CLOSED_WON by a CRM user";

    private final EventCodec codec = new EventCodec();
    private final NotificationTriggers triggers = new NotificationTriggers();

    @Pact(consumer = "partner-service.notifications")
    MessagePact assigned(MessagePactBuilder builder) {
        PactDslJsonBody content = crmMetadata(new PactDslJsonBody());
        content.object("rep")
                .stringType("id", "rep-7")
                .stringType("name", "Dana Whitfield")
                .stringType("email", "dana.whitfield@dealbridge.example")
                .closeObject();
        return builder.expectsToReceive(ASSIGNED).withContent(content).toPact();
    }

    @Pact(consumer = "partner-service.notifications")
    MessagePact closedWon(MessagePactBuilder builder) {
        PactDslJsonBody content = crmMetadata(new PactDslJsonBody()).stringValue("stage", "CLOSED_WON");
        return builder.expectsToReceive(CLOSED_WON).withContent(content).toPact();
    }

    /** The envelope: only the CRM's events, decided by a CRM user or the CRM itself, notify the partner. */
    private static PactDslJsonBody crmMetadata(PactDslJsonBody body) {
        PactDslJsonBody metadata = body.object("metadata")
                .stringType("eventId", "9b2f6a1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c")
                .stringType("sharedDealId", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
                .stringType("partnerId", "0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30")
                .stringValue("origin", "CRM")
                .integerType("sequence", 3L)
                .integerType("occurredAt", 1795687530123L);
        metadata.object("hlc")
                .integerType("wallMillis", 1795687530123L)
                .integerType("counter", 0)
                .closeObject();
        metadata.object("actor")
                .stringMatcher("type", "CRM_USER|SYSTEM", "CRM_USER")
                .stringType("id", "rep-7")
                .stringType("displayName", "Dana Whitfield")
                .closeObject();
        return (PactDslJsonBody) metadata.closeObject();
    }

    @Test
    @PactTestFor(pactMethod = "assigned")
    void thePartnerHearsWhichRepTookTheDeal(List<Message> messages) {
        SharedDealEvent event = event(messages, com.dealbridge.contracts.avro.SharedDealAssigned.getClassSchema());

        assertThat(triggers.triggerFor(event))
                .contains(Trigger.of(NotificationKind.REP_ASSIGNED, "Dana Whitfield"));
        assertThat(event.header().sharedDealId()).isEqualTo("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    }

    @Test
    @PactTestFor(pactMethod = "closedWon")
    void thePartnerHearsThatTheDealWasWon(List<Message> messages) {
        SharedDealEvent event = event(messages, com.dealbridge.contracts.avro.DealStageChanged.getClassSchema());

        assertThat(triggers.triggerFor(event)).contains(Trigger.of(NotificationKind.DEAL_CLOSED_WON, null));
    }

    private SharedDealEvent event(List<Message> messages, Schema schema) {
        return codec.toDomain(RecordJson.fromJson(messages.get(0).contentsAsString(), schema));
    }
}
