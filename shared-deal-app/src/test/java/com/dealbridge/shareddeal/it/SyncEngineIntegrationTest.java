package com.dealbridge.shareddeal.it;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static com.dealbridge.shareddeal.domain.Fixtures.RITA;
import static com.dealbridge.shareddeal.domain.Fixtures.ROB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.DetailsChange;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.store.DealChange;
import com.dealbridge.shareddeal.store.OfflineStore;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.ManualClock;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The engine on the PARTNER side against a real (embedded KRaft) broker and the embedded MongoDB server; the
 * CRM is played by plain Kafka clients.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "dealbridge.sync.side=PARTNER",
                "dealbridge.sync.relay.sweep-interval=300ms",
                "dealbridge.sync.inbox.retries=1",
                "dealbridge.sync.inbox.initial-backoff=50ms",
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.security.admin-token=engine-test-admin",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
class SyncEngineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    MongoOperations mongo;
    @Autowired
    SyncClock clock;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    @Qualifier("syncListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, byte[]> inboxContainers;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private OtherSide crm;
    private final ManualClock crmClock = new ManualClock(System.currentTimeMillis());

    @BeforeEach
    void connectTheOtherSide() {
        crm = new OtherSide(brokers, Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.deadLetter(Topics.CRM_SHARED_DEAL_EVENTS));
    }

    @AfterEach
    void disconnect() {
        crm.close();
    }

    @Test
    void theInboxPollsABacklogInBatchesOfUpToTwoThousandRecords() {
        // a poll is applied as one batch, a deal's events in it with one load and one save (Kafka's default is 500)
        assertThat(inboxContainers.getConsumerFactory().getConfigurationProperties())
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    }

    @Test
    void publishesALocalRegistrationAtOnceAndEmptiesTheOutbox() {
        SharedDealId id = SharedDealId.random();

        SharedDealDocument saved = sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, "deal-1");

        List<SharedDealEvent> received = receivedFor(id, 1);
        assertThat(received.get(0)).isInstanceOf(SharedDealRegistered.class);
        assertThat(received.get(0).header().sequence()).isEqualTo(1);
        await().atMost(WAIT).until(() -> sharedDeals.find(id).orElseThrow().inSync());
        assertThat(saved.localDealId()).isEqualTo("deal-1");
    }

    @Test
    void appliesTheCrmsAssignmentOnceEvenWhenDeliveredTwice() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        List<SharedDealEvent> events = crmAssigns(registration, RITA, ROB);

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(0));
        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(0));
        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(1));

        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 2);
        assertThat(deal(id).facts().assignedRep()).isEqualTo(ROB);
        assertThat(activity(id)).extracting(ActivityEntry::type)
                .containsExactly("REGISTERED", "ASSIGNED", "ASSIGNED");
    }

    @Test
    void parksAnEventThatArrivesBeforeAMissingOneAndAppliesBothWhenItComes() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        List<SharedDealEvent> events = crmAssigns(registration, RITA, ROB);

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(1));
        await().atMost(WAIT).until(() -> !changeLog.parked(id.value()).isEmpty());
        assertThat(deal(id).facts().assignedRep()).as("not applied past the gap").isNull();

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(0));
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 2);
        assertThat(deal(id).facts().assignedRep()).isEqualTo(ROB);
        assertThat(changeLog.parked(id.value())).isEmpty();
    }

    @Test
    void sendsAPoisonEventToTheDeadLetterTopicWithTheReasonAndKeepsConsuming() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        long deadBefore = deadLetters.count(false);

        crm.sendBytes(Topics.CRM_SHARED_DEAL_EVENTS, id.value(), "not avro at all".getBytes(StandardCharsets.UTF_8));
        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, crmAssigns(registration, RITA).get(0));

        await().atMost(WAIT).until(() -> RITA.equals(deal(id).facts().assignedRep()));
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            crm.poll().stream().filter(r -> r.topic().endsWith(".dlt") && id.value().equals(r.key()))
                    .forEach(dead::add);
            return !dead.isEmpty();
        });
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        String reason = new String(dead.get(0).headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8);
        assertThat(reason).isEqualTo("InvalidEventBytesException: Neither Confluent's wire format (magic byte 0) nor"
                + " Avro single-object encoding (C3 01): 15 bytes starting 6e 6f 74 20 61 76 72 6f 20 61 74 20 ...");
        await().atMost(WAIT).until(() -> deadLetters.count(false) == deadBefore + 1);
        assertThat(deadLetters.latest(10)).filteredOn(letter -> id.value().equals(letter.key()))
                .singleElement().extracting(com.dealbridge.sync.deadletter.DeadLetter::reason).isEqualTo(reason);
    }

    @Test
    void aRecordNamingASchemaIdTheRegistryDoesNotKnowIsDeadLetteredWithTheReasonAndTheNextApplies() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        byte[] unknownId = new EventCodec().encode(crmAssigns(registration, ROB).get(0));
        ByteBuffer.wrap(unknownId, 1, 4).putInt(987654);

        crm.sendBytes(Topics.CRM_SHARED_DEAL_EVENTS, id.value(), unknownId);
        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, crmAssigns(registration, RITA).get(0));

        await().atMost(WAIT).until(() -> RITA.equals(deal(id).facts().assignedRep()));
        await().atMost(WAIT).until(() -> deadLetters.latest(50).stream().anyMatch(l -> id.value().equals(l.key())));
        assertThat(deadLetters.latest(50)).filteredOn(letter -> id.value().equals(letter.key()))
                .singleElement().extracting(com.dealbridge.sync.deadletter.DeadLetter::reason)
                .isEqualTo("UnknownSchemaException: Unknown schema id 987654: the schema registry has no schema with"
                        + " this id (was the record written against another registry?)");
    }

    @Test
    void anEventWrittenInSingleObjectEncodingBeforeTheSwitchIsStillApplied() {
        SharedDealId id = SharedDealId.random();
        SharedDealRegistered registration = registerHere(id);
        EventCodec codec = new EventCodec();

        crm.sendBytes(Topics.CRM_SHARED_DEAL_EVENTS, id.value(),
                AvroCodec.encodeSingleObject(codec.toAvro(crmAssigns(registration, RITA).get(0))));

        await().atMost(WAIT).until(() -> RITA.equals(deal(id).facts().assignedRep()));
    }

    @Test
    void everyRecordThisSidePublishesIsInConfluentsWireFormat() {
        SharedDealId id = SharedDealId.random();
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, "deal-1");
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();

        await().atMost(WAIT).until(() -> {
            crm.poll().stream().filter(r -> r.topic().equals(Topics.PARTNER_SHARED_DEAL_EVENTS)).forEach(published::add);
            return published.stream().anyMatch(r -> id.value().equals(r.key()));
        });

        assertThat(published).allSatisfy(record -> assertThat(record.value()[0]).as("magic byte").isZero());
    }

    @Test
    void aCrashBetweenTheLogAndTheProjectionIsRepairedAndPublishedByTheSweep() {
        // what a process that died right after inserting its event leaves: the entry, no deal document, not sent
        SharedDealId id = SharedDealId.random();
        SharedDeal decided = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, clock,
                PARTNER_USER);
        SharedDealEvent registration = decided.drainRecordedEvents().get(0);
        changeLog.appendOwn(List.of(new LogEntry(id.value(), "PARTNER", 1, registration.header().eventId(),
                registration.type(), registration.header().hlc().wallMillis(), registration.header().hlc().counter(),
                registration.header().occurredAt(), new EventCodec().encode(registration))));
        assertThat(sharedDeals.find(id)).isEmpty();

        assertThat(receivedFor(id, 1)).singleElement().isInstanceOf(SharedDealRegistered.class);
        await().atMost(WAIT).until(() -> sharedDeals.find(id).map(SharedDealDocument::inSync).orElse(false));
        assertThat(deal(id).facts().dealName()).isEqualTo(decided.facts().dealName());
    }

    @Test
    void aChangeOnADealAnotherInstanceChangedSinceThisOneCachedItLandsAfterIt() throws InterruptedException {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        sharedDeals.change(id, (document, clock) -> document.deal().addNote("note-here-1", "first", clock,
                PARTNER_USER)); // this instance now holds the deal's document as it saved it
        try (OfflineStore otherInstance = new OfflineStore(mongo, Origin.PARTNER)) {
            otherInstance.sharedDeals().change(id, (document, clock) -> document.deal().addNote("note-there",
                    "from the other instance", clock, PARTNER_USER));
        }

        sharedDeals.change(id, (document, clock) -> document.deal().addNote("note-here-2", "second", clock,
                PARTNER_USER));

        SharedDeal deal = deal(id);
        assertThat(deal.localSequence()).isEqualTo(4);
        assertThat(deal.note("note-here-1")).isPresent();
        assertThat(deal.note("note-there")).isPresent();
        assertThat(deal.note("note-here-2")).isPresent();
        assertThat(changeLog.find(id.value(), "PARTNER", 1, 10)).extracting(LogEntry::sequence)
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aChangeDecidedOnADealAnotherInstanceChangedMeanwhileIsDecidedAgainOnWhatItIsNow() throws InterruptedException {
        SharedDealId id = SharedDealId.random();
        String original = registerHere(id).dealName();
        sharedDeals.change(id, (document, clock) -> document.deal().addNote(UUID.randomUUID().toString(), "first", clock,
                PARTNER_USER)); // this instance now holds the deal's document as it saved it
        try (OfflineStore otherInstance = new OfflineStore(mongo, Origin.PARTNER)) {
            otherInstance.sharedDeals().change(id, renameUnlessRenamed(original, original + " (there)"));
        }

        // decided on the cached document, this rename would hold; on the deal as it is now, it does not
        sharedDeals.change(id, renameUnlessRenamed(original, original + " (here)"));

        SharedDeal deal = deal(id);
        assertThat(deal.facts().dealName()).isEqualTo(original + " (there)");
        assertThat(deal.localSequence()).isEqualTo(3);
        assertThat(changeLog.find(id.value(), "PARTNER", 1, 10)).extracting(LogEntry::sequence)
                .containsExactly(1L, 2L, 3L);
    }

    /** Renames the deal only while it has its original name: a change that holds only in some states. */
    private static DealChange renameUnlessRenamed(String original, String name) {
        return (document, clock) -> {
            if (document.deal().facts().dealName().equals(original)) {
                document.deal().changeDetails(new DetailsChange(name, null, null, null),
                        Fixtures.STAGE_AND_NAME_TWO_WAY, clock, PARTNER_USER);
            }
        };
    }

    private SharedDealRegistered registerHere(SharedDealId id) {
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        return (SharedDealRegistered) receivedFor(id, 1).get(0);
    }

    /** The CRM's replica makes one assignment per rep and returns the events it would publish. */
    private List<SharedDealEvent> crmAssigns(SharedDealRegistered registration, com.dealbridge.shareddeal.domain.PersonRef... reps) {
        SharedDeal crmReplica = SharedDeal.receive(registration, Origin.CRM, crmClock);
        for (var rep : reps) {
            crmReplica.assign(rep, crmClock, CRM_REP);
        }
        return crmReplica.drainRecordedEvents();
    }

    private SharedDeal deal(SharedDealId id) {
        return sharedDeals.find(id).orElseThrow().deal();
    }

    private List<SharedDealEvent> receivedFor(SharedDealId id, int count) {
        List<SharedDealEvent> received = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            crm.poll().stream()
                    .filter(r -> r.topic().equals(Topics.PARTNER_SHARED_DEAL_EVENTS) && id.value().equals(r.key()))
                    .map(crm::decode).forEach(received::add);
            return received.size() >= count;
        });
        return received;
    }

    private List<ActivityEntry> activity(SharedDealId id) {
        return sharedDeals.tabs().page(id.value(), 0, 500).items();
    }
}
