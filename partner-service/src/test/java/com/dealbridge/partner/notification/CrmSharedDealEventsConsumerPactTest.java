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
import com.dealbridge.contracts.avro.Origin;
import com.dealbridge.contracts.pact.CommittedPact;
import com.dealbridge.contracts.pact.RecordJson;
import com.dealbridge.contracts.pact.SharedDealMessages;
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
        PactDslJsonBody content = SharedDealMessages.assigned(Origin.CRM, 3);
        return builder.expectsToReceive(ASSIGNED).withContent(content).toPact();
    }

    @Pact(consumer = "partner-service.notifications")
    MessagePact closedWon(MessagePactBuilder builder) {
        PactDslJsonBody content = SharedDealMessages.envelope(Origin.CRM, 3).stringValue("stage", "CLOSED_WON");
        return builder.expectsToReceive(CLOSED_WON).withContent(content).toPact();
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
