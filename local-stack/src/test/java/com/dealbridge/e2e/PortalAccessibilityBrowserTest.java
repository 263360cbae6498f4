package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.interactions.Actions;

/**
 * The partner portal's pages for everyone, in a real browser: every page labels every field and fits a phone's
 * 390 px without sideways scrolling (and 1280 px); a lead is registered and a note written, edited and deleted
 * from the keyboard alone, with a focus ring that can be seen, the delete's confirmation answered from the
 * keyboard too; the pages speak Swedish from the page's switch and from the browser's Accept-Language.
 */
class PortalAccessibilityBrowserTest extends BrowserSystemTest {

    private static PortalSteps steps;
    private static PageChecks checks;

    @BeforeAll
    static void steps() {
        steps = new PortalSteps(system, browser);
        checks = new PageChecks(browser);
    }

    @BeforeEach
    void signedOut() {
        browser.open(system.partnerUrl() + "/sign-in");
        browser.driver.manage().deleteAllCookies();
        browser.phoneWidth(false);
    }

    @Test
    void everyPageLabelsEveryFieldAndFitsAPhoneAndADesk() {
        PartnerUser user = system.newPartner("Accessible Partners", 5);
        String contactId = steps.contact(user, "Lena", "Label");
        String sharedDealId = steps.registered(user, "Labelled deal");
        String noteId = ok(system.partner().post("/api/shared-deals/" + sharedDealId + "/shared-notes",
                user.token(), Map.of("body", "A note with a picture and a comment")), 201).json("/id");
        ok(system.partner().postMultipart("/api/shared-deals/" + sharedDealId + "/shared-notes/" + noteId
                        + "/attachments", user.token(), "file", "a-rather-long-file-name-for-a-phone-screen.png",
                "image/png", PortalSteps.png(640, 480, false)), 201);
        ok(system.partner().post("/api/shared-deals/" + sharedDealId + "/shared-notes/" + noteId + "/comments",
                user.token(), Map.of("body", "A comment")), 201);
        String unshared = ok(system.partner().post("/api/deals", user.token(), Map.of("name", "Not shared deal",
                "amount", "10.00", "closeDate", "2030-01-01", "contactIds", List.of(contactId),
                "companyIds", List.of())), 201).json("/id");

        browser.open(user.invitationUrl());
        checks.assertAccessibleAtBothWidths("the invitation page");
        steps.signIn(user);
        browser.byTestId("sign-out").click();
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().contains("/sign-in"));
        checks.assertAccessibleAtBothWidths("the sign-in page");
        steps.submitSignIn(user.email(), "not the password");
        browser.awaitTestId("sign-in-error");
        checks.assertAccessibleAtBothWidths("the sign-in page with its error");
        steps.submitSignIn(user.email(), PASSWORD);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().equals(system.partnerUrl() + "/"));

        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("the deals home", "/");
        pages.put("all deals", "/?view=all");
        pages.put("the contacts", "/contacts");
        pages.put("a contact", "/contacts/" + contactId);
        pages.put("the registration panel", "/contacts/" + contactId + "/shared-deal");
        pages.put("a shared deal", "/shared-deals/" + sharedDealId);
        pages.put("the Shared tab", "/shared-deals/" + sharedDealId + "/shared");
        pages.put("the Notes tab", "/shared-deals/" + sharedDealId + "/notes");
        pages.put("product interest", "/shared-deals/" + sharedDealId + "/product-interest");
        pages.put("a deal not shared", "/deals/" + unshared);
        pages.put("communication settings", "/settings/partners/communication");
        pages.put("notifications", "/notifications");
        pages.put("a page that is not there", "/shared-deals/" + UUID.randomUUID());
        pages.forEach((page, path) -> {
            browser.open(system.partnerUrl() + path);
            browser.awaitTestId("signed-in-as");
            checks.assertAccessibleAtBothWidths(page);
        });

        // refusals shown next to their fields keep the labels
        browser.open(system.partnerUrl() + "/contacts/" + contactId + "/shared-deal");
        browser.byTestId("next").click();
        browser.awaitTestId("next");
        assertThat(browser.driver.findElements(By.cssSelector("[aria-invalid=true]"))).isNotEmpty();
        checks.assertAccessibleAtBothWidths("the registration panel with its errors");
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "/shared");
        browser.type("body", "   ");
        browser.byTestId("save-note").click();
        browser.awaitTestId("body-error");
        checks.assertAccessibleAtBothWidths("the Shared tab with its error");
        browser.phoneWidth(true);
        browser.screenshot("shared-tab-phone");
        browser.phoneWidth(false);
    }

    @Test
    void aLeadIsRegisteredAndANoteWrittenEditedAndDeletedFromTheKeyboardWithTheFocusInSight() {
        PartnerUser user = system.newPartner("Keyboard Partners", 5);
        String contactId = steps.contact(user, "Kim", "Keys");
        steps.signIn(user);

        browser.open(system.partnerUrl() + "/contacts/" + contactId);
        checks.tabTo("nav-deals", 10);
        checks.assertFocusVisible(); // on the dark header
        checks.tabTo("add-shared-deal", 20);
        checks.assertFocusVisible(); // on the white card
        press(Keys.ENTER);
        browser.awaitTestId("next");
        browser.type("dealName", "Keyboard deal");
        browser.type("amount", "900.00");
        browser.setValue("closeDate", "2030-05-31");
        browser.field("amount").sendKeys(Keys.ENTER); // Enter in a field sends its form
        browser.awaitTestId("create-shared-deal");
        browser.type("introNote", "Met them online");
        browser.type("painOrOpportunity", "Too many tools");
        browser.type("nextSteps", "A call");
        checks.tabTo("create-shared-deal", 3);
        checks.assertFocusVisible();
        press(Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().contains("/shared-deals/"));

        checks.tabTo("shared-tab", 20);
        press(Keys.ENTER);
        browser.awaitTestId("save-note");
        browser.type("body", "Typed from the keyboard");
        checks.tabTo("save-note", 5);
        checks.assertFocusVisible();
        press(Keys.ENTER);
        await().atMost(WAIT).ignoreExceptions().until(() -> noteBodies().equals(List.of("Typed from the keyboard")));

        // the note's edit panel opens from the keyboard (a disclosure: Enter on its summary)
        browser.script("arguments[0].focus();", browser.byTestId("add-shared-message"));
        checks.tabTo("edit-note", 10);
        checks.assertFocusVisible();
        press(Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.byTestId("edit-note-body").isDisplayed());
        checks.tabTo("edit-note-body", 3);
        press(Keys.END);
        new Actions(browser.driver).sendKeys(", then edited").perform();
        checks.tabTo("save-edit", 3);
        press(Keys.ENTER);
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> noteBodies().equals(List.of("Typed from the keyboard, then edited")));

        // deleting asks first; the question is answered from the keyboard: Escape keeps the note, Enter deletes
        browser.script("arguments[0].focus();", browser.byTestId("add-shared-message"));
        checks.tabTo("delete-note", 15);
        checks.assertFocusVisible();
        press(Keys.ENTER);
        assertThat(browser.driver.switchTo().alert().getText()).isNotBlank();
        browser.driver.switchTo().alert().dismiss();
        assertThat(noteBodies()).hasSize(1);
        browser.script("arguments[0].focus();", browser.byTestId("delete-note"));
        press(Keys.ENTER);
        browser.driver.switchTo().alert().accept();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.allByTestId("shared-note").isEmpty());
    }

    @Test
    void thePagesSpeakSwedishFromTheSwitchAndFromTheBrowsersLanguage() {
        PartnerUser user = system.newPartner("Svenska Partners", 5);
        steps.signIn(user);

        browser.driver.findElement(By.cssSelector("header a[lang='sv']")).click();
        await().atMost(WAIT).until(() -> heading().equals("Affärer"));
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("sv");
        browser.byTestId("nav-contacts").click();
        await().atMost(WAIT).until(() -> heading().equals("Kontakter"));
        browser.driver.findElement(By.cssSelector("header a[lang='en']")).click();
        await().atMost(WAIT).until(() -> heading().equals("Contacts"));

        // no choice made in the page: the browser's Accept-Language decides, signed in or not
        browser.driver.manage().deleteCookieNamed("dealbridge-language");
        browser.acceptLanguage("sv-SE,sv;q=0.9,en;q=0.5");
        try {
            browser.open(system.partnerUrl() + "/");
            assertThat(heading()).isEqualTo("Affärer");
            browser.driver.manage().deleteAllCookies();
            browser.open(system.partnerUrl() + "/sign-in");
            assertThat(heading()).isEqualTo("Logga in");
        } finally {
            browser.acceptLanguage("en-US,en;q=0.9");
        }
        browser.open(system.partnerUrl() + "/sign-in");
        assertThat(heading()).isEqualTo("Sign in");
    }

    private static String heading() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    /** One key pressed on whatever has the focus; a confirmation it opens is left for the test to answer. */
    private static void press(CharSequence key) {
        try {
            new Actions(browser.driver).sendKeys(key).perform();
        } catch (UnhandledAlertException expected) {
            // the key opened a confirmation: the caller answers it
        }
    }
}
