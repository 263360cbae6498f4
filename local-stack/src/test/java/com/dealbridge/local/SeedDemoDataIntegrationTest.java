package com.dealbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeder docker-compose runs once: the demo data through the admin API of services running elsewhere. */
class SeedDemoDataIntegrationTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path seedDir;

    @Test
    void seedsServicesRunningElsewhereOnceAndPrintsTokensAndSignInLinks() throws Exception {
        LocalStackSettings stackSettings = FreePorts.settings(dataDir);
        try (LocalStack stack = new LocalStack(stackSettings)) {
            stack.start();
            SeedDemoData.Settings settings = SeedDemoData.Settings.from(Map.of(
                    "PARTNER_URL", stackSettings.partnerUrl() + "/", "CRM_URL", stackSettings.crmUrl(),
                    "PARTNER_ADMIN_TOKEN", LocalStack.PARTNER_ADMIN_TOKEN,
                    "CRM_ADMIN_TOKEN", LocalStack.CRM_ADMIN_TOKEN,
                    "TOKENS_FILE", seedDir.resolve("tokens.properties").toString(), "SEED_WAIT", "PT60S"));

            ByteArrayOutputStream first = new ByteArrayOutputStream();
            assertThat(SeedDemoData.run(settings, new PrintStream(first, true, StandardCharsets.UTF_8))).isTrue();
            SeedFile seeds = SeedFile.load(settings.tokensFile());
            String alice = seeds.get("partner-user.alice.token").orElseThrow();
            String printed = first.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Alice Archer <alice@acme-partners.example>  token " + alice)
                    .contains("Rita Reyes").contains("admin rep Ada Admin <ada@vendor.example>").contains("sign-in link " + stackSettings.partnerUrl() + "/invitations/")
                    .contains("sign-in link " + stackSettings.crmUrl() + "/invitations/");
            assertThat(get(stackSettings.partnerUrl() + "/api/me", alice).statusCode()).isEqualTo(200);

            ByteArrayOutputStream second = new ByteArrayOutputStream();
            assertThat(SeedDemoData.run(settings, new PrintStream(second, true, StandardCharsets.UTF_8))).isTrue();
            assertThat(SeedFile.load(settings.tokensFile()).get("partner-user.alice.token")).contains(alice);
            assertThat(get(stackSettings.crmUrl() + "/api/products",
                    seeds.get("sales-rep.rita.token").orElseThrow()).body()).contains("\"total\":4");
        }
    }

    @Test
    void refusesToStartWithoutTheAdminTokens() {
        assertThatThrownBy(() -> SeedDemoData.Settings.from(Map.of("CRM_ADMIN_TOKEN", "x")))
                .hasMessageContaining("PARTNER_ADMIN_TOKEN is required");
        assertThatThrownBy(() -> SeedDemoData.Settings.from(Map.of("PARTNER_ADMIN_TOKEN", "x",
                "CRM_ADMIN_TOKEN", "y", "SEED_WAIT", "five minutes"))).hasMessageContaining("SEED_WAIT");
        assertThat(SeedDemoData.Settings.from(Map.of("PARTNER_ADMIN_TOKEN", "x", "CRM_ADMIN_TOKEN", "y")))
                .isEqualTo(new SeedDemoData.Settings("http://127.0.0.1:8081", "http://127.0.0.1:8082", "x", "y",
                        Path.of("data/tokens.properties"), Duration.ofMinutes(5)));
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
