package com.dealbridge.partner.shareddeal;

import static com.dealbridge.contracts.pact.PartnerSharedDealInteractions.*;

import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.dealbridge.contracts.pact.ProviderMethodScan;
import com.dealbridge.contracts.pact.RecordJson;
import com.dealbridge.shareddeal.domain.ActivityEntry;
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
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.ProductInterestChanged;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.domain.SharedDealWithdrawn;
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
import java.util.Map;
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

    private static final Instant AT = Instant.parse("2026-11-26T10:05:30.123Z");
    private static final Actor PARTNER_USER = new Actor(ActorType.PARTNER_USER, "u-1", "Jonas Weber");

    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of("com.dealbridge.partner.shareddeal"),
                ProviderMethodScan.of(getClass())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void producesWhatTheCrmsInboxReads(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider(REGISTERED)
    public String registered() {
        return json(registration());
    }

    private static SharedDealRegistered registration() {
        return new SharedDealRegistered(header(1), Origin.PARTNER, "Globex analytics",
                new BigDecimal("48000.50"), "USD", LocalDate.of(2027, 1, 15), Stage.QUALIFIED_TO_BUY,
                "Referred by their CTO", "Reporting takes a week", "Demo in January", null, List.of("prod-bi"),
                new PersonRef("u-1", "Jonas Weber", "jonas@globex-partners.example"), null, "COMPANY",
                RegisteredDomain.of("globex.example"));
    }

    /** The whole deal again, as a resync republishes it: facts restamped, the Shared tab's lines alongside. */
    @PactVerifyProvider(SNAPSHOT)
    public String snapshot() {
        SharedNoteAdded note = new SharedNoteAdded(header(2), "n-1", "Budget approved.");
        ActivityEntry line = new ActivityEntry("NOTE_ADDED", AT, PARTNER_USER, Origin.PARTNER, "e-2",
                Map.of("noteId", "n-1", "body", "Budget approved."), new Hlc(AT.toEpochMilli(), 0));
        return json(new SharedDealSnapshot(header(13), 1, 1, List.of(registration(), note), List.of(line), 0));
    }

    @PactVerifyProvider(NOTE_ADDED)
    public String noteAdded() {
        return json(new SharedNoteAdded(header(2), "n-1", "Budget approved."));
    }

    @PactVerifyProvider(DETAILS)
    public String details() {
        return json(new DealDetailsChanged(header(3), "Globex analytics, EMEA", new BigDecimal("51000"), "USD",
                LocalDate.of(2027, 2, 1)));
    }

    @PactVerifyProvider(STAGE)
    public String stage() {
        return json(new DealStageChanged(header(4), Stage.DECISION_MAKER_BOUGHT_IN));
    }

    @PactVerifyProvider(PRODUCTS)
    public String products() {
        return json(new ProductInterestChanged(header(5), List.of("prod-bi", "prod-etl")));
    }

    @PactVerifyProvider(NOTE_EDITED)
    public String noteEdited() {
        return json(new SharedNoteEdited(header(6), "n-1", "Budget approved by the board."));
    }

    @PactVerifyProvider(NOTE_DELETED)
    public String noteDeleted() {
        return json(new SharedNoteDeleted(header(7), "n-1"));
    }

    @PactVerifyProvider(COMMENT_ADDED)
    public String commentAdded() {
        return json(new NoteCommentAdded(header(8), "n-1", "c-1", "Agreed."));
    }

    @PactVerifyProvider(COMMENT_DELETED)
    public String commentDeleted() {
        return json(new NoteCommentDeleted(header(9), "n-1", "c-1"));
    }

    @PactVerifyProvider(ATTACHMENT_ADDED)
    public String attachmentAdded() {
        return json(new AttachmentAdded(header(10), "n-1", "a-1", "scope.txt", "text/plain", 11,
                "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", 262144, 1));
    }

    /** The bytes follow their announcement under its sequence, as the relay sends them. */
    @PactVerifyProvider(ATTACHMENT_CHUNK)
    public String attachmentChunk() {
        return json(new AttachmentChunk(header(10), "n-1", "a-1", 0, 1, 0,
                "hello world".getBytes(StandardCharsets.UTF_8)));
    }

    @PactVerifyProvider(ATTACHMENT_DELETED)
    public String attachmentDeleted() {
        return json(new AttachmentDeleted(header(11), "n-1", "a-1"));
    }

    @PactVerifyProvider(WITHDRAWN)
    public String withdrawn() {
        return json(new SharedDealWithdrawn(header(12), "The customer postponed the project"));
    }

    private String json(SharedDealEvent event) {
        return RecordJson.toJson(codec.toAvro(event));
    }

    private static EventHeader header(long sequence) {
        return new EventHeader("e-" + sequence, "d-1", "p-1", Origin.PARTNER, sequence, new Hlc(AT.toEpochMilli(), 0),
                AT, PARTNER_USER);
    }
}
