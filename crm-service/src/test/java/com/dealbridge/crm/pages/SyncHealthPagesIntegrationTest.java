package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * *Sync health* over HTTP for an admin rep: it shows what {@code GET /admin/sync/status} answers (a real dead letter:
 * a record the CRM's inbox cannot read, produced to its topic on the real broker), and its *Replay* and *Resync*
 * do what the admin API's do. Reps who are not admins are refused with the error page.
 */
@CrmServiceIntegrationTest
class SyncHealthPagesIntegrationTest extends WorkspacePageTest {

    static final String PAGE = "/settings/sync-health";
    static final Duration WAIT = Duration.ofSeconds(60);

    PageSession admin;

    @Override
    String repName() {
        return "Nils NotAdmin";
    }

    @BeforeEach
    void signInAnAdmin() {
        admin = AdminSessions.signIn(fixtures, "Ada Admin");
    }

    @Test
    void anAdminSeesADeadLetterWithItsReasonAsTheStatusApiHasIt() throws Exception {
        String key = poisonRecord();

        String reason = awaitDeadLetter(key).path("reason").asString();
        HttpResponse<String> page = admin.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"sync-health\"").contains("Key " + key)
                .contains("data-testid=\"dead-letter-reason\">" + escaped(reason) + "<")
                .contains("data-testid=\"backlog-events\"").contains("data-testid=\"nav-sync-health\"");
        assertThat(reason).isNotBlank();
    }

    @Test
    void replayRunsTheDeadLettersThroughTheInboxAgainAndSaysHowItWent() throws Exception {
        String key = poisonRecord();
        awaitDeadLetter(key);

        HttpResponse<String> replayed = admin.submit(PAGE, PAGE + "/replay", Map.of());

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location").orElse("")).endsWith(PAGE);
        // the record is still unreadable: it fails again, and the status (the API's) keeps the new error
        String replayError = deadLetter(key).path("replayError").asString();
        assertThat(replayError).isNotBlank();
        String shown = admin.get(PAGE).body();
        assertThat(shown).contains("data-testid=\"flash\"").containsPattern("Replay done: \\d+ replayed, [1-9]\\d* failed again")
                .contains("data-testid=\"dead-letter-replay-error\">" + escaped(replayError) + "<");
        assertThat(admin.get(PAGE).body()).as("the flash message is shown once").doesNotContain("data-testid=\"flash\"");
    }

    @Test
    void resyncRepublishesTheDealsSnapshotAsTheAdminApiWould() throws Exception {
        String sharedDealId = fixtures.sharedDealIdOf(fixtures.sharedDeal());
        long before = crmMark(sharedDealId);
        assertThat(admin.get(PAGE).body()).contains("data-shared-deal-id=\"" + sharedDealId + "\"");

        HttpResponse<String> resynced = admin.submit(PAGE, PAGE + "/shared-deals/" + sharedDealId + "/resync",
                Map.of());

        assertThat(resynced.statusCode()).as(resynced.body()).isEqualTo(302);
        assertThat(admin.get(PAGE).body()).containsPattern("Resync of " + sharedDealId + " started: [1-9]\\d* snapshot");
        assertThat(crmMark(sharedDealId)).as("the snapshot is a new event of the CRM's").isGreaterThan(before);
    }

    @Test
    void aResyncOfAnUnknownDealShowsTheNotFoundPage() {
        HttpResponse<String> unknown = admin.submit(PAGE, PAGE + "/shared-deals/" + UUID.randomUUID() + "/resync",
                Map.of());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("data-testid=\"error-page\"");
    }

    @Test
    void aRepWhoIsNotAnAdminIsRefusedTheError403PageAndSeesNoLinkToIt() {
        HttpResponse<String> refused = session.get(PAGE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("data-testid=\"error-page\"").contains("data-status=\"403\"");

        String csrf = PageSession.csrfOf(session.get("/").body());
        HttpResponse<String> replay = session.post(PAGE + "/replay", Map.of("_csrf", csrf));
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(session.get("/").body()).doesNotContain("data-testid=\"nav-sync-health\"");
    }

    @Test
    void anAdminsFormWithoutItsCsrfTokenIsRefused() {
        HttpResponse<String> forged = admin.post(PAGE + "/replay", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("data-testid=\"error-page\"");
    }

    /** A record the CRM's inbox cannot read, on its topic: the key it was sent with. */
    private String poisonRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PARTNER_SHARED_DEAL_EVENTS, key,
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        return key;
    }

    private JsonNode awaitDeadLetter(String key) {
        await().atMost(WAIT).until(() -> deadLetterOrNull(key) != null);
        return deadLetter(key);
    }

    private JsonNode deadLetter(String key) {
        JsonNode found = deadLetterOrNull(key);
        assertThat(found).as("dead letter of " + key).isNotNull();
        return found;
    }

    /** The inbox's dead letter of the record, as {@code GET /admin/sync/status} lists it. */
    private JsonNode deadLetterOrNull(String key) {
        JsonNode latest = status().node("/deadLetters/latest");
        return StreamSupport.stream(latest.spliterator(), false)
                .filter(d -> key.equals(d.path("key").asString())
                        && d.path("id").asString().startsWith(Topics.PARTNER_SHARED_DEAL_EVENTS + "-"))
                .findFirst().orElse(null);
    }

    private long crmMark(String sharedDealId) {
        JsonNode marks = status().node("/highWaterMarks");
        return StreamSupport.stream(marks.spliterator(), false)
                .filter(m -> sharedDealId.equals(m.path("sharedDealId").asString())).findFirst()
                .map(m -> m.path("CRM").asLong()).orElseThrow();
    }

    private ApiResponse status() {
        ApiResponse status = fixtures.api.get("/admin/sync/status", CrmServiceIntegrationTest.ADMIN_TOKEN);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return status;
    }

    /** As Thymeleaf writes text into HTML. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
