package com.dealbridge.partner.pactbreak;

import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.dealbridge.partner.account.PartnerAccountsProviderPactTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deliberately broken partner-service producer for {@link PartnerAccountsContractBreakageTest}. */
@Provider("partner-service")
@Consumer("crm-service.accounts")
@PactFolder("../contracts/pacts")
public class RenamedCapacityLimitProducer {

    @BeforeEach
    void target(PactVerificationContext context) {
        // only this package: the real producer's method answers the same description
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.partner.pactbreak")));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider(PartnerAccountsProviderPactTest.ACCOUNT)
    public String partnerAccount() {
        // what a careless release would write: capacityLimit renamed
        return new PartnerAccountsProviderPactTest().partnerAccount().replace("\"capacityLimit\"", "\"capacity\"");
    }
}
