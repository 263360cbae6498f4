package com.dealbridge.shareddeal.it;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static com.dealbridge.shareddeal.domain.Fixtures.RITA;
import static com.dealbridge.shareddeal.domain.Fixtures.ROB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.DealDetailsChanged;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.DealStageChanged;
import com.dealbridge.shareddeal.domain.DetailsChange;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.NoteComment;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PartnerCompensationEligibilityChanged;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.domain.SharedNote;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.clock.ManualClock;
import com.dealbridge.sync.deadletter.DeadLetter;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.NestedTestConfiguration;

/**
 * Hostile records on the real topics (issue 10): the other side, played by plain Kafka clients, publishes records
 * a sender following the rules never would, to a running PARTNER side on a real (embedded KRaft) broker and the
 * embedded MongoDB server (and, nested, to a CRM side). Each is dead-lettered with a reason that says what is
 * wrong — on the dead-letter topic in {@code dealbridge-dlt-reason} and in {@code dead_letters} — once the poll
 * that refused it is done nothing of the deal has changed (its document, notes, comments and change log), and the
 * consumer goes on: the genuine event sent after it, at the same place in the sequence, is applied. Both sides run
 * with stage and name TWO_WAY (the policy before ADR 0013) so that the partner side's own stage changes show it
 * keeps writing; the nested CRM side runs the default policy.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "dealbridge.sync.side=PARTNER",
                "dealbridge.sync.fields.stage=TWO_WAY",
                "dealbridge.sync.fields.deal-name=TWO_WAY",
                "dealbridge.sync.relay.sweep-interval=300ms",
                "dealbridge.sync.inbox.initial-backoff=50ms",
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.security.admin-token=engine-test-admin",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
class HostileRecordsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String INBOUND = Topics.CRM_SHARED_DEAL_EVENTS;
    private static final long YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    private static final long TRILLION = 1_000_000_000_000L;

    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    MongoOperations mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private Wire wire;
    private final EventCodec codec = new EventCodec();
    private final ManualClock crmClock = new ManualClock(System.currentTimeMillis());

    @BeforeEach
    void connectTheOtherSide() {
        wire = new Wire(brokers, INBOUND, Topics.PARTNER_SHARED_DEAL_EVENTS, "partner-service.sync", mongo);
    }

    @AfterEach
    void disconnect() {
        wire.close();
    }

    // ---- the deal's partner ----------------------------------------------------------------------------------

    @Test
    void anEventClaimingAnotherPartnerIsDeadLetteredAndTheGenuineOneStillApplies() {
        SharedDealId id = SharedDealId.random();
        SharedDealEvent genuine = crmAssigns(registerHere(id), RITA);
        SharedDealEvent forged = new SharedDealAssigned(forge(genuine.header(), "partner-2", 1), ROB);
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(forged), id.value())).isEqualTo("InvalidEventException: SharedDealAssigned "
                + forged.header().eventId() + " names partner partner-2, not the deal's partner: refused");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        assertThat(deal(id).facts().assignedRep()).isEqualTo(RITA);
        assertThat(changeLog.find(id.value(), "CRM", 1, 1)).extracting(LogEntry::eventId)
                .containsExactly(genuine.header().eventId());
    }

    @Test
    void aForgedPartnersEventAndTheGenuineOneInOnePollOnlyTheGenuineOneIsApplied() {
        SharedDealId id = SharedDealId.random();
        SharedDealEvent genuine = crmAssigns(registerHere(id), RITA);
        SharedDealEvent forged = new SharedDealAssigned(forge(genuine.header(), "partner-2", 1), ROB);

        wire.other.sendTogether(INBOUND, forged, genuine);

        assertThat(wire.refused(codec.encode(forged))).contains("names partner partner-2, not the deal's partner");
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        assertThat(deal(id).facts().assignedRep()).isEqualTo(RITA);
        assertThat(deadLettersOf(id.value())).as("the genuine one is no reused number").hasSize(1);
    }

    @Test
    void anEventClaimingAnotherPartnerFurtherOnInTheSequenceLeavesItsPlaceToTheGenuineOne() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        crm.assign(RITA, crmClock, CRM_REP);
        crm.assign(ROB, crmClock, CRM_REP);
        crm.assign(RITA, crmClock, CRM_REP);
        List<SharedDealEvent> genuine = crm.drainRecordedEvents();
        SharedDealEvent forged = new SharedDealAssigned(forge(genuine.get(2).header(), "partner-2", 3), ROB);
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(forged), id.value())).contains("names partner partner-2");
        assertThat(held(id)).as("not parked at place 3 either").isEqualTo(before);

        genuine.forEach(event -> wire.other.send(INBOUND, event));
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 3);
        assertThat(deal(id).facts().assignedRep()).isEqualTo(RITA);
        assertThat(deadLettersOf(id.value())).hasSize(1);
    }

    // ---- sequence numbers ------------------------------------------------------------------------------------

    @Test
    void aSnapshotAndAnEventNumberedATrillionAreDeadLetteredAndTheDealsLaterEventsStillApply() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        crm.publishSnapshot(crmClock, CRM_REP);
        crm.assign(RITA, crmClock, CRM_REP);
        List<SharedDealEvent> genuine = crm.drainRecordedEvents();
        SharedDealEvent farSnapshot = genuine.get(0).withHeader(forge(genuine.get(0).header(), "partner-1", TRILLION));
        SharedDealEvent farEvent = genuine.get(1).withHeader(forge(genuine.get(1).header(), "partner-1", TRILLION));
        Held before = held(id);

        for (SharedDealEvent far : List.of(farSnapshot, farEvent)) {
            assertThat(wire.refuse(codec.encode(far), id.value())).isEqualTo("InvalidEventException: sequence "
                    + TRILLION + " of CRM is more than 100000 ahead of the last applied (0): no sender produced that"
                    + " many events");
            assertThat(held(id)).isEqualTo(before);
        }

        genuine.forEach(event -> wire.other.send(INBOUND, event));
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 2);
        assertThat(deal(id).facts().assignedRep()).isEqualTo(RITA);
    }

    @Test
    void aSnapshotClaimingToHaveAppliedATrillionOfThisSidesEventsIsDeadLetteredAndThisSideNumbersOn() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        crm.publishSnapshot(crmClock, CRM_REP);
        SharedDealSnapshot genuine = (SharedDealSnapshot) crm.drainRecordedEvents().get(0);
        SharedDealSnapshot hostile = new SharedDealSnapshot(forge(genuine.header(), "partner-1", 1), 1, 1,
                genuine.facts(), genuine.activity(), TRILLION);
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value())).isEqualTo("InvalidEventException: SharedDealSnapshot"
                + " #1 from CRM says it applied PARTNER events up to " + TRILLION + ", more than 100000 after this"
                + " side's last (1): refused");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        sharedDeals.change(id, (document, clock) -> document.deal().changeStage(Stage.QUALIFIED_TO_BUY,
                sharedDeals.policy(), clock, PARTNER_USER));
        assertThat(wire.publishedFor(id, 1).get(0).header().sequence()).isEqualTo(2);
    }

    // ---- clocks ------------------------------------------------------------------------------------------------

    @Test
    void aStageChangeStampedInTheYear2100IsDeadLetteredAndBothSidesCanStillChangeTheStage() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        DealStageChanged hostile = new DealStageChanged(forge(id, Origin.CRM, 1, new Hlc(YEAR_2100, 0)),
                Stage.CLOSED_LOST);
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value()))
                .startsWith("InvalidEventException: clock of DealStageChanged " + hostile.header().eventId() + " is PT")
                .endsWith(" ahead of this side's, more than the PT5M allowed");
        assertThat(held(id)).isEqualTo(before);

        sharedDeals.change(id, (document, clock) -> document.deal().changeStage(Stage.QUALIFIED_TO_BUY,
                sharedDeals.policy(), clock, PARTNER_USER));
        SharedDealEvent partnersChange = wire.publishedFor(id, 1).get(0);
        assertThat(partnersChange.header().hlc().wallMillis()).isLessThan(System.currentTimeMillis() + 60_000);
        crm.apply(partnersChange, crmClock, Fixtures.STAGE_AND_NAME_TWO_WAY);
        crm.changeStage(Stage.PRESENTATION_SCHEDULED, Fixtures.STAGE_AND_NAME_TWO_WAY, crmClock, CRM_REP);
        wire.other.send(INBOUND, crm.drainRecordedEvents().get(0));
        await().atMost(WAIT).until(() -> deal(id).facts().stage() == Stage.PRESENTATION_SCHEDULED);
        assertThat(deal(id).highWaterMark(Origin.CRM)).isEqualTo(1);
    }

    @Test
    void aSnapshotWithAFactStampedInTheYear2100IsDeadLetteredAndThisSidesClockStaysPut() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        crm.changeStage(Stage.CONTRACT_SENT, Fixtures.STAGE_AND_NAME_TWO_WAY, crmClock, CRM_REP);
        crm.drainRecordedEvents();
        crm.publishSnapshot(crmClock, CRM_REP);
        SharedDealSnapshot genuine = (SharedDealSnapshot) crm.drainRecordedEvents().get(0);
        List<SharedDealEvent> facts = genuine.facts().stream().map(fact -> fact instanceof DealStageChanged stage
                ? new DealStageChanged(withClock(stage.header(), new Hlc(YEAR_2100, 0)), stage.stage())
                : fact).toList();
        SharedDealSnapshot hostile = new SharedDealSnapshot(forge(genuine.header(), "partner-1", 2), 1, 1, facts,
                genuine.activity(), genuine.receivedUpTo());
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value()))
                .startsWith("InvalidEventException: clock of the DealStageChanged fact of SharedDealSnapshot "
                        + hostile.header().eventId() + " is PT")
                .endsWith(" ahead of this side's, more than the PT5M allowed");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).facts().stage() == Stage.CONTRACT_SENT);
        sharedDeals.change(id, (document, clock) -> document.deal().changeStage(Stage.DECISION_MAKER_BOUGHT_IN,
                sharedDeals.policy(), clock, PARTNER_USER));
        assertThat(wire.publishedFor(id, 1).get(0).header().hlc().wallMillis())
                .isLessThan(System.currentTimeMillis() + 60_000);
    }

    @Test
    void anEventWhoseClockCounterIsAtItsEndIsDeadLetteredAndThisSideKeepsWriting() {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        DealStageChanged hostile = new DealStageChanged(forge(id, Origin.CRM, 1,
                new Hlc(System.currentTimeMillis() + 240_000, Integer.MAX_VALUE)), Stage.CLOSED_LOST);
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value())).isEqualTo("InvalidEventException: clock of"
                + " DealStageChanged " + hostile.header().eventId() + " has the counter 2147483647, more than the"
                + " 1073741823 a clock reaches: observing it would overflow this side's clock");
        assertThat(held(id)).isEqualTo(before);

        sharedDeals.change(id, (document, clock) -> document.deal().changeStage(Stage.QUALIFIED_TO_BUY,
                sharedDeals.policy(), clock, PARTNER_USER));
        assertThat(wire.publishedFor(id, 1).get(0)).isInstanceOf(DealStageChanged.class);
    }

    // ---- values beyond the limits --------------------------------------------------------------------------------

    @Test
    void aNoteOf900KbIsDeadLetteredNamingTheLimitAndAGenuineNoteTakesItsPlace() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        SharedDealEvent hostile = crmNote(registration, UUID.randomUUID().toString(), "x".repeat(900 * 1024));
        SharedDealEvent genuine = crmNote(registration, UUID.randomUUID().toString(), "A genuine note");
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value())).isEqualTo("InvalidEventException: SharedNoteAdded "
                + hostile.header().eventId() + " refused: body is larger than 64 KiB (UTF-8)");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        assertThat(sharedDeals.store().notes(id.value(), 0, 10)).extracting(SharedNote::body)
                .containsExactly("A genuine note");
    }

    @Test
    void aNoteReusingTheIdOfAnotherDealsNoteIsDeadLetteredAndLeavesThatNoteAlone() {
        SharedDealId other = SharedDealId.random();
        registerHere(other);
        String noteId = UUID.randomUUID().toString();
        sharedDeals.change(other, (document, clock) -> {
            document.assumeNewNote(noteId);
            document.deal().addNote(noteId, "A note of the other deal", clock, PARTNER_USER);
        });
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        SharedDealEvent hostile = crmNote(registration, noteId, "Taking over the other deal's note");
        SharedDealEvent genuine = crmNote(registration, UUID.randomUUID().toString(), "A genuine note");
        Held before = held(id);
        Held otherBefore = held(other);

        assertThat(wire.refuse(codec.encode(hostile), id.value())).isEqualTo("InvalidEventException: SharedNoteAdded "
                + hostile.header().eventId() + " refused: note " + noteId + " belongs to another shared deal");
        assertThat(held(id)).isEqualTo(before);
        assertThat(held(other)).isEqualTo(otherBefore);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        assertThat(sharedDeals.store().notes(id.value(), 0, 10)).extracting(SharedNote::body)
                .containsExactly("A genuine note");
    }

    @Test
    void aCommentOver16KibIsDeadLetteredNamingTheLimitAndAGenuineCommentTakesItsPlace() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        String noteId = UUID.randomUUID().toString();
        crm.addNote(noteId, "Kick-off notes", crmClock, CRM_REP);
        crm.addComment(noteId, UUID.randomUUID().toString(), "A genuine comment", crmClock, CRM_REP);
        List<SharedDealEvent> genuine = crm.drainRecordedEvents();
        wire.other.send(INBOUND, genuine.get(0));
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        NoteCommentAdded hostile = new NoteCommentAdded(forge(genuine.get(1).header(), "partner-1", 2), noteId,
                UUID.randomUUID().toString(), "y".repeat(16 * 1024 + 1));
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value())).isEqualTo("InvalidEventException: NoteCommentAdded "
                + hostile.header().eventId() + " refused: body is larger than 16 KiB (UTF-8)");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine.get(1));
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 2);
        assertThat(sharedDeals.store().notes(id.value(), 0, 10).get(0).comments()).extracting(NoteComment::body)
                .containsExactly("A genuine comment");
    }

    @Test
    void dealDetailsBeyondTheLimitsAreDeadLetteredEachNamingItsLimit() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crm = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        crm.changeDetails(new DetailsChange("Renamed by the CRM", null, null, null), Fixtures.STAGE_AND_NAME_TWO_WAY,
                crmClock, CRM_REP);
        SharedDealEvent genuine = crm.drainRecordedEvents().get(0);
        DealDetailsChanged longName = new DealDetailsChanged(forge(genuine.header(), "partner-1", 1), "n".repeat(201),
                null, null, null);
        DealDetailsChanged farCloseDate = new DealDetailsChanged(forge(genuine.header(), "partner-1", 1), null, null,
                null, LocalDate.of(99999, 12, 31));
        // amounts travel as decimal strings: the worst is a huge exponent, or as many digits as a record holds
        EventHeader hugeHeader = forge(genuine.header(), "partner-1", 1);
        byte[] hugeExponent = withAmount(new DealDetailsChanged(hugeHeader, null, null, null, null), "1E+2000000");
        EventHeader longHeader = forge(genuine.header(), "partner-1", 1);
        byte[] manyDigits = withAmount(new DealDetailsChanged(longHeader, null, null, null, null), "9".repeat(900_000));
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(longName), id.value())).isEqualTo("InvalidEventException:"
                + " DealDetailsChanged " + longName.header().eventId() + " refused: dealName is longer than 200"
                + " characters");
        assertThat(wire.refuse(hugeExponent, id.value())).isEqualTo("InvalidEventException: DealDetailsChanged "
                + hugeHeader.eventId() + " refused: amount must have at most 2 decimal places and 15 integer digits");
        long sent = System.nanoTime();
        assertThat(wire.refuse(manyDigits, id.value())).isEqualTo("InvalidEventException: an amount written with"
                + " 900000 characters, more than the 1000 of any amount within the limits: not read");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("not parsed (that takes most of a minute)")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(wire.refuse(codec.encode(farCloseDate), id.value())).isEqualTo("InvalidEventException:"
                + " DealDetailsChanged " + farCloseDate.header().eventId() + " refused: closeDate must be between"
                + " 1900-01-01 and 9999-12-31");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
        assertThat(deal(id).facts().dealName()).isEqualTo("Renamed by the CRM");
        assertThat(deal(id).facts().amount()).isEqualByComparingTo("12000.00");
        assertThat(deal(id).facts().closeDate()).isEqualTo(LocalDate.parse("2026-12-31"));
    }

    // ---- records that are not what they claim --------------------------------------------------------------------

    @Test
    void aRecordClaimingAStringOfTwoGigabytesIsDeadLetteredWithoutTakingTheMemory() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        SharedDealEvent genuine = crmNote(registration, UUID.randomUUID().toString(), "A genuine note");
        byte[] encoded = codec.encode(genuine);
        // the Confluent header (magic 0, schema id), then the first field (metadata.eventId) claiming 2,000,000,000 bytes
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        hostile.write(encoded, 0, 5);
        hostile.writeBytes(new byte[] {(byte) 0x80, (byte) 0xd0, (byte) 0xac, (byte) 0xf3, 0x0e});
        hostile.writeBytes("not two gigabytes".getBytes(StandardCharsets.UTF_8));
        Held before = held(id);

        assertThat(wire.refuse(hostile.toByteArray(), id.value())).isEqualTo("InvalidEventException: Body of"
                + " SharedNoteAdded (27 bytes) claims a string of 2000000000 bytes: not decoded");
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
    }

    @Test
    void aRecordWhoseKeyIsAnotherDealIsDeadLetteredAndTheDealsOwnRecordApplies() {
        SharedDealId id = SharedDealId.random();
        SharedDealEvent genuine = crmAssigns(registerHere(id), RITA);
        SharedDealId other = SharedDealId.random();
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(genuine), other.value())).isEqualTo("InvalidEventException: record key "
                + other.value() + " is not the event's shared deal " + id.value());
        assertThat(held(id)).isEqualTo(before);
        assertThat(sharedDeals.find(other)).isEmpty();

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> RITA.equals(deal(id).facts().assignedRep()));
    }

    @Test
    void aRecordClaimingToComeFromThisSideIsDeadLetteredAndThisSideNumbersOn() {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        DealStageChanged hostile = new DealStageChanged(forge(id, Origin.PARTNER, 2,
                new Hlc(System.currentTimeMillis(), 0)), Stage.CLOSED_LOST);
        Held before = held(id);

        assertThat(wire.refuse(codec.encode(hostile), id.value())).isEqualTo("InvalidEventException: DealStageChanged "
                + hostile.header().eventId() + " comes from this side (PARTNER) and must not be applied here");
        assertThat(held(id)).isEqualTo(before);

        sharedDeals.change(id, (document, clock) -> document.deal().changeStage(Stage.QUALIFIED_TO_BUY,
                sharedDeals.policy(), clock, PARTNER_USER));
        SharedDealEvent own = wire.publishedFor(id, 1).get(0);
        assertThat(own.header().sequence()).isEqualTo(2);
        assertThat(((DealStageChanged) own).stage()).isEqualTo(Stage.QUALIFIED_TO_BUY);
    }

    @Test
    void aRecordAsLargeAsTheTopicTakesIsDeadLetteredWithoutItsBytesWhichStayInTheStore() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        // 1,048,000 bytes: the broker takes it, but with the dead-letter headers a copy is more than a producer
        // may send (1 MiB)
        String noteId = UUID.randomUUID().toString();
        int overhead = codec.encode(crmNote(registration, noteId, "x".repeat(100_000))).length - 100_000;
        byte[] hostile = codec.encode(crmNote(registration, noteId, "x".repeat(1_048_000 - overhead)));
        assertThat(hostile).hasSize(1_048_000);
        SharedDealEvent genuine = crmNote(registration, UUID.randomUUID().toString(), "A genuine note");
        Held before = held(id);

        wire.other.sendBytes(INBOUND, id.value(), hostile);

        ConsumerRecord<String, byte[]> dead = wire.deadLetterOf(id.value());
        assertThat(dead.value()).isNull();
        assertThat(new String(dead.headers().lastHeader(DeadLetters.VALUE_OMITTED_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(hostile.length + " bytes, too large to publish again: kept in"
                + " dead_letters");
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .endsWith("refused: body is larger than 64 KiB (UTF-8)");
        assertThat(deadLettersOf(id.value())).singleElement()
                .satisfies(letter -> assertThat(letter.payload()).isEqualTo(hostile));
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 1);
    }

    @Test
    void aRefusalThatWouldQuoteAMegabyteOfTheRecordIsDeadLetteredWithTheReasonCutShort() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        crm.changeStage(Stage.QUALIFIED_TO_BUY, Fixtures.STAGE_AND_NAME_TWO_WAY, crmClock, CRM_REP);
        SharedDealEvent genuine = crm.drainRecordedEvents().get(0);
        com.dealbridge.contracts.avro.DealStageChanged avro =
                (com.dealbridge.contracts.avro.DealStageChanged) codec.toAvro(genuine);
        avro.setStage("S".repeat(700_000));
        byte[] hostile = AvroCodec.encode(avro);
        Held before = held(id);

        String reason = wire.refuse(hostile, id.value());

        assertThat(reason).startsWith("InvalidEventException: unknown stage 'SSSS").endsWith(" characters in all)")
                .hasSizeLessThan(2_100);
        assertThat(held(id)).isEqualTo(before);

        wire.other.send(INBOUND, genuine);
        await().atMost(WAIT).until(() -> deal(id).facts().stage() == Stage.QUALIFIED_TO_BUY);
    }

    // ---- the sync policy, on the CRM side --------------------------------------------------------------------------

    /** The CRM side, the partner played by plain Kafka clients: a snapshot is refused whole for one fact. */
    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
            properties = {
                    "dealbridge.sync.side=CRM",
                    "dealbridge.sync.relay.sweep-interval=300ms",
                    "dealbridge.sync.inbox.initial-backoff=50ms",
                    "dealbridge.mongodb.embedded.enabled=true",
                    "dealbridge.security.admin-token=engine-test-admin",
                    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
    @EmbeddedKafka(partitions = 1)
    class OnTheCrmSide {

        @Autowired
        SharedDeals crmDeals;
        @Autowired
        ChangeLog crmLog;
        @Autowired
        MongoOperations crmStore;
        @Value("${spring.embedded.kafka.brokers}")
        String crmBrokers;

        private final ManualClock partnerClock = new ManualClock(System.currentTimeMillis());

        @Test
        void aPartnerSnapshotCarryingAFactThePolicyReservesToTheCrmIsDeadLetteredWholeAndTheGenuineOneApplies() {
            try (Wire partnerWire = new Wire(crmBrokers, Topics.PARTNER_SHARED_DEAL_EVENTS,
                    Topics.CRM_SHARED_DEAL_EVENTS, "crm-service.sync", crmStore)) {
                SharedDealId id = SharedDealId.random();
                SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER,
                        partnerClock, PARTNER_USER);
                partnerWire.other.send(Topics.PARTNER_SHARED_DEAL_EVENTS, partner.drainRecordedEvents().get(0));
                await().atMost(WAIT).until(() -> crmDeals.find(id).isPresent());
                partner.changeDetails(new DetailsChange(null, new BigDecimal("15000.00"), null, null),
                        SyncPolicy.defaults(), partnerClock, PARTNER_USER);
                partner.drainRecordedEvents(); // never sent: the snapshot carries it
                partner.publishSnapshot(partnerClock, PARTNER_USER);
                SharedDealSnapshot genuine = (SharedDealSnapshot) partner.drainRecordedEvents().get(0);
                EventHeader h = genuine.header();
                // placed after the amount: a merge that stopped at them would have changed the amount already
                List<SharedDealEvent> forgedFacts = List.of(
                        new PartnerCompensationEligibilityChanged(withClock(h, partnerClock.tick()), true),
                        new SharedDealAssigned(withClock(h, partnerClock.tick()),
                                new PersonRef("pu-9", "Mallory", "mallory@p.test")));
                Held before = held(crmDeals, crmLog, id);

                for (SharedDealEvent forgedFact : forgedFacts) {
                    List<SharedDealEvent> facts = new ArrayList<>(genuine.facts());
                    facts.add(forgedFact);
                    SharedDealSnapshot hostile = new SharedDealSnapshot(forge(h, h.partnerId(), h.sequence()), 1, 1,
                            facts, genuine.activity(), genuine.receivedUpTo());
                    String field = forgedFact instanceof SharedDealAssigned ? "assignedRep"
                            : "partnerCompensationEligible";

                    assertThat(partnerWire.refuse(codec.encode(hostile), id.value())).isEqualTo(
                            "InvalidEventException: SharedDealSnapshot #3 from PARTNER refused by this side's sync"
                                    + " policy: its " + forgedFact.type() + " fact (from the PARTNER): " + field
                                    + " is CRM_TO_PARTNER: the PARTNER side may not change it (only the CRM changes"
                                    + " it)");
                    assertThat(held(crmDeals, crmLog, id)).isEqualTo(before);
                }

                partnerWire.other.send(Topics.PARTNER_SHARED_DEAL_EVENTS, genuine);
                await().atMost(WAIT).until(() -> crmDeals.find(id).orElseThrow().deal()
                        .highWaterMark(Origin.PARTNER) == 3);
                DealFacts.State merged = crmDeals.find(id).orElseThrow().deal().facts().state();
                assertThat(merged.amount()).isEqualByComparingTo("15000.00");
                assertThat(merged.partnerCompensationEligible()).isFalse();
                assertThat(merged.assignedRep()).isNull();
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** What a refused record must leave as it was: the deal document, its notes and comments, its change log. */
    private record Held(DealFacts.State facts, List<Object> notes, List<String> logged) {
    }

    private Held held(SharedDealId id) {
        return held(sharedDeals, changeLog, id);
    }

    private static Held held(SharedDeals deals, ChangeLog log, SharedDealId id) {
        List<Object> notes = new ArrayList<>();
        for (SharedNote note : deals.store().notes(id.value(), 0, 1000)) {
            notes.add(note.state());
            note.allComments().forEach(comment -> notes.add(comment.state()));
        }
        return new Held(deals.find(id).orElseThrow().deal().facts().state(), notes,
                log.page(id.value(), List.of(), 0, 1000).stream().map(e -> e.id() + " " + e.eventId()).toList());
    }

    private List<DeadLetter> deadLettersOf(String key) {
        return mongo.findAll(DeadLetter.class).stream().filter(letter -> key.equals(letter.key())).toList();
    }

    private SharedDealRegistered registerHere(SharedDealId id) {
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        return (SharedDealRegistered) wire.publishedFor(id, 1).get(0);
    }

    private SharedDealEvent crmAssigns(SharedDealRegistered registration, PersonRef rep) {
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        crm.assign(rep, crmClock, CRM_REP);
        return crm.drainRecordedEvents().get(0);
    }

    /** The CRM's first event on the deal: a note. */
    private SharedDealEvent crmNote(SharedDealRegistered registration, String noteId, String body) {
        SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);
        crm.addNote(noteId, body, crmClock, CRM_REP);
        return crm.drainRecordedEvents().get(0);
    }

    private SharedDeal deal(SharedDealId id) {
        return sharedDeals.find(id).orElseThrow().deal();
    }

    /** A header like {@code real}'s with a new event id, for another partner or place. */
    private static EventHeader forge(EventHeader real, String partnerId, long sequence) {
        return new EventHeader(UUID.randomUUID().toString(), real.sharedDealId(), partnerId, real.origin(), sequence,
                real.hlc(), real.occurredAt(), real.actor());
    }

    private static EventHeader forge(SharedDealId id, Origin origin, long sequence, Hlc hlc) {
        return new EventHeader(UUID.randomUUID().toString(), id.value(), "partner-1", origin, sequence, hlc,
                Instant.now(), CRM_REP);
    }

    private static EventHeader withClock(EventHeader real, Hlc hlc) {
        return new EventHeader(UUID.randomUUID().toString(), real.sharedDealId(), real.partnerId(), real.origin(),
                real.sequence(), hlc, real.occurredAt(), real.actor());
    }

    /** The event's bytes with an amount no domain event can hold (it would be written out in full). */
    private byte[] withAmount(DealDetailsChanged event, String amount) {
        com.dealbridge.contracts.avro.DealDetailsChanged avro =
                (com.dealbridge.contracts.avro.DealDetailsChanged) codec.toAvro(event);
        avro.setAmount(amount);
        return AvroCodec.encode(avro);
    }

    /**
     * The other side's clients on one broker, and what they read back: this side's published events and the
     * inbound topic's dead letters.
     */
    private static final class Wire implements AutoCloseable {

        final OtherSide other;
        private final String inbound;
        private final String published;
        private final String group;
        private final Admin admin;
        private final MongoOperations store;
        /** Dead letters read so far. */
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        /** This side's published records not yet taken by {@link #publishedFor}. */
        private final List<ConsumerRecord<String, byte[]>> unread = new ArrayList<>();
        private final EventCodec codec = new EventCodec();

        Wire(String brokers, String inbound, String published, String group, MongoOperations store) {
            this.store = store;
            this.inbound = inbound;
            this.published = published;
            this.group = group;
            this.other = new OtherSide(brokers, published, Topics.deadLetter(inbound));
            this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        }

        /** Sends a hostile record and returns the reason it was refused with, once its poll is done. */
        String refuse(byte[] value, String key) {
            other.sendBytes(inbound, key, value);
            return refused(value);
        }

        /**
         * The reason the record with these bytes was dead-lettered with: the same on the dead-letter topic and in
         * {@code dead_letters}. Returns once the poll that refused it is committed, so all of it is done.
         */
        String refused(byte[] value) {
            ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> {
                poll();
                return seen.stream().filter(r -> r.topic().equals(Topics.deadLetter(inbound))
                        && Arrays.equals(r.value(), value)).findFirst();
            }, Optional::isPresent).orElseThrow();
            String reason = new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                    StandardCharsets.UTF_8);
            int partition = ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value())
                    .getInt();
            long offset = ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                    .getLong();
            await().atMost(WAIT).until(() -> committed(partition) > offset);
            DeadLetter kept = store.findById(inbound + "-" + partition + "@" + offset, DeadLetter.class);
            assertThat(kept).isNotNull();
            assertThat(kept.payload()).isEqualTo(value);
            assertThat(kept.reason()).isEqualTo(reason);
            return reason;
        }

        private long committed(int partition) throws Exception {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(inbound, partition));
            return committed == null ? -1 : committed.offset();
        }

        /** The first dead letter of a record with this key. */
        ConsumerRecord<String, byte[]> deadLetterOf(String key) {
            return await().atMost(WAIT).until(() -> {
                poll();
                return seen.stream().filter(r -> r.topic().equals(Topics.deadLetter(inbound))
                        && key.equals(r.key())).findFirst();
            }, Optional::isPresent).orElseThrow();
        }

        /** This side's next {@code count} published events of the deal. */
        List<SharedDealEvent> publishedFor(SharedDealId id, int count) {
            List<SharedDealEvent> received = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                poll();
                for (var records = unread.iterator(); records.hasNext() && received.size() < count; ) {
                    ConsumerRecord<String, byte[]> record = records.next();
                    if (id.value().equals(record.key())) {
                        received.add(codec.decode(record.value()));
                        records.remove();
                    }
                }
                return received.size() >= count;
            });
            return received;
        }

        private void poll() {
            for (ConsumerRecord<String, byte[]> record : other.poll()) {
                (record.topic().equals(published) ? unread : seen).add(record);
            }
        }

        @Override
        public void close() {
            other.close();
            admin.close();
        }
    }
}
