package com.dealbridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven by Selenium through Debian's chromedriver, with a profile of its own that is
 * removed afterwards. Screenshots go to {@code target/screenshots}, or to the directory in the system property
 * {@code dealbridge.screenshots} (the README's pictures: {@code -Ddealbridge.screenshots=../docs/screenshots}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private final Path profile;
    private final Path screenshots;
    final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser() {
        try {
            profile = Files.createTempDirectory("dealbridge-chromium-");
            screenshots = Paths.get(System.getProperty("dealbridge.screenshots", "target/screenshots"));
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement byTestId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    /** The element once the page (after a form's redirect, say) shows it. */
    WebElement awaitTestId(String testId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> byTestId(testId), java.util.Objects::nonNull);
    }

    List<WebElement> allByTestId(String testId) {
        return driver.findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    WebElement field(String name) {
        return driver.findElement(By.name(name));
    }

    void type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a value as the page's own script would (date inputs take keys in the browser's locale format). */
    void setValue(String name, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field(name), value);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script: the last argument is the callback. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Marks the loaded document; {@link #stillTheSameDocument()} tells whether the page has not been reloaded. */
    void markDocument() {
        script("window.__dealbridgeMark = 'kept';");
    }

    boolean stillTheSameDocument() {
        return "kept".equals(script("return window.__dealbridgeMark || null;"));
    }

    void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void phoneWidth(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 900));
    }

    /** The Accept-Language header the browser sends from now on (the DevTools protocol's override). */
    void acceptLanguage(String languages) {
        String agent = (String) script("return navigator.userAgent;");
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.setUserAgentOverride",
                java.util.Map.of("userAgent", agent, "acceptLanguage", languages));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
