package com.dealbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole launcher: both services on the stack's broker and databases, seeded through their admin API. */
class LocalStackLauncherIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void startsBothServicesHealthySeedsDemoDataOnceAndKeepsEverythingAcrossARestart() throws Exception {
        LocalStackSettings settings = FreePorts.settings(dataDir);
        String aliceToken;
        String ritaToken;
        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();

            assertThat(stack.awaitHealth(Duration.ofSeconds(60)))
                    .containsEntry("partner-service", "UP")
                    .containsEntry("crm-service", "UP");
            SeedFile seeds = stack.seedDemoData();
            assertThat(seeds.isComplete()).isTrue();
            aliceToken = seeds.get("partner-user.alice.token").orElseThrow();
            ritaToken = seeds.get("sales-rep.rita.token").orElseThrow();

            assertThat(get(settings.partnerUrl() + "/api/me", aliceToken).path("email").asString())
                    .isEqualTo("alice@acme-partners.example");
            assertThat(get(settings.crmUrl() + "/api/products", ritaToken).path("total").asInt()).isEqualTo(4);
            // The catalogue reaches the partner side only through the stack's Kafka broker.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(settings.partnerUrl() + "/api/products", aliceToken).path("total").asInt())
                            .isEqualTo(4));
        }

        try (LocalStack restarted = new LocalStack(settings)) {
            restarted.start();

            SeedFile seeds = restarted.seedDemoData();
            assertThat(seeds.get("partner-user.alice.token")).contains(aliceToken);
            // Tokens are stored hashed in each service's MongoDB file: still valid after the restart.
            assertThat(get(settings.partnerUrl() + "/api/me", aliceToken).path("name").asString())
                    .isEqualTo("Alice Archer");
            assertThat(get(settings.crmUrl() + "/api/products", ritaToken).path("total").asInt()).isEqualTo(4);

            // Every start prints a working sign-in link per demo partner user and sales rep.
            Map<String, String> links = restarted.invitations(seeds);
            assertThat(links).containsOnlyKeys("partner-user.alice", "partner-user.bob",
                    "sales-rep.rita", "sales-rep.sam", "sales-rep.tess", "sales-rep.ada");
            assertThat(links.get("sales-rep.rita")).startsWith(settings.crmUrl() + "/invitations/");
            assertThat(links.get("partner-user.alice")).startsWith(settings.partnerUrl() + "/invitations/");
            HttpResponse<String> form = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(links.get("partner-user.alice"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("name=\"password\"");
            assertThat(Summary.render(settings, Map.of(), seeds, links, Duration.ZERO))
                    .contains("Partner portal sign-in").contains(links.get("partner-user.bob"))
                    .contains("CRM workspace sign-in").contains(links.get("sales-rep.tess"))
                    .contains("admin sign-in").contains(links.get("sales-rep.ada"));
        }
    }

    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", url, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
