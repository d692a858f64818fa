package fr.cqpi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium on the demo LMS (at 127.0.0.1, the tool at localhost in its iframe): a member's course page opened and the
 * tool's frame entered, and screenshots of the whole window into target/screenshots.
 */
public final class DemoBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver chrome;
    private final WebDriverWait wait;

    private DemoBrowser(ChromeDriver chrome) {
        this.chrome = chrome;
        this.wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        // While the tool's frame goes from the login step to the page, Chromium can answer a read of the
        // frame being replaced with "target frame detached": the wait reads again, as a user's eyes would.
        this.wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    public static DemoBrowser start(Chromium.ThirdParty thirdParty) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoBrowser(Chromium.start(thirdParty));
    }

    public ChromeDriver chrome() {
        return chrome;
    }

    public WebDriverWait waits() {
        return wait;
    }

    /** Opens the demo course page of a member and enters the tool's iframe once it has loaded. */
    public void launchAs(int port, String userId) {
        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo/course/" + userId);
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /** The whole window (the LMS page and the tool's frame as they show), then back into the frame. */
    public void screenshot(String name) {
        chrome.switchTo().defaultContent();
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chrome.switchTo().frame("tool-frame");
    }

    @Override
    public void close() {
        chrome.quit();
    }
}
