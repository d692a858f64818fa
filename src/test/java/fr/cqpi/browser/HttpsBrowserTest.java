package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import fr.cqpi.support.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production path: the tool and the demo LMS on HTTPS (a certificate authority made for the test; the JVM's own
 * calls trust it, Chromium is told to ignore certificate errors), the LMS at 127.0.0.1 framing the tool at localhost.
 * The session cookie is {@code SameSite=None; Secure; Partitioned}: in a browser that blocks third-party cookies
 * (proved: an unpartitioned cookie of the tool's frame does not come back, its sessionStorage throws, a partitioned one
 * does come back) and in one that allows them, every launch takes the cookie, with no handover, and the next click
 * keeps the session.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cqpi.demo.lms-host=127.0.0.1",
            "cqpi.demo.tool-host=localhost",
            "cqpi.demo.scheme=https",
            "cqpi.demo.seed-cohort=false",
            "cqpi.base-url=https://localhost:${local.server.port}",
            "server.ssl.enabled=true",
            "server.ssl.key-store-type=PKCS12",
            "server.ssl.key-alias=" + TestCertificates.SERVER_ALIAS,
            "server.ssl.key-store-password=" + TestCertificates.PASSWORD
        })
@ActiveProfiles({"test", "demo"})
class HttpsBrowserTest {

    static final TestCertificates CERTIFICATES = TestCertificates.create();
    static ChromeDriver blocking;
    static ChromeDriver allowing;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serverCertificate(DynamicPropertyRegistry registry) throws Exception {
        // The tool fetches the demo LMS's keys and calls its services over HTTPS: the JVM trusts the test CA.
        CERTIFICATES.serveAndTrust(registry);
    }

    @BeforeAll
    static void startChromium() {
        List<String> tls = List.of("--ignore-certificate-errors");
        blocking = Chromium.start(Chromium.ThirdParty.BLOCKED, tls);
        allowing = Chromium.start(Chromium.ThirdParty.ALLOWED, tls);
    }

    @AfterAll
    static void stop() {
        if (blocking != null) {
            blocking.quit();
        }
        if (allowing != null) {
            allowing.quit();
        }
        CERTIFICATES.restoreTrust();
    }

    @Test
    void aBrowserThatBlocksThirdPartyCookiesLaunchesWithThePartitionedCookie() {
        blocking.get(lms() + "/demo");
        var conditions = Chromium.frameConditions(blocking, tool() + "/lti/cookies");
        Chromium.proveThirdPartyBlocking(conditions);
        assertThat(conditions.partitionedCookieCameBack())
                .as("CHIPS still work")
                .isTrue();
        launchesTakeTheCookie(blocking);
    }

    @Test
    void aBrowserThatAllowsThirdPartyCookiesLaunchesWithTheCookie() {
        allowing.get(lms() + "/demo");
        var conditions = Chromium.frameConditions(allowing, tool() + "/lti/cookies");
        assertThat(conditions.cookieCameBack()).isTrue();
        assertThat(conditions.storageWorks()).isTrue();
        launchesTakeTheCookie(allowing);
    }

    private void launchesTakeTheCookie(ChromeDriver chrome) {
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        String[] members = {"trainer-1", "learner-01", "trainer-1", "learner-02"};
        for (String member : members) {
            chrome.switchTo().defaultContent();
            chrome.get(lms() + "/demo/course/" + member);
            chrome.switchTo().frame(chrome.findElement(By.id("tool-frame")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            assertThat(chrome.findElement(By.tagName("h1")).getText())
                    .isEqualTo(member.startsWith("trainer") ? "Cohorte" : "Ma grille d'évaluation");
            assertThat(chrome.findElements(By.cssSelector("meta[name=cqpi-session]")))
                    .as("the cookie carries the session, not the page")
                    .isEmpty();
            chrome.findElement(By.cssSelector("a[href*='/app/referentiel']")).click();
            // getCurrentUrl() is the top page's: the frame's page is known by its title.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "CQPI"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            assertThat(chrome.findElements(By.cssSelector(".notice h1"))).isEmpty();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>)
                chrome.executeCdpCommand("Storage.getCookies", Map.of()).get("cookies");
        Map<String, Object> session = cookies.stream()
                .filter(c -> "CQPI_SESSION".equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + cookies));
        assertThat(session)
                .containsEntry("secure", true)
                .containsEntry("httpOnly", true)
                .containsEntry("sameSite", "None")
                .containsKey("partitionKey");
    }

    private String lms() {
        return "https://127.0.0.1:" + port;
    }

    private String tool() {
        return "https://localhost:" + port;
    }
}
