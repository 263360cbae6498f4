package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The partner portal in a real browser (headless chromium), against both services, one real broker and both
 * stores: sign-in through the invitation link, registration from a contact, the rep's assignment and the CRM's
 * notes appearing on the open page without a reload, a shared note and a comment reaching the CRM; a picture
 * attached on the note editor reaching the CRM and shown as a thumbnail, the bell counting the rep's answer and its
 * notification opening the deal, a private note the CRM never sees; CSRF refusal, sign-in lockout
 * and another partner's deal answering 404. Skipped (not failed) where chromium or chromedriver is not installed.
 */
class PartnerPortalBrowserTest extends BrowserSystemTest {

    private static Rep rep;
    private static PortalSteps steps;

    @BeforeAll
    static void newRep() {
        rep = system.newRep("Rita Browser");
        steps = new PortalSteps(system, browser);
    }

    @BeforeEach
    void signedOut() {
        browser.open(system.partnerUrl() + "/sign-in");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void partnerRegistersFromAContactAndFollowsTheDealLiveWithTheCrm() {
        PartnerUser user = system.newPartner("Browser Partners", 5);
        String contactId = steps.contact(user, "Gina", "Globex");
        signIn(user, true);
        assertThat(browser.byTestId("signed-in-as").getText()).isEqualTo(user.name());

        // The CRM is down while the partner registers: the rep can only arrive later, on the open page.
        system.stopCrm();
        browser.open(system.partnerUrl() + "/contacts/" + contactId);
        browser.awaitTestId("shared-deal-card");
        browser.byTestId("add-shared-deal").click();
        browser.awaitTestId("next");
        browser.type("dealName", "Globex rollout");
        browser.type("amount", "12000.00");
        browser.setValue("closeDate", "2030-06-30");
        browser.byTestId("next").click();
        browser.awaitTestId("create-shared-deal");
        browser.type("introNote", "Met at the trade fair");
        browser.type("painOrOpportunity", "Their spreadsheets do not scale");
        browser.type("nextSteps", "Demo next week");
        browser.screenshot("registration");
        browser.byTestId("create-shared-deal").click();
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().contains("/shared-deals/"));
        String sharedDealId = browser.driver.getCurrentUrl().replaceAll(".*/shared-deals/([^/?#]+).*", "$1");
        assertThat(browser.byTestId("assigned-rep").getText()).isEqualTo("Not assigned yet");
        awaitConnected();
        browser.markDocument();

        system.startCrm();
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> browser.byTestId("assigned-rep").getText().equals(rep.name()));
        assertThat(browser.stillTheSameDocument()).as("the rep appeared without a reload").isTrue();
        browser.screenshot("shared-deal");

