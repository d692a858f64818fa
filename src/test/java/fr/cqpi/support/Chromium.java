package fr.cqpi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by chromedriver (both installed by .ci/run), in a fresh profile set up as the user
 * chose: third-party cookies allowed (most users' default), or « Bloquer les cookies tiers ».
 *
 * <p>The blocking profile is the setting's own keys written into {@code Default/Preferences} before the browser starts
 * (chromedriver's {@code prefs} option did not block anything). Chromium 156 then refuses unpartitioned third-party
 * cookies but, headless, still gives a third-party frame partitioned {@code sessionStorage}; a user's Chromium with the
 * setting throws {@code SecurityError} there (issue 20), which third-party storage partitioning turned off reproduces.
 * Tests that rely on the blocking prove it with {@link #proveThirdPartyBlocking}.
 */
public final class Chromium {

    /** What the profile does with the cookies and storage of a site framed by another one. */
    public enum ThirdParty {
        /** Cookies and storage of a framed site are kept (Chromium's « Autoriser les cookies tiers »). */
        ALLOWED,
        /** « Bloquer les cookies tiers »: unpartitioned cookies and the frame's storage refused, CHIPS kept. */
        BLOCKED
    }

    private Chromium() {}

    public static ChromeDriver start(ThirdParty thirdParty) {
        return start(thirdParty, List.of());
    }

    public static ChromeDriver start(ThirdParty thirdParty, List<String> extraArguments) {
        Path binary = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException(
                    "Chromium and chromedriver are needed (apt-get install chromium chromium-driver;"
                            + " .ci/run installs them)");
        }
        Path profile = freshProfile(thirdParty);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        List<String> arguments = new ArrayList<>(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--lang=fr-FR",
                "--user-data-dir=" + profile.toAbsolutePath()));
        if (thirdParty == ThirdParty.BLOCKED) {
            arguments.add("--disable-features=ThirdPartyStoragePartitioning");
        }
        arguments.addAll(extraArguments);
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Path freshProfile(ThirdParty thirdParty) {
        try {
            Path profile = Files.createTempDirectory("cqpi-chromium-");
            Files.createDirectories(profile.resolve("Default"));
            boolean blocked = thirdParty == ThirdParty.BLOCKED;
            Files.writeString(profile.resolve("Default/Preferences"), """
                    {"profile": {"cookie_controls_mode": %d, "block_third_party_cookies": %s},
                     "intl": {"accept_languages": "fr-FR,fr"}}""".formatted(blocked ? 1 : 0, blocked));
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the tool's origin can do inside the current (LMS) page, measured in the browser: a frame of the tool's
     * {@code frameUrl} is added to the page, then, inside it, a {@code SameSite=None; Secure} cookie is set and read
     * back, a partitioned one too, and {@code sessionStorage} is tried. Leaves the driver on the LMS page.
     */
    public static FrameConditions frameConditions(WebDriver chrome, String frameUrl) {
        JavascriptExecutor js = (JavascriptExecutor) chrome;
        WebElement frame = (WebElement) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var frame = document.createElement('iframe');
                frame.id = 'third-party-probe';
                frame.addEventListener('load', function () { done(frame); });
                frame.src = arguments[0];
                document.body.appendChild(frame);""", frameUrl);
        chrome.switchTo().frame(frame);
        try {
            Object answer = js.executeScript("""
                    document.cookie = 'cqpi_probe=1; SameSite=None; Secure; Path=/';
                    document.cookie = 'cqpi_probe_chips=1; SameSite=None; Secure; Partitioned; Path=/';
                    var storage;
                    try { sessionStorage.setItem('cqpi_probe', '1'); storage = sessionStorage.getItem('cqpi_probe') === '1'; }
                    catch (e) { storage = false; }
                    return [/(^|; )cqpi_probe=1/.test(document.cookie), /cqpi_probe_chips=1/.test(document.cookie),
                            storage, document.cookie];""");
            List<?> values = (List<?>) answer;
            return new FrameConditions(
                    Boolean.TRUE.equals(values.get(0)),
                    Boolean.TRUE.equals(values.get(1)),
                    Boolean.TRUE.equals(values.get(2)));
        } finally {
            chrome.switchTo().parentFrame();
            js.executeScript("document.getElementById('third-party-probe').remove();");
        }
    }

    /** Fails unless the frame's conditions are those of a browser that blocks third-party cookies. */
    public static void proveThirdPartyBlocking(FrameConditions conditions) {
        if (conditions.cookieCameBack() || conditions.storageWorks()) {
            throw new AssertionError("the browser does not block third-party cookies and storage: " + conditions);
        }
    }

    /** What the tool's frame saw: its cookie came back, its partitioned cookie did, its sessionStorage worked. */
    public record FrameConditions(boolean cookieCameBack, boolean partitionedCookieCameBack, boolean storageWorks) {}
}
