package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import fr.cqpi.support.DemoBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo as issue 26 tells it: the trainer invites a tuteur entreprise from the course's tutors page, the demo
 * mailbox shows the message, its link opens the tutor's learner on a phone-sized screen, and the tutor's judgment
 * stands beside the trainer's; the tutor signs the session's livret from the grid.
 */
@Tag("browser")
// The same context as LayoutsBrowserTest and TrainerDayBrowserTest (same properties).
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cqpi.demo.lms-host=127.0.0.1", "cqpi.demo.tool-host=localhost", "cqpi.demo.seed-cohort=true"})
@ActiveProfiles({"test", "demo"})
class DemoTutorInvitationBrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/tutor/sign-in\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTrainerInvitesATutorWhoSignsInFromTheDemoMailboxOnAPhone() throws IOException {
        String email = "tuteur-" + System.nanoTime() + "@entreprise.example";
        try (DemoBrowser browser = DemoBrowser.start(Chromium.ThirdParty.ALLOWED)) {
            ChromeDriver chrome = browser.chrome();
            WebDriverWait wait = browser.waits();
            chrome.manage().window().setSize(new Dimension(1366, 900));
            browser.launchAs(port, "trainer-1");
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Tuteurs entreprise")))
                    .click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("invitations-link")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invite-form")));
            chrome.findElement(By.id("invite-email")).sendKeys(email);
            chrome.findElement(By.id("invite-name")).sendKeys("Paul Girard");
            chrome.findElement(By.xpath("//form[@id='invite-form']//label[contains(., 'Amina Benali')]/input"))
                    .click();
            chrome.findElement(By.cssSelector("#invite-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Invitation enregistrée"));

            // The demo mailbox: the message, with the link minted as it left.
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(new Dimension(390, 844));
            new WebDriverWait(chrome, Duration.ofSeconds(30))
                    .pollingEvery(Duration.ofMillis(500))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.get("http://127.0.0.1:" + port + "/demo/mailbox");
                        return d.findElement(By.id("main")).getText().contains(email);
                    });
            String mail = chrome.findElement(By.xpath("//article[contains(., '" + email + "')]"))
                    .getText();
            assertThat(mail).contains("tuteur entreprise").doesNotContain("Amina");
            Matcher link = LINK.matcher(mail);
            assertThat(link.find()).as(mail).isTrue();
            Files.write(
                    DemoBrowser.SCREENSHOTS.resolve("demo-mailbox-tutor-390.png"),
                    chrome.getScreenshotAs(OutputType.BYTES));

            // On the phone: the link's page, its button, the tutor's one learner.
            chrome.switchTo().defaultContent();
            chrome.get("http://localhost:" + port + "/tutor/new-link");
            chrome.manage().deleteAllCookies();
            chrome.get(link.group());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("tutor-sign-in")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cohort-table")));
            assertThat(chrome.findElement(By.id("cohort-table")).getText())
                    .contains("Amina Benali")
                    .doesNotContain("Hugo Durand");
            chrome.findElement(By.partialLinkText("Amina Benali")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("criterion-C1-1")));
            chrome.findElement(By.cssSelector("label[for=status-C1-1-NON_ACQUIS]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#criterion-C1-1 .outcome"), "Enregistré"));
            assertThat(chrome.findElement(By.cssSelector("#criterion-C1-1 .other-judgment"))
                            .getText())
                    .as("the trainer's judgment beside the tutor's")
                    .isNotBlank();
            // The tutor signs the session's livret from the grid's panel (the grid opened again: the panel was drawn
            // before this session had any judgment), as the évaluateur habilité and the candidate do in theirs.
            chrome.navigate().refresh();
            WebElement signature = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#livret-signatures form.livret-sign input[name=signature]")));
            chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", signature);
            signature.sendKeys("Paul Girard");
            chrome.findElement(By.cssSelector("#livret-signatures form.livret-sign button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("livret-signatures"), "Livret signé."));
            assertThat(chrome.findElement(By.id("livret-signatures")).getText())
                    .contains("Tuteur entreprise : signé par Paul Girard (« Paul Girard »)");
            chrome.executeScript("document.getElementById('livret-signatures').scrollIntoView({block: 'start'});");
            Files.write(
                    DemoBrowser.SCREENSHOTS.resolve("livret-signatures-390.png"),
                    chrome.getScreenshotAs(OutputType.BYTES));
            Long wide = (Long) chrome.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(wide).as("the page scrolls sideways at 390 px").isLessThanOrEqualTo(0L);
        }
        assertThat(jdbc.sql("""
                        select count(*) from judgment j join lti_user u on u.id = j.learner_id
                        where u.name = 'Amina Benali' and j.criterion_code = 'C1.1' and j.evaluator_role = 'TUTEUR'
                          and j.status = 'NON_ACQUIS'""").query(Long.class).single()).isEqualTo(1);
    }
}
