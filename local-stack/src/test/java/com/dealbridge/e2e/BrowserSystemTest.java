package com.dealbridge.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebElement;

/**
 * A browser test of the pages: both services, one real broker and both stores ({@link #system}), and Debian's
 * headless chromium ({@link #browser}), for the whole class. Skipped (not failed) where chromium or chromedriver is
 * missing.
 */
abstract class BrowserSystemTest {

    static final String PASSWORD = "correct horse battery staple";
    /** Generous for a loaded CI machine; the measured latency is printed. */
    static final Duration LIVE = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofSeconds(60);

    static DealbridgeSystem system;
    static Browser browser;

    @BeforeAll
    static void startSystemAndBrowser(TestInfo test) {
        String name = test.getTestClass().map(Class::getSimpleName).orElse("browser test");
        Assumptions.assumeTrue(Browser.available(), name + " skipped: " + Browser.CHROMIUM + " or "
                + Browser.CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver; .ci/run does)");
        system = DealbridgeSystem.start();
        browser = new Browser();
    }

    @AfterAll
    static void stopSystemAndBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (system != null) {
            system.close();
            system = null;
        }
    }

    /** The page's event stream is open, so what happens from now on reaches it. */
    static void awaitConnected() {
        await().atMost(WAIT).until(() -> "connected".equals(browser.script(
                "return document.body.getAttribute('data-live');")));
    }

    /** The shared notes' texts on the open Shared tab, oldest first. */
    static List<String> noteBodies() {
        return browser.allByTestId("note-body").stream().map(WebElement::getText).toList();
    }
}
