package com.dealbridge.crm.shareddeal;

import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.dealbridge.contracts.pact.ProviderMethodScan;
import com.dealbridge.contracts.pact.RecordJson;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.Hlc;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * crm-service keeps the portal notification consumer's contract for {@code crm.shared-deal-events.v1}: each message
 * is a domain event as the CRM records it, encoded by the production {@link EventCodec#toAvro} (the mapping the
 * outbox's bytes come from) and rendered as the record's JSON, so the check does not depend on the wire framing.
 */
@Provider("crm-service")
@Consumer("partner-service.notifications")
@PactFolder("../contracts/pacts")
public class CrmSharedDealEventsProviderPactTest {

    public static final String ASSIGNED = "a SharedDealAssigned of a rep a CRM user assigned";
    public static final String CLOSED_WON = "a DealStageChanged to CLOSED_WON by a CRM user";

    private static final Instant AT = Instant.parse("2026-11-26T10:05:30.123Z");

    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.crm.shareddeal"),
                ProviderMethodScan.of(getClass())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void producesWhatThePortalsNotificationsRead(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider(ASSIGNED)
    public String assigned() {
        PersonRef rep = new PersonRef("r-2", "Kofi Mensah", "kofi.mensah@crm.example");
        return RecordJson.toJson(codec.toAvro(new SharedDealAssigned(header(4), rep)));
    }

    @PactVerifyProvider(CLOSED_WON)
    public String closedWon() {
        return RecordJson.toJson(codec.toAvro(new DealStageChanged(header(9), Stage.CLOSED_WON)));
    }

    private static EventHeader header(long sequence) {
        return new EventHeader("e-" + sequence, "d-1", "p-1", Origin.CRM, sequence, new Hlc(AT.toEpochMilli(), 2),
                AT, new Actor(ActorType.CRM_USER, "r-1", "Mira Osei"));
    }
}
