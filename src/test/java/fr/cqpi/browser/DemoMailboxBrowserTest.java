package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.notifications.NotificationOutbox;
import fr.cqpi.notifications.Recipient;
import fr.cqpi.support.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the demo without an SMTP server, what the tool sends shows on the demo mailbox page: recipient, subject, date,
 * body and attachments, in French or English, on a phone-sized screen.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoMailboxBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    String page(String language) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/demo/mailbox"))
                                .header("Accept-Language", language)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void theDemoMailboxShowsASentMessageInFrenchAndEnglishAt390Pixels() throws Exception {
        String address = "amina-" + UUID.randomUUID().toString().substring(0, 8) + "@demo-lms.example";
        transactions.executeWithoutResult(status -> outbox.enqueue(
                "document-issued",
                new Recipient(address, Locale.FRENCH),
                Map.of(
                        "name", "Amina Benali",
                        "qualification", "CQPI Assistant(e)",
                        "link", "http://localhost:" + port + "/app/me"),
                null));
        await().atMost(Duration.ofSeconds(20)).until(() -> page("fr").contains(address));
        assertThat(page("fr"))
                .contains("Boîte de réception de démonstration")
                .contains("Un document vous a été délivré")
                .contains("Bonjour Amina Benali,")
                .contains("http://localhost:" + port + "/app/me");
        assertThat(page("en"))
                .contains("Demo mailbox")
                .contains("Back to the course")
                .contains(address);

        ChromeDriver chrome = Chromium.start(Chromium.ThirdParty.ALLOWED);
        try {
            chrome.manage().window().setSize(new Dimension(390, 844));
            chrome.get("http://localhost:" + port + "/demo/mailbox");
            new WebDriverWait(chrome, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), address));
            Number sideways = (Number) chrome.executeScript(
                    "return document.scrollingElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(sideways.intValue())
                    .as("the page scrolls sideways at 390 px")
                    .isLessThanOrEqualTo(0);
            assertThat(chrome.findElement(By.cssSelector(".mail .mail-subject")).isDisplayed())
                    .isTrue();
            Path screenshots = Path.of("target/screenshots");
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve("demo-mailbox-390.png"), chrome.getScreenshotAs(OutputType.BYTES));
        } finally {
            chrome.quit();
        }
    }
}
