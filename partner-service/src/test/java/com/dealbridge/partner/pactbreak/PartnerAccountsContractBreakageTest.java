package com.dealbridge.partner.pactbreak;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.dealbridge.partner.account.PartnerAccountsProviderPactTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The contract check can fail: a producer that renames a field the CRM reads fails verification of the committed
 * pact. The broken producer ({@link RenamedCapacityLimitProducer}) lives in a package of its own so the scan for
 * provider methods finds it alone; its name is not a test's, so surefire does not run it on its own; it runs here through
 * the JUnit engine so its failure is asserted instead of failing the build.
 */
class PartnerAccountsContractBreakageTest {

    @Test
    void aProducerThatRenamesAFieldTheCrmReadsFailsVerification() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RenamedCapacityLimitProducer.class))
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
}
