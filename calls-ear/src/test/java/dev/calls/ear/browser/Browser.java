package dev.calls.ear.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromedriver) with fake microphone and screen capture,
 * a fresh profile of its own, and the few things the browser tests do with it: open a page, sign in,
 * wait, read the client's test handle {@code window.callsDebug}, take screenshots.
 */
final class Browser implements AutoCloseable {

    /** A desktop window. */
    static final Dimension DESKTOP = new Dimension(1280, 800);
    /** A phone: Chromium's device emulation at this viewport with a phone's user agent and touch. */
    static final Dimension PHONE = new Dimension(390, 844);

    private static final String PHONE_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

    private static final String CHROMIUM = System.getProperty("calls.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("calls.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("calls.test.screenshots", "target/screenshots"));

    final String name;
    private final RemoteWebDriver driver;
    private final Path profile;

    private Browser(String name, RemoteWebDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether this machine has the browser and its driver; the browser tests are skipped otherwise. */
    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** A browser on this machine's network; {@code arguments} are more Chromium command-line switches. */
    static Browser start(String name, Dimension size, String... arguments) {
        Path profile = profile();
        ChromeOptions options = options(profile, size);
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return started(name, new ChromeDriver(service, options), profile);
    }

    /**
     * A desktop browser on the network of a {@link NetworkNamespace}, driven through {@code driver}, which
     * opens the server at {@code origin} (an address of the veth pair): the page is told that this origin is
     * as secure as localhost, since the microphone is offered to secure origins only.
     */
    static Browser startIn(NamespacedDriver driver, String name, URL origin) {
        Path profile = profile();
        ChromeOptions options = options(profile, DESKTOP);
        options.addArguments("--unsafely-treat-insecure-origin-as-secure=" + origin.getProtocol() + "://"
                + origin.getHost() + ":" + origin.getPort());
        return started(name, new RemoteWebDriver(driver.url(), options), profile);
    }

    private static Browser started(String name, RemoteWebDriver driver, Path profile) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(name, driver, profile);
    }

    private static Path profile() {
        try {
            return Files.createTempDirectory("calls-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeOptions options(Path profile, Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                // A fake microphone (a beeping tone) and fake camera, granted without a prompt.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                // getDisplayMedia picks a source by itself: the fake screen of the flags above.
                "--auto-select-desktop-capture-source=Entire screen",
                "--user-data-dir=" + profile,
                "--window-size=" + size.width + "," + size.height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (size.equals(PHONE)) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", size.width, "height", size.height, "pixelRatio", 2, "touch", true),
                    "userAgent", PHONE_AGENT));
        }
        return options;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Signs in on the page's sign-in form. */
    void signIn(String username, String password) {
        WebElement user = await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
    }

    <T> T await(Function<WebDriver, T> condition) {
        return await(condition, Duration.ofSeconds(20));
    }

    /**
     * Waits for the condition. The client re-renders regions on every live update (someone speaks, a hand
     * goes up), so an element found a moment ago may be gone: the condition is then asked again.
     */
    <T> T await(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement element(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element's text, read again when a re-render replaced the element meanwhile. */
    String text(By by) {
        return await(d -> element(by).getText());
    }

    /** The element's attribute (null never: waits for it), read again when a re-render replaced the element. */
    String attribute(By by, String name) {
        return await(d -> element(by).getAttribute(name));
    }

    /** The element's accessible name as the browser computes it for assistive technology. */
    String accessibleName(By by) {
        return await(d -> element(by).getAccessibleName());
    }

    /** Clicks the element once it is clickable, finding it again when a re-render replaced it. */
    void click(By by) {
        await(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** A Chrome DevTools Protocol command, through chromedriver (independent of the browser's version). */
    Map<String, Object> devTools(String command, Map<String, Object> parameters) {
        return ((HasCdp) driver).executeCdpCommand(command, parameters);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** {@code window.callsDebug.state()}: route, signaling, the call (status, session, remote audio elements), participants. */
    @SuppressWarnings("unchecked")
    Map<String, Object> state() {
        return (Map<String, Object>) script("return window.callsDebug ? window.callsDebug.state() : null;");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call() {
        Map<String, Object> state = state();
        return state == null ? null : (Map<String, Object>) state.get("call");
    }

    /** The id of the reason the last call ended for this browser ({@code removed}, {@code rtc_timeout}, …), null if none. */
    @SuppressWarnings("unchecked")
    String endReason() {
        Map<String, Object> outcome = (Map<String, Object>) state().get("outcome");
        Map<String, Object> error = outcome == null ? null : (Map<String, Object>) outcome.get("error");
        return error == null ? null : (String) error.get("id");
    }

    /** The peer connection's inbound-rtp statistics, through {@code RTCPeerConnection.getStats()}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inbound() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.callsDebug.inbound().then(done, (e) => done([]));");
    }

    /** {@code window.callsDebug.path()}: the selected candidate pair's local candidate type and protocols, null before one. */
    @SuppressWarnings("unchecked")
    Map<String, Object> path() {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.callsDebug.path().then(done, (e) => done(null));");
    }

    /** The clipboard's text, through {@code navigator.clipboard.readText()} (needs the clipboard permission granted). */
    String clipboard() {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, (e) => done('clipboard: ' + e.message));");
    }

    /** Saves a PNG of the window as target/screenshots/{name}.png. */
    Path screenshot(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(file + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console since the last call (Chromium's log through the driver). */
    List<String> console() {
        return driver.manage().logs().get("browser").getAll().stream().map(Object::toString).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A profile left in the temporary folder is harmless.
            }
        }
    }
}
