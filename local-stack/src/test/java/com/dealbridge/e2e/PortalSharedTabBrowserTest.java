package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The portal's Shared tab at work in a real browser, against both services: a file dropped on the note editor is
 * listed, a refused type is shown next to the field, the upload's progress bar moves and ends full, and the file
 * reaches the CRM; a change that arrives while the tab is still fetching the previous one is not lost.
 */
class PortalSharedTabBrowserTest extends BrowserSystemTest {

    private static Rep rep;
    private static PortalSteps steps;

    @BeforeAll
    static void repAndSteps() {
        rep = system.newRep("Rita SharedTab");
        steps = new PortalSteps(system, browser);
    }

    @BeforeEach
    void signedOut() {
        browser.open(system.partnerUrl() + "/sign-in");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void aFileDroppedOnTheNoteEditorIsListedSentWithProgressAndReachesTheCrm() {
        PartnerUser user = system.newPartner("Drop Partners", 5);
        String sharedDealId = steps.registered(user, "Hooli drop");
        steps.signIn(user);
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "/shared");
        browser.awaitTestId("save-note");
        browser.type("body", "Site survey attached");
        WebElement zone = browser.byTestId("drop-zone");

        // a type that may not be attached is refused in the page, next to the field, as soon as it is dropped
        drop(zone, "setup.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0, 0});
        assertThat(browser.byTestId("file-error").getText()).contains("setup.exe is not a type that can be attached");
        assertThat(browser.byTestId("attach-file").getAttribute("aria-invalid")).isEqualTo("true");

        // a picture large enough that sending it takes a while on a throttled line: the bar moves, then ends full
        byte[] survey = PortalSteps.png(600, 600, true);
        drop(zone, "site-survey.png", "image/png", survey);
        assertThat(browser.byTestId("file-error").getText()).isEmpty();
        assertThat(browser.allByTestId("chosen-file")).extracting(WebElement::getText)
                .containsExactly("site-survey.png (" + (survey.length >= 1048576
                        ? String.format(java.util.Locale.ROOT, "%.1f MB", survey.length / 1048576.0)
                        : Math.round(survey.length / 1024.0) + " KB") + ")");
        assertThat(browser.byTestId("upload-progress").isDisplayed()).as("no bar before sending").isFalse();
        browser.script("""
                var bar = arguments[0];
                sessionStorage.setItem('progress', '[]');
                new MutationObserver(function () {
                  var seen = JSON.parse(sessionStorage.getItem('progress'));
                  seen.push({shown: !bar.hidden, value: bar.value, now: bar.getAttribute('aria-valuenow')});
                  sessionStorage.setItem('progress', JSON.stringify(seen));
                }).observe(bar, {attributes: true});""", browser.byTestId("upload-progress"));
        throttleUploads(survey.length / 3);
        try {
            browser.byTestId("save-note").click();
            browser.awaitTestId("attachment-thumbnail");
        } finally {
            throttleUploads(-1);
        }
        List<Map<String, Object>> progress = progressSeen();
        assertThat(progress).as("the bar was shown while sending").anyMatch(p -> Boolean.TRUE.equals(p.get("shown")));
        assertThat(progress).as("the bar moved between empty and full: %s", progress)
                .anyMatch(p -> ((Number) p.get("value")).doubleValue() > 0 && ((Number) p.get("value")).doubleValue() < 100);
        assertThat(progress.get(progress.size() - 1)).containsEntry("value", 100L).containsEntry("now", "100");

        await().atMost(WAIT).until(() -> "AVAILABLE".equals(system.crm().get("/api/shared-deals/" + sharedDealId
                + "/shared-notes", rep.token()).json("/items/0/attachments/0/status")));
        var onCrm = system.crm().get("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token());
        assertThat(onCrm.json("/items/0/body")).isEqualTo("Site survey attached");
        assertThat(onCrm.json("/items/0/attachments/0/fileName")).isEqualTo("site-survey.png");
        assertThat(onCrm.node("/items/0/attachments/0/size").asLong()).isEqualTo(survey.length);
    }

    /** Drops one file on the element as a person dragging it from their desktop would (dragenter, dragover, drop). */
    private static void drop(WebElement zone, String fileName, String type, byte[] content) {
        browser.script("""
                var zone = arguments[0];
                var bytes = Uint8Array.from(atob(arguments[3]), function (c) { return c.charCodeAt(0); });
                var files = new DataTransfer();
                files.items.add(new File([bytes], arguments[1], {type: arguments[2]}));
                ['dragenter', 'dragover', 'drop'].forEach(function (kind) {
                  zone.dispatchEvent(new DragEvent(kind, {bubbles: true, cancelable: true, dataTransfer: files}));
                });""", zone, fileName, type, java.util.Base64.getEncoder().encodeToString(content));
    }

    /** Limits what the browser sends to this many bytes a second (-1: no limit), through the DevTools protocol. */
    private static void throttleUploads(long bytesPerSecond) {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> progressSeen() {
        return (List<Map<String, Object>>) browser.script("return JSON.parse(sessionStorage.getItem('progress'));");
    }

    @Test
    void aChangeArrivingWhileTheTabFetchesThePreviousOneStillAppearsWithoutAReload() {
        PartnerUser user = system.newPartner("Burst Partners", 5);
        String sharedDealId = steps.registered(user, "Burst deal");
        await().atMost(WAIT).until(() -> system.crm().get("/api/shared-deals/" + sharedDealId, rep.token())
                .status() == 200);
        steps.signIn(user);
        browser.open(system.partnerUrl() + "/shared-deals/" + sharedDealId + "/shared");
        browser.awaitTestId("save-note");
        awaitConnected();
        browser.markDocument();
        // the timeline's answers are held back in the page until the test lets them go: a slow line, made certain
        browser.script("""
                var onload = Object.getOwnPropertyDescriptor(XMLHttpRequestEventTarget.prototype, 'onload');
                window.__held = [];
                window.__holding = true;
                Object.defineProperty(XMLHttpRequest.prototype, 'onload', {configurable: true,
                  get: function () { return onload.get.call(this); },
                  set: function (handler) {
                    var xhr = this;
                    onload.set.call(this, function (event) {
                      if (window.__holding && /\\/timeline/.test(xhr.responseURL)) {
                        window.__held.push(function () { handler.call(xhr, event); });
                      } else {
                        handler.call(xhr, event);
                      }
                    });
                  }});
                window.__release = function () {
                  window.__holding = false;
                  window.__held.splice(0).forEach(function (answer) { answer(); });
                };""");

        ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token(),
                Map.of("body", "First from the CRM")), 201);
        await().atMost(WAIT).until(() -> ((Number) browser.script("return window.__held.length;")).intValue() > 0);
        // the second change reaches the portal while the first one's answer is still on its way to the page
        ok(system.crm().post("/api/shared-deals/" + sharedDealId + "/shared-notes", rep.token(),
                Map.of("body", "Second from the CRM")), 201);
        await().atMost(WAIT).until(() -> system.partner().get("/api/shared-deals/" + sharedDealId
                + "/shared-notes", user.token()).bodyAsString().contains("Second from the CRM"));
        browser.script("window.__release();");

        await().atMost(LIVE).ignoreExceptions().until(() -> noteBodies()
                .equals(List.of("First from the CRM", "Second from the CRM")));
        assertThat(browser.stillTheSameDocument()).as("both notes arrived without a reload").isTrue();
    }
}
