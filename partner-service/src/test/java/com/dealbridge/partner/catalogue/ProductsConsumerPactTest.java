package com.dealbridge.partner.catalogue;

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
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.pact.CommittedPact;
import com.dealbridge.contracts.pact.RecordJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the partner catalogue reads from {@code crm.products.v1}, run through the listener's real mapping. */
@CommittedPact("partner-service.catalogue-crm-service.json")
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "crm-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class ProductsConsumerPactTest {

    static final String PRODUCT = "a ProductChanged of an active product";

    @Pact(consumer = "partner-service.catalogue")
    MessagePact activeProduct(MessagePactBuilder builder) {
        PactDslJsonBody content = new PactDslJsonBody()
                .stringType("productId", "c4a1e7d2-3b9f-4f60-8e15-2a7c9d0b6e41")
                .stringType("name", "Helpdesk Pro")
                .stringType("sku", "HD-PRO")
                .stringMatcher("unitPrice", "-?[0-9]+(\\.[0-9]+)?", "49.90")
                .stringMatcher("currency", "[A-Z]{3}", "EUR")
                .booleanType("active", true)
                .integerType("revision", 2L)
                .integerType("changedAt", 1795687530123L);
        return builder.expectsToReceive(PRODUCT).withContent(content).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "activeProduct")
    void theCatalogueOffersTheProductAtItsPrice(List<Message> messages) {
        ProductChanged record = RecordJson.fromJson(messages.get(0).contentsAsString(),
                ProductChanged.getClassSchema());

        CatalogueProduct product = ProductChangedListener.toProduct(record);

        assertThat(product.id()).isEqualTo("c4a1e7d2-3b9f-4f60-8e15-2a7c9d0b6e41");
        assertThat(product.unitPrice()).isEqualByComparingTo(new BigDecimal("49.90"));
        assertThat(product.currency()).isEqualTo("EUR");
        assertThat(product.active()).isTrue();
    }
}
