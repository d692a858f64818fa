package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One browser launching again and again from the demo LMS on the tool's own host (the demo as {@code mvn
 * spring-boot:run} serves it, the session cookie kept), as a trainer and learners do all day: every launch lands on
 * its first page and the click right after it works; never « Aucune session » (issue 20 saw 9 in 122).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cqpi.demo.seed-cohort=false")
@ActiveProfiles({"test", "demo"})
class RelaunchBrowserTest {

    private static final int LAUNCHES = 240;

    static ChromeDriver chrome;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() {
        chrome = Chromium.start(Chromium.ThirdParty.ALLOWED);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void severalHundredLaunchesInOneBrowserAllLandAndTheNextClickWorks() {
        String[] members = {"trainer-1", "learner-01", "learner-02", "learner-03", "tutor-1"};
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < LAUNCHES && failures.size() < 5; i++) {
            String member = members[i % members.length];
            chrome.switchTo().defaultContent();
            chrome.get("http://localhost:" + port + "/demo/course/" + member + (i % 7 == 3 ? "?lang=en" : ""));
            chrome.switchTo().frame(chrome.findElement(By.id("tool-frame")));
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            } catch (org.openqa.selenium.TimeoutException e) {
                failures.add(i + " " + member + ": no page, " + chrome.getCurrentUrl());
                continue;
            }
            if (!chrome.findElements(By.cssSelector(".notice h1")).isEmpty()) {
                failures.add(i + " " + member + ": "
                        + chrome.findElement(By.tagName("h1")).getText());
                continue;
            }
            // The click right after the launch: the référentiel page, linked from every page of the tool.
            chrome.findElement(By.cssSelector("a[href*='/app/referentiel']")).click();
            try {
                // getCurrentUrl() is the top page's: the frame's page is known by its title.
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "CQPI"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
                if (!chrome.findElements(By.cssSelector(".notice h1")).isEmpty()) {
                    failures.add(i + " " + member + " next click: "
                            + chrome.findElement(By.tagName("h1")).getText());
                }
            } catch (org.openqa.selenium.TimeoutException e) {
                failures.add(i + " " + member + " next click: " + chrome.getCurrentUrl());
            }
        }
        assertThat(failures).isEmpty();
    }
}
