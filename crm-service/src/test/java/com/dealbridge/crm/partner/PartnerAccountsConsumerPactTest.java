package com.dealbridge.crm.partner;

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
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.pact.CommittedPact;
import com.dealbridge.contracts.pact.RecordJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the CRM's accounts consumer reads from {@code partner.accounts.v1}: the pact's message is turned into the
 * record the deserializer would hand over and run through the listener's real mapping. Pact writes the contract to
 * target/pacts; the committed copy in contracts/pacts is what partner-service verifies.
 */
@CommittedPact("crm-service.accounts-partner-service.json")
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "partner-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class PartnerAccountsConsumerPactTest {

    static final String ACCOUNT = "a PartnerAccountChanged of a partner with a notification recipient";

    @Pact(consumer = "crm-service.accounts")
    MessagePact partnerAccount(MessagePactBuilder builder) {
        PactDslJsonBody content = new PactDslJsonBody()
                .stringType("partnerId", "0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30")
                .stringType("name", "Acme Partners")
                .integerType("capacityLimit", 5)
                .stringType("notificationRecipientUserId", "3e8f1b2a-9c4d-4a5e-8f60-1b2c3d4e5f61")
                .booleanType("notifyRegisteredLeadActivity", true)
                .integerType("revision", 3L)
                .integerType("changedAt", 1795687530123L);
        content.minArrayLike("users", 1)
                .stringType("id", "3e8f1b2a-9c4d-4a5e-8f60-1b2c3d4e5f61")
                .stringType("name", "Priya Natarajan")
                .stringType("email", "priya.natarajan@acme-partners.example")
                .closeObject()
                .closeArray();
        return builder.expectsToReceive(ACCOUNT).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "partnerAccount")
    void theCrmKnowsThePartnerItsCapacityAndItsUsers(List<Message> messages) {
        PartnerAccountChanged record = RecordJson.fromJson(messages.get(0).contentsAsString(),
                PartnerAccountChanged.getClassSchema());

        KnownPartner partner = PartnerAccountListener.toPartner(record);

        assertThat(partner.id()).isEqualTo("0f6a2c1e-5b7d-4e3a-9c21-7d4b8e6f1a30");
        assertThat(partner.capacityLimit()).isEqualTo(5);
        assertThat(partner.users()).extracting(KnownUser::email)
                .containsExactly("priya.natarajan@acme-partners.example");
        assertThat(partner.revision()).isEqualTo(3L);
    }
}
