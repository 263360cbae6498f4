package com.dealbridge.crm.shareddeal;

import static com.dealbridge.contracts.pact.CrmSharedDealInteractions.*;

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
import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.AttachmentDeleted;
import com.dealbridge.shareddeal.domain.DealDetailsChanged;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.NoteCommentDeleted;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PartnerCompensationEligibilityChanged;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.Quote;
import com.dealbridge.shareddeal.domain.QuoteChanged;
import com.dealbridge.shareddeal.domain.QuoteLineItem;
import com.dealbridge.shareddeal.domain.QuoteStatus;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.RegistrationChanged;
import com.dealbridge.shareddeal.domain.RegistrationExpiring;
import com.dealbridge.shareddeal.domain.RegistrationTransition;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.SharedNoteDeleted;
import com.dealbridge.shareddeal.domain.SharedNoteEdited;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.Hlc;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * crm-service keeps the portal sync inbox's contract for {@code crm.shared-deal-events.v1}: each message is a
 * domain event as the CRM records it, encoded by the production {@link EventCodec#toAvro} (the mapping the outbox's
 * bytes come from) and rendered as the record's JSON, so the check does not depend on the wire framing.
 */
@Provider("crm-service")
@Consumer("partner-service.sync")
@PactFolder("../contracts/pacts")
public class CrmSharedDealEventsSyncProviderPactTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:15:00.250Z");
    private static final PersonRef REP = new PersonRef("r-3", "Amara Diallo", "amara.diallo@crm.example");

    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.crm.shareddeal"),
                ProviderMethodScan.of(getClass())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void producesWhatThePortalsSyncInboxReads(PactVerificationContext context) {
        context.verifyInteraction();
    }

    /** As a conversion shares a CRM deal: no partner-only texts, a welcome note, owner and rep named. */
    @PactVerifyProvider(REGISTERED)
    public String registered() {
        return json(new SharedDealRegistered(header(1), Origin.CRM, "Hooli search", new BigDecimal("75000"), "GBP",
                LocalDate.of(2027, 4, 1), Stage.PRESENTATION_SCHEDULED, null, null, null, "Welcome aboard",
                List.of(), new PersonRef("u-4", "Lena Fischer", "lena@hooli-partners.example"), REP, null,
                RegisteredDomain.of("hooli.example")));
    }

    @PactVerifyProvider(ASSIGNED)
    public String assigned() {
        return json(new SharedDealAssigned(header(2), REP));
    }

    @PactVerifyProvider(DETAILS)
    public String details() {
        return json(new DealDetailsChanged(header(3), "Hooli search, EU", new BigDecimal("80000.00"), "GBP",
                LocalDate.of(2027, 5, 1)));
    }

    @PactVerifyProvider(STAGE)
    public String stage() {
        return json(new DealStageChanged(header(4), Stage.CONTRACT_SENT));
    }

    @PactVerifyProvider(PRODUCTS)
    public String products() {
        return json(new ProductInterestChanged(header(5), List.of("prod-search")));
    }

    @PactVerifyProvider(COMPENSATION)
    public String compensation() {
        return json(new PartnerCompensationEligibilityChanged(header(6), false));
    }

    @PactVerifyProvider(QUOTE)
    public String quote() {
        QuoteLineItem item = new QuoteLineItem("prod-search", "Search", 2, new BigDecimal("40000"),
                new BigDecimal("80000"));
        return json(new QuoteChanged(header(7), new Quote("q-1", "Hooli search, 2 years", new BigDecimal("80000"),
                "GBP", QuoteStatus.PUBLISHED, List.of(item))));
    }

    @PactVerifyProvider(NOTE_ADDED)
    public String noteAdded() {
        return json(new SharedNoteAdded(header(8), "n-2", "Legal has the contract."));
    }

    @PactVerifyProvider(NOTE_EDITED)
    public String noteEdited() {
        return json(new SharedNoteEdited(header(9), "n-2", "Legal signed the contract."));
    }

    @PactVerifyProvider(NOTE_DELETED)
    public String noteDeleted() {
        return json(new SharedNoteDeleted(header(10), "n-2"));
    }

    @PactVerifyProvider(COMMENT_ADDED)
    public String commentAdded() {
        return json(new NoteCommentAdded(header(11), "n-2", "c-2", "Thanks, noted."));
    }

    @PactVerifyProvider(COMMENT_DELETED)
    public String commentDeleted() {
        return json(new NoteCommentDeleted(header(12), "n-2", "c-2"));
    }

    @PactVerifyProvider(ATTACHMENT_ADDED)
    public String attachmentAdded() {
        return json(new AttachmentAdded(header(13), "n-2", "a-2", "terms.txt", "text/plain", 2,
                "5f8b6c9e6c1b2a8d1d9a5cfb3f7b8d2e4c6a9b0d1e2f3a4b5c6d7e8f9a0b1c2d", 262144, 1));
    }

    @PactVerifyProvider(ATTACHMENT_CHUNK)
    public String attachmentChunk() {
        return json(new AttachmentChunk(header(13), "n-2", "a-2", 0, 1, 0, "ok".getBytes(StandardCharsets.UTF_8)));
    }

    @PactVerifyProvider(ATTACHMENT_DELETED)
    public String attachmentDeleted() {
        return json(new AttachmentDeleted(header(14), "n-2", "a-2"));
    }

    @PactVerifyProvider(REGISTRATION_REJECTED)
    public String registrationRejected() {
        return json(new RegistrationChanged(header(15), RegistrationTransition.REJECT, "CONFLICT",
                "The customer is already a direct account", null));
    }

    @PactVerifyProvider(REGISTRATION_EXTENDED)
    public String registrationExtended() {
        return json(new RegistrationChanged(header(16), RegistrationTransition.EXTEND, null, null,
                AT.plusSeconds(90L * 24 * 3600)));
    }

    @PactVerifyProvider(REGISTRATION_EXPIRING)
    public String registrationExpiring() {
        return json(new RegistrationExpiring(header(17), AT.plusSeconds(14L * 24 * 3600)));
    }

    private String json(SharedDealEvent event) {
        return RecordJson.toJson(codec.toAvro(event));
    }

    private static EventHeader header(long sequence) {
        return new EventHeader("e-" + sequence, "d-2", "p-2", Origin.CRM, sequence, new Hlc(AT.toEpochMilli(), 1),
                AT, new Actor(ActorType.CRM_USER, REP.id(), REP.name()));
    }
}
