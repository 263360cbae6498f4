package com.dealbridge.partner.account;

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

/**
 * partner-service keeps the CRM accounts consumer's contract: the message is built by the production mapping
 * ({@link PartnerAccountsTopic#record}) and rendered as the record's JSON, so the check does not depend on the
 * wire framing.
 */
@Provider("partner-service")
@Consumer("crm-service.accounts")
@PactFolder("../contracts/pacts")
public class PartnerAccountsProviderPactTest {

    public static final String ACCOUNT = "a PartnerAccountChanged of a partner with a notification recipient";

    @BeforeEach
    void target(PactVerificationContext context) {
        // scan this package only: fast, and the deliberately broken producer of the breakage test stays out
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.partner.account"),
                ProviderMethodScan.of(getClass())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void producesWhatTheCrmReads(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider(ACCOUNT)
    public String partnerAccount() {
        Instant at = Instant.parse("2026-11-26T10:05:30.123Z");
        PartnerDocument partner = new PartnerDocument("p-1", "Globex Partners", 7, "u-1", true, 4, at, at);
        PartnerUserDocument user = new PartnerUserDocument("u-1", "p-1", "Jonas Weber", "jonas@globex.example",
                "jonas@globex.example", "hash", at, at, null);
        return RecordJson.toJson(PartnerAccountsTopic.record(partner, List.of(user)));
    }
}
