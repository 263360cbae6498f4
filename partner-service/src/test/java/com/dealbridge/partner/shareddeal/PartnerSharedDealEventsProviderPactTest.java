package com.dealbridge.partner.shareddeal;

import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.dealbridge.contracts.pact.RecordJson;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.Hlc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * partner-service keeps the CRM sync inbox's contract for {@code partner.shared-deal-events.v1}: each message is a
 * domain event as the portal records it, encoded by the production {@link EventCodec#toAvro} (the mapping the
 * outbox's bytes come from) and rendered as the record's JSON, so the check does not depend on the wire framing.
 */
@Provider("partner-service")
@Consumer("crm-service.sync")
@PactFolder("../contracts/pacts")
public class PartnerSharedDealEventsProviderPactTest {

    public static final String REGISTERED = "a SharedDealRegistered of a lead a partner user registered";
    public static final String NOTE_ADDED = "a SharedNoteAdded by a partner user";

    private static final Instant AT = Instant.parse("2026-11-26T10:05:30.123Z");
    private static final Actor PARTNER_USER = new Actor(ActorType.PARTNER_USER, "u-1", "Jonas Weber");

    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.partner.shareddeal")));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void producesWhatTheCrmsInboxReads(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider(REGISTERED)
    public String registered() {
        SharedDealRegistered event = new SharedDealRegistered(header(1), Origin.PARTNER, "Globex analytics",
                new BigDecimal("48000.50"), "USD", LocalDate.of(2027, 1, 15), Stage.QUALIFIED_TO_BUY,
                "Referred by their CTO", "Reporting takes a week", "Demo in January", null, List.of("prod-bi"),
                new PersonRef("u-1", "Jonas Weber", "jonas@globex-partners.example"), null, "COMPANY",
                RegisteredDomain.of("globex.example"));
        return RecordJson.toJson(codec.toAvro(event));
    }

    @PactVerifyProvider(NOTE_ADDED)
    public String noteAdded() {
        return RecordJson.toJson(codec.toAvro(new SharedNoteAdded(header(2), "n-1", "Budget approved.")));
    }

    private static EventHeader header(long sequence) {
        return new EventHeader("e-" + sequence, "d-1", "p-1", Origin.PARTNER, sequence, new Hlc(AT.toEpochMilli(), 0),
                AT, PARTNER_USER);
    }
}
