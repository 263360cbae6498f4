package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The CRM workspace's pages for every rep, in a real browser (headless chromium): every page, an admin's included,
 * labels every field and fits a phone's 390 px without sideways scrolling (and 1280 px), with refusals shown next to
 * their fields too; the pages speak Swedish from the page's switch and from the browser's Accept-Language. Skipped
 * (not failed) where chromium or chromedriver is missing.
 */
class CrmAccessibilityBrowserTest extends BrowserSystemTest {

    private static CrmSteps steps;
    private static PageChecks checks;

    @BeforeAll
    static void steps() {
        steps = new CrmSteps(system, browser);
        checks = new PageChecks(browser);
    }

    @BeforeEach
    void signedOut() {
        browser.open(system.crmUrl() + "/sign-in");
        browser.driver.manage().deleteAllCookies();
        browser.phoneWidth(false);
    }

    @Test
    void everyWorkspacePageLabelsEveryFieldAndFitsAPhoneAndADesk() {
        PartnerUser partner = system.newPartner("Accessible Workspace Partners", 5);
        String email = "alma.admin-" + UUID.randomUUID() + "@vendor.test";
        ApiResponse admin = ok(system.crm().post("/admin/sales-reps", CRM_ADMIN,
                Map.of("name", "Alma Admin", "email", email, "admin", true)), 201);
        Rep rep = new Rep(admin.json("/id"), "Alma Admin", admin.json("/token"), email,
                admin.json("/invitationUrl"));
        String unshared = steps.crmDeal(rep, "Labelled deal not shared");
        String toConvert = steps.crmDeal(rep, "Labelled deal to convert");
        String shared = steps.crmDeal(rep, "Labelled shared deal");
        String sharedDealId = steps.converted(rep, partner, shared);
        String noteId = ok(system.partner().post("/api/shared-deals/" + sharedDealId + "/shared-notes",
                partner.token(), Map.of("body", "A partner note with a picture and a comment")), 201).json("/id");
        ok(system.partner().postMultipart("/api/shared-deals/" + sharedDealId + "/shared-notes/" + noteId
                        + "/attachments", partner.token(), "file", "a-rather-long-file-name-for-a-phone-screen.png",
                "image/png", PortalSteps.png(640, 480, false)), 201);
        ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/shared-notes/" + noteId + "/comments",
                rep.token(), Map.of("body", "A comment from the rep")), 201);

        browser.open(rep.invitationUrl());
        checks.assertAccessibleAtBothWidths("the invitation page");
        steps.signIn(rep);
        browser.byTestId("sign-out").click();
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().contains("/sign-in"));
        steps.submitSignIn(email, "not the password");
        browser.awaitTestId("sign-in-error");
        checks.assertAccessibleAtBothWidths("the sign-in page with its error");
        steps.submitSignIn(email, PASSWORD);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().equals(system.crmUrl() + "/"));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("the deals", "/");
        pages.put("the shared deals", "/?shared=yes");
        pages.put("a deal not shared", "/deals/" + unshared);
        pages.put("the convert panel", "/deals/" + toConvert + "/convert");
        pages.put("a shared deal", "/deals/" + shared);
        pages.put("the Shared tab", "/deals/" + shared + "/shared");
        pages.put("sync health", "/settings/sync-health");
        pages.put("sales reps", "/settings/sales-reps");
        pages.put("products", "/settings/products");
        pages.forEach((page, path) -> {
            browser.open(system.crmUrl() + path);
            browser.awaitTestId("signed-in-as");
            checks.assertAccessibleAtBothWidths(page);
        });
        browser.open(system.crmUrl() + "/deals/" + UUID.randomUUID());
        browser.awaitTestId("error-page");
        checks.assertAccessibleAtBothWidths("a page that is not there");
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            browser.open(system.crmUrl() + "/deals/" + shared + "/shared");
            return !browser.allByTestId("attachment-thumbnail").isEmpty();
        });
        checks.assertAccessibleAtBothWidths("the Shared tab with the partner's picture");

        // refusals shown next to their fields keep the labels
        browser.open(system.crmUrl() + "/deals/" + toConvert + "/convert");
        new Select(browser.field("partnerId")).selectByValue(partner.partnerId());
        browser.byTestId("next").click(); // not confirmed that the partner was contacted
        browser.awaitTestId("contactedPartnerConfirmed-error");
        assertThat(browser.driver.findElements(By.cssSelector("[aria-invalid=true]"))).isNotEmpty();
        checks.assertAccessibleAtBothWidths("the convert panel with its errors");
        browser.open(system.crmUrl() + "/deals/" + shared + "/shared");
        browser.type("body", "   ");
        browser.byTestId("save-note").click();
        browser.awaitTestId("body-error");
        checks.assertAccessibleAtBothWidths("the Shared tab with its error");
    }

    @Test
    void theWorkspaceSpeaksSwedishFromTheSwitchAndFromTheBrowsersLanguage() {
        steps.signIn(system.newRep("Sven Svensson"));

        browser.driver.findElement(By.cssSelector("header a[lang='sv']")).click();
        await().atMost(WAIT).until(() -> heading().equals("Affärer"));
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("sv");
        browser.driver.findElement(By.cssSelector("header a[lang='en']")).click();
        await().atMost(WAIT).until(() -> heading().equals("Deals"));

        // no choice made in the page: the browser's Accept-Language decides, signed in or not
        browser.driver.manage().deleteCookieNamed("dealbridge-language");
        browser.acceptLanguage("sv-SE,sv;q=0.9,en;q=0.5");
        try {
            browser.open(system.crmUrl() + "/");
            assertThat(heading()).isEqualTo("Affärer");
            browser.driver.manage().deleteAllCookies();
            browser.open(system.crmUrl() + "/sign-in");
            assertThat(heading()).isEqualTo("Logga in");
        } finally {
            browser.acceptLanguage("en-US,en;q=0.9");
        }
        browser.open(system.crmUrl() + "/sign-in");
        assertThat(heading()).isEqualTo("Sign in");
    }

    private static String heading() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

}
