package com.dealbridge.partner.pactbreak;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The contract check can fail: a producer that renames a field the CRM reads fails verification of the committed
 * pact. The broken producer lives in a package of its own so the scan for provider methods finds it alone; it
 * is a nested class (surefire does not run nested classes on its own), run here through
 * the JUnit engine so its failure is asserted instead of failing the build.
 */
class PartnerAccountsContractBreakageTest {

    @Test
    void aProducerThatRenamesAFieldTheCrmReadsFailsVerification() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RenamedCapacityLimit.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1))
                // failed for the rename, not for some other reason
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m -> m.contains("capacityLimit")))));
    }

    @Test
    void theSameVerificationPassesForTheRealProducer() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PartnerAccountsProviderPactTest.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Provider("partner-service")
    @Consumer("crm-service.accounts")
    @PactFolder("../contracts/pacts")
    public static class RenamedCapacityLimit {

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
}
