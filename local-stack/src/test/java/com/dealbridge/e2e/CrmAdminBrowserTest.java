package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.kit.test.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The CRM workspace's admin pages in a real browser (headless chromium), against both services, one real broker and
 * both stores: an admin rep (created with {@code admin: true}) signs in through the invitation link, opens *Sync
 * health* from the header, sees the reason of a dead letter (a record the CRM's inbox cannot read, produced to its
 * topic), replays it (it fails again, with its error shown), and adds a product on *Products* that the catalogue
 * then offers. Skipped (not failed) where chromium or chromedriver is missing.
 */
class CrmAdminBrowserTest extends BrowserSystemTest {

    @Test
    void anAdminRepSeesADeadLettersReasonReplaysItAndAddsAProduct() throws Exception {
        String email = "ada.admin-" + UUID.randomUUID() + "@vendor.test";
        ApiResponse admin = ok(system.crm().post("/admin/sales-reps", CRM_ADMIN,
                Map.of("name", "Ada Admin", "email", email, "admin", true)), 201);
        assertThat(admin.json("/admin")).isEqualTo("true");
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            probe.send(Topics.PARTNER_SHARED_DEAL_EVENTS, key, "not an event".getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(WAIT).until(() -> system.crm().get("/admin/sync/status", CRM_ADMIN).bodyAsString()
                .contains("\"key\":\"" + key + "\""));
        new CrmSteps(system, browser).signIn("Ada Admin", email, admin.json("/invitationUrl"));

        browser.byTestId("nav-sync-health").click();
        browser.awaitTestId("sync-health");
        WebElement deadLetter = deadLetterOf(key);
        assertThat(deadLetter.findElement(By.cssSelector("[data-testid='dead-letter-reason']"))
                .getText()).isNotBlank();

        browser.byTestId("replay").click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.byTestId("flash").getText()
                .startsWith("Replay done:"));
        assertThat(deadLetterOf(key).findElement(By.cssSelector(
                "[data-testid='dead-letter-replay-error']")).getText()).as("it still cannot be read").isNotBlank();
        browser.screenshot("crm-sync-health");

        browser.byTestId("nav-products").click();
        browser.awaitTestId("new-product");
        String sku = "ADMIN-" + UUID.randomUUID().toString().substring(0, 8);
        browser.type("name", "Admin Suite");
        browser.type("sku", sku);
        browser.type("unitPrice", "2500.00");
        browser.byTestId("create-product").click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.byTestId("flash").getText().contains(sku));
        assertThat(browser.allByTestId("product-row")).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains(sku).contains("2500.00"));
        await().atMost(WAIT).until(() -> system.crm().get("/api/products?size=500", admin.json("/token"))
                .bodyAsString().contains("\"sku\":\"" + sku + "\""));
    }

    /** The open Sync health page's row of the dead letter of the record sent with this key. */
    private static WebElement deadLetterOf(String key) {
        return browser.allByTestId("dead-letter").stream().filter(row -> row.getText().contains(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter of " + key + " on the page"));
    }
}
