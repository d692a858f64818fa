package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The tool in the demo LMS's frame (LMS at 127.0.0.1, tool at localhost, plain HTTP) in a browser whose user chose
 * « Bloquer les cookies tiers », proved in each test: a cookie the tool's origin sets inside the LMS page does not come
 * back and the frame's {@code sessionStorage} throws. Without cookies or storage in the frame, a platform offering
 * postMessage storage (Canvas) keeps the launch's secret; one without it (Moodle) gets the same login in a new tab.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cqpi.demo.lms-host=127.0.0.1", "cqpi.demo.tool-host=localhost"})
@ActiveProfiles({"test", "demo"})
class ThirdPartyBlockingBrowserTest {

    static ChromeDriver chrome;
    static WebDriverWait wait;
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws Exception {
        chrome = Chromium.start(Chromium.ThirdParty.BLOCKED);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    void theBrowserBlocksTheToolInsideTheLmsPage() {
        closeOtherTabs();
        chrome.get(lms() + "/demo");
        var conditions = Chromium.frameConditions(chrome, tool() + "/lti/cookies");
        Chromium.proveThirdPartyBlocking(conditions);
        assertThat(conditions.cookieCameBack()).isFalse();
        assertThat(conditions.storageWorks()).isFalse();
    }

    @Test
    void withoutPlatformStorageTheToolOffersANewTabWhereTheLaunchCompletes() throws Exception {
        chrome.get(lms() + "/demo/course/trainer-1");
        chrome.switchTo().frame(chrome.findElement(By.id("tool-frame")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-step-new-tab")));
        assertThat(chrome.findElement(By.id("login-step-new-tab")).getText())
                .contains("Votre navigateur bloque les cookies");
        Files.write(SCREENSHOTS.resolve("new-tab-offer.png"), chrome.getScreenshotAs(OutputType.BYTES));
        String lmsTab = chrome.getWindowHandle();
        chrome.findElement(By.id("new-tab-link")).click();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        assertThat(chrome.findElement(By.id("new-tab-opened")).isDisplayed()).isTrue();
        switchToTheOtherTab(lmsTab);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cohort-table")));
        assertThat(chrome.getCurrentUrl()).startsWith(tool() + "/app").doesNotContain("handover");
        // The tab's session holds: the next page opens without a relaunch.
        chrome.findElement(By.linkText("Tableau de bord")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tableau de bord"));
    }

    @Test
    void theNewTabPathWorksAgainAndAgainInOneBrowser() {
        List<String> failures = new ArrayList<>();
        String[] members = {"trainer-1", "learner-01", "learner-02"};
        for (int i = 0; i < 12; i++) {
            closeOtherTabs();
            String member = members[i % members.length];
            chrome.get(lms() + "/demo/course/" + member);
            chrome.switchTo().frame(chrome.findElement(By.id("tool-frame")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-tab-link")));
            String lmsTab = chrome.getWindowHandle();
            chrome.findElement(By.id("new-tab-link")).click();
            wait.until(ExpectedConditions.numberOfWindowsToBe(2));
            switchToTheOtherTab(lmsTab);
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
                String title = chrome.findElement(By.tagName("h1")).getText();
                if (!title.equals(member.startsWith("trainer") ? "Cohorte" : "Ma grille d'évaluation")) {
                    failures.add(i + " " + member + ": " + title);
                }
            } catch (org.openqa.selenium.TimeoutException e) {
                failures.add(i + " " + member + ": " + chrome.getCurrentUrl());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aPlatformWithPostMessageStorageKeepsTheLaunchInItsFrame() {
        chrome.get(lms() + "/demo/course/learner-01?storage=platform");
        chrome.switchTo().frame(chrome.findElement(By.id("tool-frame")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Ma grille d'évaluation");
        assertThat(chrome.findElements(By.cssSelector("meta[name=cqpi-session]")))
                .as("no cookie: the page carries its session")
                .hasSize(1);
        chrome.switchTo().defaultContent();
        assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("data-stored-keys"))
                .as("state, nonce and the secret went to the platform's storage")
                .isEqualTo("3");
    }

    private void switchToTheOtherTab(String lmsTab) {
        for (String handle : chrome.getWindowHandles()) {
            if (!handle.equals(lmsTab)) {
                chrome.switchTo().window(handle);
                return;
            }
        }
        throw new AssertionError("no new tab");
    }

    private void closeOtherTabs() {
        List<String> handles = new ArrayList<>(chrome.getWindowHandles());
        for (int i = 1; i < handles.size(); i++) {
            chrome.switchTo().window(handles.get(i)).close();
        }
        chrome.switchTo().window(handles.get(0));
    }

    private String lms() {
        return "http://127.0.0.1:" + port;
    }

    private String tool() {
        return "http://localhost:" + port;
    }
}
