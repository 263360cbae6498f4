package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static com.dealbridge.shareddeal.domain.Fixtures.RITA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repairing a replica with the other side's snapshot (DESIGN.md §5, "republishes a full SharedDealSnapshot"). */
class SharedDealSnapshotTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final ManualClock partnerClock = new ManualClock(1_000_000);
    private final ManualClock crmClock = new ManualClock(1_000_000);
    private final SharedDealId id = SharedDealId.random();
    private final SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER,
            partnerClock, PARTNER_USER);
    private final SharedDealRegistered registration = (SharedDealRegistered) partner.drainRecordedEvents().get(0);
    private final EventCodec codec = new EventCodec();

    @Test
    void aSnapshotRebuildsAReplicaThatNeverSawTheDeal() {
        buildUpPartnerState();
        partner.drainRecordedEvents();

        SharedDealSnapshot snapshot = snapshotOf(partner);
        SharedDeal crm = SharedDeal.fromSnapshot(wire(snapshot), Origin.CRM, crmClock, SyncPolicy.defaults());

        assertSameSharedState(crm, partner);
        assertThat(crm.highWaterMark(Origin.PARTNER)).isEqualTo(snapshot.header().sequence());
        assertThat(crm.note("n-1").orElseThrow().attachments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AttachmentStatus.TRANSFERRING));
        assertThat(crm.note("n-deleted")).isEmpty();
    }

    @Test
    void aSnapshotClosesAGapAndLaterEventsApplyInOrder() {
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        partner.addNote("n-lost", "This event never reached the CRM", partnerClock, PARTNER_USER);
        partnerClock.advance(10);
        partner.changeDetails(new DetailsChange(null, new BigDecimal("13000.00"), null, null), SyncPolicy.defaults(),
                partnerClock, PARTNER_USER);
        List<SharedDealEvent> lost = partner.drainRecordedEvents();
        assertThat(crm.apply(lost.get(1), crmClock)).isEqualTo(ApplyOutcome.GAP);

        SharedDealSnapshot snapshot = snapshotOf(partner);
        assertThat(crm.apply(wire(snapshot), crmClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertSameSharedState(crm, partner);
        assertThat(crm.apply(lost.get(1), crmClock)).as("covered by the snapshot").isEqualTo(ApplyOutcome.DUPLICATE);

        partner.addNote("n-after", "After the repair", partnerClock, PARTNER_USER);
        assertThat(crm.apply(partner.drainRecordedEvents().get(0), crmClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(crm.notes()).extracting(SharedNote::id).containsExactly("n-lost", "n-after");
    }

    @Test
    void theReceiversNewerChangesSurviveAnOlderSnapshotAndItsTombstonesWin() {
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        partner.addNote("n-1", "Kept", partnerClock, PARTNER_USER);
        partner.addNote("n-2", "Deleted by the CRM", partnerClock, PARTNER_USER);
        partner.drainRecordedEvents().forEach(e -> crm.apply(e, crmClock));
        SharedDealSnapshot stale = snapshotOf(partner);
        crmClock.advance(1_000);
        crm.changeStage(Stage.CONTRACT_SENT, SyncPolicy.defaults(), crmClock, CRM_REP);
        crm.deleteNote("n-2", crmClock, CRM_REP);

        crm.apply(wire(stale), crmClock);

        assertThat(crm.facts().stage()).as("the CRM's later stage wins").isEqualTo(Stage.CONTRACT_SENT);
        assertThat(crm.notes()).extracting(SharedNote::id).containsExactly("n-1");
        assertThat(crm.activity()).extracting(ActivityEntry::eventId).doesNotHaveDuplicates();
        assertThat(crm.activity()).extracting(ActivityEntry::type)
                .containsExactly("REGISTERED", "NOTE_ADDED", "NOTE_ADDED", "STAGE_CHANGED", "NOTE_DELETED");
    }

    @Test
    void mergingASnapshotAddsNoActivityOfItsOwnAndMergesEntriesByEventId() {
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        partner.addNote("n-1", "Hello", partnerClock, PARTNER_USER);
        partner.drainRecordedEvents().forEach(e -> crm.apply(e, crmClock));
        int before = crm.activity().size();

        crm.apply(wire(snapshotOf(partner)), crmClock);

        assertThat(crm.activity()).hasSize(before);
        assertThat(crm.activity()).extracting(ActivityEntry::eventId)
                .isEqualTo(partner.activity().stream().map(ActivityEntry::eventId).toList());
    }

    @Test
    void aLargeDealIsSentInPartsThatEachStayFarBelowTheRecordLimit() {
        String body = "x".repeat(60_000);
        for (int i = 0; i < 20; i++) {
            partner.addNote("n-" + i, body + i, partnerClock, PARTNER_USER);
        }
        partner.drainRecordedEvents();

        int parts = partner.publishSnapshot(partnerClock, Actor.system("Resync"));
        List<SharedDealEvent> snapshots = partner.drainRecordedEvents();

        assertThat(parts).isGreaterThan(1).isEqualTo(snapshots.size());
        SharedDeal crm = null;
        for (SharedDealEvent part : snapshots) {
            byte[] bytes = codec.encode(part);
            assertThat(bytes.length).isLessThan(900_000);
            SharedDealSnapshot received = (SharedDealSnapshot) codec.toDomain(AvroCodec.decode(bytes));
            if (crm == null) {
                crm = SharedDeal.fromSnapshot(received, Origin.CRM, crmClock, SyncPolicy.defaults());
            } else {
                assertThat(crm.apply(received, crmClock)).isEqualTo(ApplyOutcome.APPLIED);
            }
        }
        assertThat(crm.notes()).hasSize(20);
        assertSameSharedState(crm, partner);
    }

    @Test
    void aSnapshotPartWithoutTheRegistrationCannotCreateADeal() {
        SharedDealSnapshot snapshot = snapshotOf(partner);
        SharedDealSnapshot headless = new SharedDealSnapshot(snapshot.header(), 2, 2,
                snapshot.facts().subList(1, snapshot.facts().size()), List.of(), 0);

        assertThatThrownBy(() -> SharedDeal.fromSnapshot(headless, Origin.CRM, crmClock, SyncPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registration");
    }

    private void buildUpPartnerState() {
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        crm.assign(RITA, crmClock, CRM_REP);
        crm.changeStage(Stage.PRESENTATION_SCHEDULED, SyncPolicy.defaults(), crmClock, CRM_REP);
        crm.drainRecordedEvents().forEach(e -> partner.apply(e, partnerClock));
        partnerClock.advance(5);
        partner.changeDetails(new DetailsChange(null, new BigDecimal("15000.00"), null, null),
                SyncPolicy.defaults(), partnerClock, PARTNER_USER);
        partner.addNote("n-1", "First", partnerClock, PARTNER_USER);
        partnerClock.advance(5);
        partner.editNote("n-1", "First, edited", partnerClock, PARTNER_USER);
        partner.addComment("n-1", "c-1", "A comment", partnerClock, PARTNER_USER);
        partner.addAttachment("n-1", new StoredFile("a-1", "plan.pdf", "application/pdf", 4, SHA256, 262_144, 1),
                partnerClock, PARTNER_USER);
        partner.addNote("n-deleted", "Gone", partnerClock, PARTNER_USER);
        partner.deleteNote("n-deleted", partnerClock, PARTNER_USER);
    }

    private SharedDealSnapshot snapshotOf(SharedDeal deal) {
        deal.drainRecordedEvents();
        deal.publishSnapshot(partnerClock, Actor.system("Resync"));
        return (SharedDealSnapshot) deal.drainRecordedEvents().get(0);
    }

    /** Through the real wire mapping, as the other side gets it. */
    private SharedDealSnapshot wire(SharedDealSnapshot snapshot) {
        return (SharedDealSnapshot) codec.toDomain(AvroCodec.decode(codec.encode(snapshot)));
    }

    private static void assertSameSharedState(SharedDeal repaired, SharedDeal source) {
        assertThat(repaired.facts().dealName()).isEqualTo(source.facts().dealName());
        assertThat(repaired.facts().amount()).isEqualByComparingTo(source.facts().amount());
        assertThat(repaired.facts().closeDate()).isEqualTo(source.facts().closeDate());
        assertThat(repaired.facts().stage()).isEqualTo(source.facts().stage());
        assertThat(repaired.facts().productIds()).isEqualTo(source.facts().productIds());
        assertThat(repaired.facts().assignedRep()).isEqualTo(source.facts().assignedRep());
        assertThat(repaired.facts().partnerOwner()).isEqualTo(source.facts().partnerOwner());
        assertThat(repaired.facts().introNote()).isEqualTo(source.facts().introNote());
        assertThat(repaired.status()).isEqualTo(source.status());
        assertThat(repaired.notes()).extracting(SharedNote::id, SharedNote::body)
                .isEqualTo(source.notes().stream().map(n -> org.assertj.core.groups.Tuple.tuple(n.id(), n.body()))
                        .toList());
        for (SharedNote note : source.notes()) {
            SharedNote copy = repaired.note(note.id()).orElseThrow();
            assertThat(copy.author()).isEqualTo(note.author());
            assertThat(copy.comments()).extracting(NoteComment::id, NoteComment::body).isEqualTo(note.comments()
                    .stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.id(), c.body())).toList());
            assertThat(copy.attachments()).extracting(NoteAttachment::id, NoteAttachment::sha256).isEqualTo(note
                    .attachments().stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.id(), a.sha256()))
                    .toList());
        }
        assertThat(repaired.activity()).extracting(ActivityEntry::eventId)
                .isEqualTo(source.activity().stream().map(ActivityEntry::eventId).toList());
    }
}
