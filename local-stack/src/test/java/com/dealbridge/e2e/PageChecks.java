package com.dealbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * What the issue asks of every page, checked in the browser on the page that is open: every field a person can
 * fill has a name a screen reader reads out (a label with text, aria-label or aria-labelledby), the page fits the
 * window without scrolling sideways (a phone is 390 px wide), and the element focused from the keyboard shows a
 * focus ring that stands out from what is around it.
 */
final class PageChecks {

    /** WCAG 1.4.11: a focus indicator needs 3:1 against its surroundings. */
    private static final double FOCUS_CONTRAST = 3.0;

    private final Browser browser;

    PageChecks(Browser browser) {
        this.browser = browser;
    }

    /** Labels on every field and no sideways scrolling, at the window's present width. */
    void assertAccessible(String page) {
        assertThat(unlabelledFields()).as("fields without a label on %s", page).isEmpty();
        long overflow = overflow();
        assertThat(overflow).as("px the page %s is wider than the window, because of %s", page,
                overflow > 0 ? tooWide() : List.of()).isLessThanOrEqualTo(0L);
    }

    /** The innermost elements reaching past the window's right edge, as "tag.class" (what to fix). */
    @SuppressWarnings("unchecked")
    List<String> tooWide() {
        return (List<String>) browser.script("""
                var width = document.documentElement.clientWidth;
                var wide = Array.from(document.body.querySelectorAll('*'))
                  .filter(function (el) { return el.getBoundingClientRect().right > width + 0.5; });
                return wide.filter(function (el) { return !wide.some(function (o) { return o !== el && el.contains(o); }); })
                  .slice(0, 8).map(function (el) { return el.tagName.toLowerCase() + '.' + el.className + ' "'
                    + (el.textContent || '').trim().slice(0, 40) + '" ' + Math.round(el.getBoundingClientRect().right); });
                """);
    }

    /** As {@link #assertAccessible}, at 1280 px and at a phone's 390 px. */
    void assertAccessibleAtBothWidths(String page) {
        assertAccessible(page + " at 1280 px");
        browser.phoneWidth(true);
        try {
            assertAccessible(page + " at 390 px");
        } finally {
            browser.phoneWidth(false);
        }
    }

    /**
     * The fields (input, select, textarea; not type=hidden) with no accessible name, as "tag#id[name]". The name
     * comes from a label with text (for= or around it), aria-label, or aria-labelledby naming elements with text.
     */
    @SuppressWarnings("unchecked")
    List<String> unlabelledFields() {
        return (List<String>) browser.script("""
                var text = function (el) { return el && (el.textContent || '').trim().length > 0; };
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(function (f) { return f.type !== 'hidden'; })
                  .filter(function (f) {
                    if ((f.getAttribute('aria-label') || '').trim()) { return false; }
                    var by = (f.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
                    if (by.some(function (id) { return text(document.getElementById(id)); })) { return false; }
                    return !Array.from(f.labels || []).some(text);
                  })
                  .map(function (f) { return f.tagName.toLowerCase() + '#' + f.id + '[' + f.name + ']'; });
                """);
    }

    /** How many px the document is wider than the window (0 or less: it fits). */
    long overflow() {
        return ((Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    /** Presses Tab until the element with this test id has the focus (at most {@code maxTabs} times). */
    void tabTo(String testId, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(browser.script("return document.activeElement !== null"
                    + " && document.activeElement.getAttribute('data-testid') === arguments[0];", testId))) {
                return;
            }
        }
        throw new AssertionError(testId + " is not reached with " + maxTabs + " presses of Tab; focused: "
                + browser.script("return document.activeElement && document.activeElement.outerHTML;"));
    }

    /**
     * The focused element shows a focus ring at least 2 px wide whose colour has 3:1 contrast with the background
     * behind the element (the first opaque background of it or its ancestors).
     */
    void assertFocusVisible() {
        @SuppressWarnings("unchecked")
        List<Object> ring = (List<Object>) browser.script("""
                var el = document.activeElement;
                var style = getComputedStyle(el);
                var rgb = function (c) { var m = c.match(/[\\d.]+/g) || []; return m.map(Number); };
                var back = el.parentElement, bg = [255, 255, 255];
                while (back) {
                  var c = rgb(getComputedStyle(back).backgroundColor);
                  if (c.length >= 3 && (c.length < 4 || c[3] > 0)) { bg = c; break; }
                  back = back.parentElement;
                }
                var lum = function (c) {
                  var v = c.slice(0, 3).map(function (x) { x /= 255;
                    return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
                };
                var a = lum(rgb(style.outlineColor)), b = lum(bg);
                var contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                return [style.outlineStyle, parseFloat(style.outlineWidth) || 0, contrast, el.outerHTML.slice(0, 120)];
                """);
        assertThat((String) ring.get(0)).as("outline style of %s", ring.get(3)).isNotEqualTo("none");
        assertThat(((Number) ring.get(1)).doubleValue()).as("outline width of %s", ring.get(3))
                .isGreaterThanOrEqualTo(2.0);
        assertThat(((Number) ring.get(2)).doubleValue()).as("focus ring contrast of %s", ring.get(3))
                .isGreaterThanOrEqualTo(FOCUS_CONTRAST);
    }
}
