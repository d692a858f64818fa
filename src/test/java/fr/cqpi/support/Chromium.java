package fr.cqpi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium driven by chromedriver (both installed by .ci/run), third-party cookies blocked. */
public final class Chromium {

    private Chromium() {}

    public static ChromeDriver start() {
        Path binary = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException(
                    "Chromium and chromedriver are needed (apt-get install chromium chromium-driver;"
                            + " .ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
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
                "--test-third-party-cookie-phaseout");
        // Block third-party cookies, as browsers now do inside LMS iframes.
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "profile.cookie_controls_mode",
                        1,
                        "profile.block_third_party_cookies",
                        true,
                        "intl.accept_languages",
                        "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }
}
