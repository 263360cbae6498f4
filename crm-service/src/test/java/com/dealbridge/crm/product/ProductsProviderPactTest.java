package com.dealbridge.crm.product;

import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.dealbridge.contracts.pact.ProviderMethodScan;
import com.dealbridge.contracts.pact.RecordJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** crm-service keeps the partner catalogue's contract, with the production mapping {@link ProductsTopic#record}. */
@Provider("crm-service")
@Consumer("partner-service.catalogue")
@PactFolder("../contracts/pacts")
public class ProductsProviderPactTest {

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.crm.product"),
                ProviderMethodScan.of(getClass())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void producesWhatTheCatalogueReads(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider("a ProductChanged of an active product")
    public String activeProduct() {
        Instant at = Instant.parse("2026-11-26T10:05:30.123Z");
        return RecordJson.toJson(ProductsTopic.record(new ProductDocument("prod-1", "SSO Add-on", "SSO-1", "sso-1",
                "12.50", "USD", true, 1, at, at)));
    }
}
