package com.dealbridge.shareddeal.it;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static com.dealbridge.shareddeal.domain.Fixtures.RITA;
import static com.dealbridge.shareddeal.domain.Fixtures.ROB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.kit.test.PrometheusText;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.ManualClock;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.dealbridge.sync.relay.Relay;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The engine's metrics on the PARTNER side, read from the registry Prometheus scrapes (this context has no web
 * layer; the end-to-end tests scrape {@code /actuator/prometheus}), while the real relay, inbox and dead letters work
 * against the embedded broker and store; the CRM is played by plain Kafka clients. The relay's own sweep is kept
 * out of the way (1 h), so an entry left unpublished stays in the backlog until the test sweeps.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "dealbridge.sync.side=PARTNER",
                "dealbridge.sync.relay.sweep-interval=1h",
                "dealbridge.sync.inbox.initial-backoff=50ms",
                "dealbridge.sync.inbox.max-clock-skew=2s",
                "dealbridge.sync.metrics.gauge-refresh=100ms",
                "dealbridge.sync.metrics.kafka-refresh=500ms",
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.security.admin-token=engine-test-admin",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
class SyncMetricsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> OUTBOUND = Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS);
    private static final Map<String, String> INBOUND = Map.of("topic", Topics.CRM_SHARED_DEAL_EVENTS);

    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    Relay relay;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Inbox<?> inbox;
    @Autowired
    SyncClock clock;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private OtherSide crm;

    @BeforeEach
    void connectTheOtherSide() {
        crm = new OtherSide(brokers, Topics.PARTNER_SHARED_DEAL_EVENTS);
    }

    @AfterEach
    void disconnect() {
        crm.close();
    }

    @Test
    void anEntryLeftUnpublishedIsBacklogUntilTheRelayPublishesItAndThePublishIsTimed() {
        double publishes = metrics().sum("dealbridge_relay_publish_seconds_count", success());
        SharedDealId id = SharedDealId.random();
        // what a process that died right after inserting its event leaves: logged, never handed to the relay
        SharedDeal decided = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, clock,
                PARTNER_USER);
        SharedDealEvent registration = decided.drainRecordedEvents().get(0);
        changeLog.appendOwn(List.of(new LogEntry(id.value(), "PARTNER", 1, registration.header().eventId(),
                registration.type(), registration.header().hlc().wallMillis(), registration.header().hlc().counter(),
                registration.header().occurredAt(), new EventCodec().encode(registration))));

        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_outbox_backlog_events", OUTBOUND) == 1);

        relay.sweep(null);

        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_outbox_backlog_events", OUTBOUND) == 0);
        PrometheusText metrics = metrics();
        assertThat(metrics.sum("dealbridge_relay_publish_seconds_count", success()))
                .as("one more batch acknowledged").isGreaterThan(publishes);
        assertThat(metrics.samples("dealbridge_relay_publish_seconds_bucket", success()))
                .as("histogram buckets, so percentiles can be computed").hasSizeGreaterThan(10)
                .anySatisfy(bucket -> assertThat(bucket.labels()).containsEntry("le", "+Inf"));
        assertThat(metrics.sum("dealbridge_relay_published_total", OUTBOUND)).isPositive();
    }

    @Test
    void anAppliedEventCountsOnceWithItsLagAndADuplicateCountsAsDuplicate() {
        // the CRM decided its assignment three seconds ago: that is the least its propagation lag can be
        ManualClock crmClock = new ManualClock(System.currentTimeMillis() - 3_000);
        SharedDealRegistered registration = registerHere(SharedDealId.random());
        SharedDealEvent assignment = crmAssigns(registration, crmClock, RITA).get(0);
        PrometheusText before = metrics();

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, assignment);
        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, assignment);

        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_inbox_duplicates_total")
                > before.sum("dealbridge_inbox_duplicates_total"));
        PrometheusText after = metrics();
        assertThat(after.sum("dealbridge_inbox_applied_total") - before.sum("dealbridge_inbox_applied_total"))
                .isEqualTo(1);
        assertThat(after.sum("dealbridge_propagation_lag_seconds_count", INBOUND)
                - before.sum("dealbridge_propagation_lag_seconds_count", INBOUND)).isEqualTo(1);
        assertThat(after.sum("dealbridge_propagation_lag_seconds_sum", INBOUND)
                - before.sum("dealbridge_propagation_lag_seconds_sum", INBOUND)).isGreaterThanOrEqualTo(3.0);
        assertThat(bucket(after, "1.0") - bucket(before, "1.0")).as("not within a second").isZero();
        assertThat(bucket(after, "30.0") - bucket(before, "30.0")).as("within the 30 s alerts look at").isEqualTo(1);
    }

    @Test
    void anEventAfterAGapIsParkedUntilTheGapFills() {
        ManualClock crmClock = new ManualClock(System.currentTimeMillis());
        SharedDealId id = SharedDealId.random();
        List<SharedDealEvent> events = crmAssigns(registerHere(id), crmClock, RITA, ROB);
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_inbox_parked_events", INBOUND) == 0);

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(1));
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_inbox_parked_events", INBOUND) == 1);

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, events.get(0));
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_inbox_parked_events", INBOUND) == 0);
        assertThat(sharedDeals.find(id).orElseThrow().deal().facts().assignedRep()).isEqualTo(ROB);
    }

    @Test
    void aDeadLetterIsCountedAndPendingUntilAReplayAppliesIt() {
        Map<String, String> deadLettered = Map.of("topic", Topics.CRM_SHARED_DEAL_EVENTS, "dead_letter_topic",
                Topics.deadLetter(Topics.CRM_SHARED_DEAL_EVENTS));
        SharedDealId id = SharedDealId.random();
        // stamped by a clock 4 s ahead, more than the 2 s allowed here: refused now, applicable in a few seconds
        ManualClock fastCrmClock = new ManualClock(System.currentTimeMillis() + 4_000);
        SharedDealEvent early = crmAssigns(registerHere(id), fastCrmClock, RITA).get(0);
        double counted = metrics().sum("dealbridge_dead_letters_total", deadLettered);
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_dead_letters_pending", INBOUND)
                == deadLetters.pending());
        double pending = metrics().sum("dealbridge_dead_letters_pending", INBOUND);

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, early);

        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_dead_letters_total", deadLettered)
                == counted + 1);
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_dead_letters_pending", INBOUND) == pending + 1);

        // replayed (by the operator's endpoint) until its clock is no longer too far ahead; other dead letters of
        // this context that can never apply stay pending
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            deadLetters.replay(inbox);
            return RITA.equals(sharedDeals.find(id).orElseThrow().deal().facts().assignedRep());
        });
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_dead_letters_pending", INBOUND) == pending);
    }

    @Test
    void aRecordThatCannotBeReadIsCountedAsADeadLetter() {
        Map<String, String> deadLettered = Map.of("topic", Topics.CRM_SHARED_DEAL_EVENTS);
        double counted = metrics().sum("dealbridge_dead_letters_total", deadLettered);

        crm.sendBytes(Topics.CRM_SHARED_DEAL_EVENTS, SharedDealId.random().value(),
                "not avro at all".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_dead_letters_total", deadLettered)
                == counted + 1);
    }

    @Test
    void theKafkaClientsOwnMetricsIncludeTheInboxConsumersLagPerPartition() {
        registerHere(SharedDealId.random());

        await().atMost(WAIT).until(() -> metrics().samples("kafka_consumer_fetch_manager_records_lag",
                Map.of("topic", Topics.CRM_SHARED_DEAL_EVENTS, "partition", "0")).stream()
                .anyMatch(sample -> sample.labels().get("spring_id").startsWith("syncConsumerFactory.")));
        PrometheusText metrics = metrics();
        assertThat(metrics.samples("kafka_consumer_fetch_manager_records_lag_max"))
                .anySatisfy(sample -> assertThat(sample.labels().get("spring_id")).startsWith("syncConsumerFactory."));
        assertThat(metrics.samples("kafka_producer_record_send_total"))
                .anySatisfy(sample -> {
                    assertThat(sample.labels().get("spring_id")).startsWith("syncProducerFactory.");
                    assertThat(sample.value()).isPositive();
                });
    }

    private static Map<String, String> success() {
        return Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS, "outcome", "success");
    }

    private static double bucket(PrometheusText metrics, String le) {
        return metrics.sum("dealbridge_propagation_lag_seconds_bucket",
                Map.of("topic", Topics.CRM_SHARED_DEAL_EVENTS, "le", le));
    }

    private PrometheusText metrics() {
        return PrometheusText.parse(prometheus.scrape());
    }

    private SharedDealRegistered registerHere(SharedDealId id) {
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        List<SharedDealEvent> received = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            crm.poll().stream().filter(r -> id.value().equals(r.key())).map(crm::decode).forEach(received::add);
            return !received.isEmpty() && sharedDeals.find(id).map(SharedDealDocument::inSync).orElse(false);
        });
        return (SharedDealRegistered) received.get(0);
    }

    private static List<SharedDealEvent> crmAssigns(SharedDealRegistered registration, ManualClock crmClock,
                                                    PersonRef... reps) {
        SharedDeal crmReplica = SharedDeal.receive(registration, Origin.CRM, crmClock);
        for (PersonRef rep : reps) {
            crmReplica.assign(rep, crmClock, CRM_REP);
        }
        return crmReplica.drainRecordedEvents();
    }
}