        browser.byTestId("shared-tab").click();
        browser.awaitTestId("save-note");
        browser.type("body", "Partner here: the customer wants a demo");
        browser.byTestId("save-note").click();
        await().atMost(WAIT).ignoreExceptions().until(() -> noteBodies().contains("Partner here: the customer wants a demo"));
        await().atMost(WAIT).until(() -> system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-notes",
                rep.token()).bodyAsString().contains("Partner here: the customer wants a demo"));

        awaitConnected();
        browser.markDocument();
        long sent = System.nanoTime();
        ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token(),
                Map.of("body", "Vendor here: demo booked for Tuesday")), 201);
        await().atMost(LIVE).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> noteBodies().contains("Vendor here: demo booked for Tuesday"));
        long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
        System.out.println("browser test: a CRM note appeared on the open Shared tab " + millis + " ms after the CRM"
                + " answered its POST");
        assertThat(browser.stillTheSameDocument()).as("the CRM note appeared without a reload").isTrue();

        WebElement vendorNote = browser.allByTestId("shared-note").stream()
                .filter(note -> note.getText().contains("Vendor here")).findFirst().orElseThrow();
        vendorNote.findElement(org.openqa.selenium.By.name("body")).sendKeys("Tuesday works for us");
        vendorNote.findElement(org.openqa.selenium.By.cssSelector("[data-testid='add-comment']")).click();
        await().atMost(WAIT).ignoreExceptions().until(() -> commentTexts().stream()
                .anyMatch(comment -> comment.endsWith(": Tuesday works for us")));
        await().atMost(WAIT).until(() -> system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-notes",
                rep.token()).bodyAsString().contains("Tuesday works for us"));

        // the rep's comment on the partner's note and a picture on their own note reach the open tab without a
        // reload (the picture once its bytes have crossed, AVAILABLE on the portal)
        awaitConnected();
        browser.markDocument();
        String partnerNoteId = noteId(sharedDealId, "Partner here");
        String vendorNoteId = noteId(sharedDealId, "Vendor here");
        ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/shared-notes/" + partnerNoteId + "/comments",
                rep.token(), Map.of("body", "Demo room is booked")), 201);
        ok(system.crm().postMultipart("/api/shared-deals/" + sharedDealId + "/shared-notes/" + vendorNoteId
                + "/attachments", rep.token(), "file", "vendor-agenda.png", "image/png",
                PortalSteps.png(80, 60, false)), 201);
        await().atMost(LIVE).ignoreExceptions().until(() -> commentTexts().stream()
                .anyMatch(comment -> comment.endsWith(": Demo room is booked")));
        WebElement vendorPicture = await().atMost(LIVE).ignoreExceptions()
                .until(() -> browser.byTestId("attachment-thumbnail"), java.util.Objects::nonNull);
        assertThat(vendorPicture.getAttribute("alt")).isEqualTo("vendor-agenda.png");
        // looked up on each try: a live refresh of the timeline may replace the element meanwhile
        await().atMost(WAIT).ignoreExceptions().until(() -> ((Number) browser.script(
                "return arguments[0].naturalWidth;", browser.byTestId("attachment-thumbnail"))).intValue() == 80);
        assertThat(browser.stillTheSameDocument()).as("the rep's comment and picture arrived without a reload")
                .isTrue();
        browser.script("var notes = document.querySelectorAll(\"[data-testid='shared-note']\");"
                + "notes[notes.length - 1].scrollIntoView({block: 'center'});");
        browser.screenshot("shared-tab");

        browser.open(system.partnerUrl() + "/");
        assertThat(browser.allByTestId("deal-row")).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("Globex rollout").contains(rep.name()));
        browser.screenshot("deals-home");
        browser.phoneWidth(true);
        browser.screenshot("deals-home-phone");
        browser.phoneWidth(false);
    }

    @Test
    void partnerSharesAPictureFollowsTheBellToTheDealAndKeepsAPrivateNoteFromTheCrm() throws Exception {
        PartnerUser user = system.newPartner("Picture Partners", 5);
        String sharedDealId = steps.registered(user, "Umbrella floor plan");
        signIn(user, false);
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "/shared");
        browser.awaitTestId("save-note");

        // refused in the page before anything is sent: the size is over the limit
        Path huge = Files.createTempFile("dealbridge-huge-", ".png");
        Path picture = Files.createTempFile("dealbridge-floor-plan-", ".png");
        try {
            Files.write(huge, new byte[21 * 1024 * 1024]);
            Files.write(picture, PortalSteps.png(64, 48, false));
            browser.byTestId("attach-file").sendKeys(huge.toString());
            await().atMost(WAIT).until(() -> browser.byTestId("file-error").getText().contains("is too large"));
            browser.script("arguments[0].value = '';", browser.byTestId("attach-file"));

            browser.type("body", "Floor plan for the demo");
            browser.byTestId("attach-file").sendKeys(picture.toString());
            assertThat(browser.byTestId("file-error").getText()).isEmpty();
            browser.byTestId("save-note").click();
            browser.awaitTestId("attachment-thumbnail");
            // looked up on each try: the save's own change refreshes the open timeline, which may replace it
            await().atMost(WAIT).ignoreExceptions().until(() -> ((Number) browser.script(
                    "return arguments[0].naturalWidth;", browser.byTestId("attachment-thumbnail"))).intValue() == 64);
        } finally {
            Files.deleteIfExists(huge);
            Files.deleteIfExists(picture);
        }
        String fileName = picture.getFileName().toString();
        await().atMost(WAIT).until(() -> "AVAILABLE".equals(system.crm().get("/api/shared-deals/" + sharedDealId
                + "/shared-notes", rep.token()).json("/items/0/attachments/0/status")));
        assertThat(system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token())
                .json("/items/0/attachments/0/fileName")).isEqualTo(fileName);
        assertThat(browser.allByTestId("delete-note")).as("the partner's own note").hasSize(1);
        assertThat(browser.allByTestId("delete-attachment")).hasSize(1);

        // the rep answers: the recipient's bell counts it, and its notification opens the deal. The CRM's automatic
        // assignment notified the partner already: read through the API, so the bell starts at 0.
        await().atMost(WAIT).until(() -> system.partner().get("/api/notifications", user.token()).bodyAsString()
                .contains("REP_ASSIGNED"));
        system.partner().get("/api/notifications?unread=true", user.token()).node("/items")
                .forEach(n -> ok(system.partner().post("/api/notifications/" + n.get("id").asString() + "/read",
                        user.token(), Map.of()), 200));
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "/shared");
        assertThat(browser.awaitTestId("unread-count").getText()).isEqualTo("0");
        awaitConnected();
        ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token(),
                Map.of("body", "Thanks, the plan helps")), 201);
        await().atMost(WAIT).ignoreExceptions().until(() -> noteBodies().contains("Thanks, the plan helps"));
        WebElement vendorNote = browser.allByTestId("shared-note").stream()
                .filter(note -> note.getText().contains("Thanks, the plan helps")).findFirst().orElseThrow();
        assertThat(vendorNote.findElements(org.openqa.selenium.By.cssSelector("[data-testid='read-only']")))
                .hasSize(1);
        assertThat(vendorNote.findElements(org.openqa.selenium.By.cssSelector("[data-testid='delete-note']")))
                .isEmpty();
        browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.byTestId("attachment-thumbnail"));
        browser.screenshot("shared-tab-picture");
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.byTestId("unread-count").getText().equals("1"));
        browser.byTestId("notification-bell").click();
        browser.awaitTestId("open-notification");
        assertThat(browser.byTestId("notification").getText()).contains("New shared note from " + rep.name());
        browser.screenshot("notifications");
        browser.byTestId("open-notification").click();
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().endsWith("/shared-deals/" + sharedDealId));
        assertThat(browser.awaitTestId("unread-count").getText()).isEqualTo("0");

        // a private note stays on the Notes tab: the CRM never sees it
        browser.byTestId("notes-tab").click();
        browser.awaitTestId("save-private-note");
        assertThat(browser.byTestId("never-shared").getText()).contains("never shared");
        browser.type("body", "Their real budget is 40k");
        browser.byTestId("save-private-note").click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.byTestId("private-note-body").getText()
                .equals("Their real budget is 40k"));
        browser.screenshot("notes-tab");
        // a shared note written after it reaches the CRM: the deal's events arrive in order, so the private note
        // would have arrived before it
        ok(system.partner().post("/api/shared-deals/" + sharedDealId + "/shared-notes", user.token(),
                Map.of("body", "A later shared note")), 201);
        await().atMost(WAIT).until(() -> system.crm().get("/api/shared-deals/" + sharedDealId
                + "/shared-notes", rep.token()).bodyAsString().contains("A later shared note"));
        assertThat(system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token())
                .bodyAsString()).doesNotContain("40k");
        assertThat(system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-activity", rep.token())
                .bodyAsString()).doesNotContain("40k");

        browser.byTestId("nav-settings").click();
        browser.awaitTestId("communication-settings");
        browser.screenshot("communication-settings");
    }

    @Test
    void theRecipientsMailLinkLandsOnTheDealAfterSignInWhereAPurchasedQuoteShowsTheWonBannerLive() throws Exception {
        PartnerUser user = system.newPartner("Buying Browser Partners", 5);
        String sharedDealId = steps.registered(user, "Initrode licences");
        // the CRM assigns a rep: the recipient (the partner's only user) is mailed a link to the deal
        await().atMost(WAIT).until(() -> !system.mailsTo(user.email()).isEmpty());
        String mail = String.valueOf(system.mailsTo(user.email()).get(0).getContent());
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+(/deals/[\\w-]+)")
                .matcher(mail);
        assertThat(link.find()).as("a deal link in %s", mail).isTrue();

        steps.setPassword(user);
        browser.open(system.partnerUrl() + link.group(1)); // the mail names the deployed portal; here it runs elsewhere
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().contains("/sign-in"));
        steps.fillSignIn(user.email(), PASSWORD);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl()
                .equals(system.partnerUrl() + "/shared-deals/" + sharedDealId));
        assertThat(browser.byTestId("deal-name").getText()).isEqualTo("Initrode licences");
        assertThat(browser.allByTestId("banner")).isEmpty();

        String product = ok(system.crm().post("/admin/products", DealbridgeSystem.CRM_ADMIN, Map.of("name",
                "Initrode Seat", "sku", "SKU-" + UUID.randomUUID(), "unitPrice", "120.00")), 201).json("/id");
        awaitConnected();
        browser.markDocument();
        String quoteId = ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/quotes", rep.token(),
                Map.of("title", "Initrode year one", "lineItems", List.of(Map.of("productId", product,
                        "quantity", 10)))), 201).json("/id");
        await().atMost(LIVE).ignoreExceptions().until(() -> browser.byTestId("quote").getText()
                .equals("Initrode year one · 1200.00 USD · published"));
        ok(system.crm().post("/api/quotes/" + quoteId + "/purchase", rep.token(), null), 200);
        WebElement banner = await().atMost(LIVE).ignoreExceptions()
                .until(() -> browser.byTestId("banner"), java.util.Objects::nonNull);
        assertThat(banner.getText()).isEqualTo(
                "The customer has purchased \"Initrode year one\" (1200.00 USD). This deal is closed won.");
        assertThat(banner.getAttribute("class")).contains("won");
        assertThat(browser.byTestId("deal-status").getText()).isEqualTo("Closed won");
        assertThat(browser.byTestId("quote").getText()).endsWith("· purchased");
        assertThat(browser.allByTestId("withdraw")).as("a closed deal cannot be withdrawn").isEmpty();
        assertThat(browser.stillTheSameDocument()).as("the quote and the banner arrived without a reload").isTrue();
        browser.screenshot("shared-deal-won");

        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "?lang=sv");
        assertThat(browser.byTestId("banner").getText())
                .isEqualTo("Kunden har köpt \"Initrode year one\" (1200.00 USD). Affären är vunnen.");
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "?lang=en");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        PartnerUser user = system.newPartner("Csrf Partners", 5);
        String sharedDealId = steps.registered(user, "Csrf deal");
        signIn(user, false);
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "/shared");
        Object status = browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', redirect: 'manual', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded'}, body: 'body=forged'}).then(r => done(r.status));",
                "/shared-deals/" + sharedDealId + "/shared-notes");
        assertThat(status).isEqualTo(403L);
        assertThat(system.partner().get("/api/shared-deals/" + sharedDealId + "/shared-notes", user.token())
                .bodyAsString()).doesNotContain("forged");
    }

    @Test
    void anotherPartnersDealPageAnswersNotFound() {
        PartnerUser owner = system.newPartner("Owner Partners", 5);
        String theirs = steps.registered(owner, "Not yours");
        signIn(system.newPartner("Nosy Partners", 5), false);
        browser.open(system.partnerUrl() + "/shared-deals/" + theirs);
        assertThat(browser.awaitTestId("not-found").isDisplayed()).isTrue();
        assertThat(browser.driver.getPageSource()).doesNotContain("Not yours");
        Object status = browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status));", "/shared-deals/" + theirs);
        assertThat(status).isEqualTo(404L);
    }

    @Test
    void repeatedFailedSignInsLockTheAddressEvenForTheRightPassword() {
        PartnerUser user = system.newPartner("Locked Partners", 5);
        signIn(user, false);
        browser.driver.manage().deleteAllCookies();
        for (int attempt = 0; attempt < 5; attempt++) {
            steps.submitSignIn(user.email(), "wrong password " + attempt);
            assertThat(browser.awaitTestId("sign-in-error").getText()).contains("not right");
        }
        steps.submitSignIn(user.email(), PASSWORD);
        assertThat(browser.awaitTestId("sign-in-locked").isDisplayed()).isTrue();
        assertThat(browser.driver.getCurrentUrl()).contains("/sign-in");
    }

    private void signIn(PartnerUser user, boolean screenshots) {
        steps.setPassword(user);
        if (screenshots) {
            browser.screenshot("sign-in");
        }
        steps.submitSignIn(user.email(), PASSWORD);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().equals(system.partnerUrl() + "/"));
    }

    /** The id of the deal's shared note (as the CRM lists them) whose text starts so. */
    private static String noteId(String sharedDealId, String start) {
        for (var note : system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token())
                .node("/items")) {
            if (note.get("body").asString().startsWith(start)) {
                return note.get("id").asString();
            }
        }
        throw new AssertionError("no note starting " + start);
    }

    private List<String> commentTexts() {
        return browser.allByTestId("comment").stream().map(WebElement::getText).toList();
    }
}
