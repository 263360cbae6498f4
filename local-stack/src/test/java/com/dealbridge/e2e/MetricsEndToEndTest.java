package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.PARTNER_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PrometheusText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes from both services ({@code /actuator/prometheus} with the admin token) and what the
 * orchestrator probes ({@code /actuator/health/liveness}, {@code /readiness}, without a token) while a deal is
 * registered, assigned and noted across one real broker, and a record nobody can read reaches the CRM.
 */
class MetricsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DealbridgeSystem system;
    private static Rep rep;

    @BeforeAll
    static void startSystem() {
        system = DealbridgeSystem.start(Map.of(
                "dealbridge.sync.metrics.gauge-refresh", "200ms",
                "dealbridge.sync.metrics.kafka-refresh", "1s"));
        rep = system.newRep("Mia Metrics");
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }

    @Test
    void aNoteWrittenOnOneSideShowsAsPublishedThereAndAsAppliedWithItsLagOnTheOther() {
        PartnerUser user = system.newPartner("Measured Partners", 5);
        String dealId = register(user, "Measured deal");
        await().atMost(WAIT).until(() -> system.partner().get("/api/shared-deals/" + dealId, user.token())
                .json("/assignedRep/id") != null);
        PrometheusText crmBefore = crmMetrics();
        String notes = "/api/shared-deals/" + dealId + "/shared-notes";

        String noteId = ok(system.partner().post(notes, user.token(), Map.of("body", "Budget confirmed")), 201)
                .json("/id");

        await().atMost(WAIT).until(() -> system.crm().get(notes, rep.token()).bodyAsString().contains(noteId));
        Map<String, String> fromPartner = Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS);
        await().atMost(WAIT).until(() -> crmMetrics().sum("dealbridge_propagation_lag_seconds_count", fromPartner)
                > crmBefore.sum("dealbridge_propagation_lag_seconds_count", fromPartner));
        PrometheusText crm = crmMetrics();
        assertThat(crm.sum("dealbridge_inbox_applied_total"))
                .isGreaterThan(crmBefore.sum("dealbridge_inbox_applied_total"));
        assertThat(crm.samples("dealbridge_propagation_lag_seconds_bucket", fromPartner))
                .as("buckets for p99 and the 30 s alert").hasSizeGreaterThan(10)
                .anySatisfy(bucket -> assertThat(bucket.labels()).containsEntry("le", "30.0"));
        assertThat(crm.sum("dealbridge_propagation_lag_seconds_max", fromPartner)).isPositive().isLessThan(30);
        assertThat(crm.has("dealbridge_inbox_duplicates_total")).isTrue();
        assertThat(crm.samples("kafka_consumer_fetch_manager_records_lag_max"))
                .as("the Kafka consumers' own lag").isNotEmpty();

        PrometheusText partner = partnerMetrics();
        Map<String, String> published = Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS, "outcome", "success");
        assertThat(partner.sum("dealbridge_relay_publish_seconds_count", published)).isPositive();
        assertThat(partner.samples("dealbridge_relay_publish_seconds_bucket", published)).hasSizeGreaterThan(10);
        assertThat(partner.samples("kafka_producer_record_send_total")).extracting(s -> s.labels().get("spring_id"))
                .anySatisfy(id -> assertThat(id).startsWith("syncProducerFactory."));
        assertThat(partner.sum("dealbridge_inbox_applied_total")).as("the CRM's assignment").isPositive();
        await().atMost(WAIT).until(() -> partnerMetrics().sum("dealbridge_notifications_sent_total",
                Map.of("kind", "REP_ASSIGNED")) > 0);
        await().atMost(WAIT).until(() -> partnerMetrics().sum("dealbridge_outbox_backlog_events",
                Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS)) == 0);
        await().atMost(WAIT).until(() -> crmMetrics().samples("kafka_consumer_fetch_manager_records_lag",
                Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS)).stream().map(s -> s.labels().get("partition"))
                .collect(java.util.stream.Collectors.toSet()).containsAll(List.of("0", "1", "2")));
    }

    @Test
    void aRecordTheCrmCannotReadIsCountedAsADeadLetterAndPendingUntilReplayed() throws Exception {
        Map<String, String> inbound = Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS);
        PrometheusText before = crmMetrics();
        assertThat(before.has("dealbridge_dead_letters_pending")).isTrue();
        assertThat(before.has("dealbridge_inbox_parked_events")).isTrue();
        assertThat(before.samples("dealbridge_notifications_failed_total", Map.of("kind", "PARTNER_NOTE_ADDED")))
                .as("the CRM's mail counters are there before any mail fails").hasSize(2);
        assertThat(partnerMetrics().samples("dealbridge_notifications_failed_total", Map.of("kind", "REP_ASSIGNED")))
                .as("and the portal's").hasSize(2);

        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            probe.send(Topics.PARTNER_SHARED_DEAL_EVENTS, UUID.randomUUID().toString(),
                    "not an event".getBytes(StandardCharsets.UTF_8));
        }

        // the CRM's notification consumer reads that topic too and dead-letters the record to its own topic
        Map<String, String> byTheInbox = Map.of("topic", Topics.PARTNER_SHARED_DEAL_EVENTS, "dead_letter_topic",
                Topics.deadLetter(Topics.PARTNER_SHARED_DEAL_EVENTS));
        await().atMost(WAIT).until(() -> crmMetrics().sum("dealbridge_dead_letters_total", byTheInbox)
                == before.sum("dealbridge_dead_letters_total", byTheInbox) + 1);
        await().atMost(WAIT).until(() -> crmMetrics().sum("dealbridge_dead_letters_pending", inbound)
                == before.sum("dealbridge_dead_letters_pending", inbound) + 1);
        ApiResponse replay = ok(system.crm().post("/admin/sync/dead-letters/replay", CRM_ADMIN, null), 200);
        assertThat(replay.node("/failed").asInt()).as("it still cannot be read").isPositive();
        assertThat(crmMetrics().sum("dealbridge_dead_letters_pending", inbound))
                .isEqualTo(before.sum("dealbridge_dead_letters_pending", inbound) + 1);
    }

    @Test
    void bothServicesAnswerTheirProbesToEveryoneAndTheirMembersOnlyToTheAdmin() {
        for (ApiClient service : List.of(system.partner(), system.crm())) {
            for (String probe : List.of("liveness", "readiness")) {
                ApiResponse anonymous = service.get("/actuator/health/" + probe, null);
                assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
                assertThat(anonymous.json("/status")).isEqualTo("UP");
                assertThat(anonymous.node("/components").isMissingNode()).as(anonymous.toString()).isTrue();
            }
        }
        ApiResponse partnerReadiness = system.partner().get("/actuator/health/readiness", PARTNER_ADMIN);
        assertThat(partnerReadiness.json("/components/mongo/status")).as(partnerReadiness.toString()).isEqualTo("UP");
        assertThat(partnerReadiness.node("/components/kafka").isMissingNode())
                .as("a broker outage must not take the service out of the load balancer").isTrue();
        assertThat(system.crm().get("/actuator/health/readiness", CRM_ADMIN).json("/components/mongo/status"))
                .isEqualTo("UP");
        assertThat(system.crm().get("/actuator/health/liveness", CRM_ADMIN).json("/components/livenessState/status"))
                .isEqualTo("UP");
        assertThat(system.partner().get("/actuator/prometheus", null).status()).as("metrics stay admin-only")
                .isEqualTo(401);
    }

    private static PrometheusText partnerMetrics() {
        return scrape(system.partner(), PARTNER_ADMIN);
    }

    private static PrometheusText crmMetrics() {
        return scrape(system.crm(), CRM_ADMIN);
    }

    private static PrometheusText scrape(ApiClient service, String adminToken) {
        ApiResponse scraped = ok(service.get("/actuator/prometheus", adminToken), 200);
        return PrometheusText.parse(scraped.bodyAsString());
    }

    private static String register(PartnerUser user, String dealName) {
        String contactId = ok(system.partner().post("/api/contacts", user.token(),
                Map.of("firstName", "Mo", "lastName", "Measured", "email", "mo@customer.test")), 201).json("/id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", "CONTACT");
        body.put("sourceId", contactId);
        body.put("dealName", dealName);
        body.put("amount", "12000.00");
        body.put("closeDate", "2026-12-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing");
        body.put("nextSteps", "Demo next Tuesday");
        return ok(system.partner().post("/api/shared-deals", user.token(), body), 201).json("/id");
    }
}
