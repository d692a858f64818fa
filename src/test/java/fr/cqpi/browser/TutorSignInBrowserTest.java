package fr.cqpi.browser;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import fr.cqpi.tutors.TutorSignInLinks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tuteur entreprise invited by e-mail, on a phone-sized Chromium (390 px): the trainer (launched from the LMS)
 * invites them through the invitations page, the link's page shows a button, the tutor signs in top-level (no LMS),
 * sees only their learner, judges C1.1 on the grid and sees the divergence with the trainer's judgment. Screenshots
 * of the tutor's pages at 390 px go to target/screenshots (docs/screenshots holds copies).
 */
@Tag("browser")
class TutorSignInBrowserTest extends ToolIntegrationTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static ChromeDriver chrome;
    static WebDriverWait wait;

    @Autowired
    TutorSignInLinks links;

    @BeforeAll
    static void startChromium() throws IOException {
        chrome = Chromium.start(Chromium.ThirdParty.ALLOWED);
        chrome.manage().window().setSize(new Dimension(390, 844));
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void anInvitedTutorSignsInOnAPhoneJudgesAndSeesTheDivergence() throws IOException {
        TestPlatform moodle = newPlatform("moodle");
        String course = "course-" + System.nanoTime();
        launch(moodle, course, "amina", LEARNER);
        launch(moodle, course, "bruno", LEARNER);
        LtiClient trainer = launch(moodle, course, "claire", INSTRUCTOR);

        // The trainer invites through the page, and judges C1.1 « Acquis ».
        String page = trainer.get("/app/tutors/invitations").body();
        Map<String, String> headers = new HashMap<>(trainer.csrfHeaders(page));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("HX-Request", "true");
        var invited = trainer.send(
                "POST",
                Jsoup.parse(page).selectFirst("#invite-form").attr("hx-post"),
                "email=tom%40entreprise.example&name=Tom+Martin&language=fr&learner=amina",
                headers);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        Map<String, String> api =
                new HashMap<>(trainer.csrfHeaders(trainer.get("/app").body()));
        api.put("Content-Type", "application/json");
        assertThat(trainer.send("PUT", "/api/v1/learners/amina/judgments/C1.1", "{\"status\": \"ACQUIS\"}", api)
                        .statusCode())
                .isEqualTo(200);
        long invitation = jdbc.sql("select i.id from tutor_invitation i join course c on c.id = i.course_id"
                        + " where c.context_id = :ctx")
                .param("ctx", course)
                .query(Long.class)
                .single();

        // The trainer's invitations page, as it lists the invitation (their session, in this browser for the shot).
        chrome.get("http://localhost:" + port + "/tutor/new-link");
        chrome.manage()
                .addCookie(new org.openqa.selenium.Cookie(
                        "CQPI_SESSION", trainer.cookie("CQPI_SESSION").orElseThrow(), "/"));
        chrome.get("http://localhost:" + port + "/app/tutors/invitations");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.invitation")));
        assertThat(chrome.findElement(By.cssSelector("li.invitation")).getText())
                .contains("Tom Martin")
                .contains("tom@entreprise.example")
                .contains("Prénom amina");
        assertNoSidewaysScroll();
        shoot("tutor-invitations-390");
        chrome.manage().deleteAllCookies();

        // The e-mail's link, opened on the phone: a page with a button, nothing spent yet.
        URI link = links.mint(invitation).orElseThrow();
        chrome.get(link.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tutor-sign-in")));
        assertNoSidewaysScroll();
        shoot("tutor-sign-in-390");
        chrome.findElement(By.id("tutor-sign-in")).click();

        // Their cohort: amina only, as tuteur entreprise.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cohort-table")));
        String cohort = chrome.findElement(By.id("main")).getText();
        assertThat(cohort).contains("amina").doesNotContain("bruno");
        assertThat(chrome.findElement(By.cssSelector(".topbar .who")).getText())
                .contains("Tom Martin")
                .contains("tutorat en entreprise");
        assertNoSidewaysScroll();
        shoot("tutor-cohort-390");

        // The grid: judges C1.1 « Non acquis »; the divergence with the trainer shows.
        chrome.findElement(By.partialLinkText("amina")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("criterion-C1-1")));
        chrome.findElement(By.cssSelector("label[for=status-C1-1-NON_ACQUIS]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-1 .outcome"), "Enregistré"));
        chrome.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("criterion-C1-1")));
        assertThat(chrome.findElement(By.id("criterion-C1-1")).getAttribute("class"))
                .contains("divergent");
        assertThat(chrome.findElement(By.cssSelector("#criterion-C1-1 .other-judgment"))
                        .getText())
                .contains("Acquis");
        assertThat(chrome.findElement(By.id("main")).getText()).contains("1 divergence entre évaluateurs");
        assertNoSidewaysScroll();
        shootAt("tutor-grid-390", By.id("criterion-C1-1"));
        assertThat(jdbc.sql("select evaluator_role || ':' || status from judgment j join course c on c.id = j.course_id"
                                + " where c.context_id = :ctx and j.criterion_code = 'C1.1'")
                        .param("ctx", course)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("EVALUATEUR:ACQUIS", "TUTEUR:NON_ACQUIS");

        // The same link, again: refused, with a clear page that names nobody.
        chrome.manage().deleteAllCookies();
        chrome.get(link.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
        assertThat(chrome.findElement(By.id("refusal")).getText()).contains("a déjà servi");
        assertThat(chrome.findElement(By.tagName("body")).getText()).doesNotContain("amina");
        shoot("tutor-link-refused-390");
        chrome.findElement(By.linkText("Recevoir un nouveau lien")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-link-email")));
        chrome.findElement(By.id("new-link-email")).sendKeys("tom@entreprise.example");
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-link-requested")));
        assertNoSidewaysScroll();
        shoot("tutor-new-link-390");
        assertThat(jdbc.sql("select count(*) from tutor_audit where invitation_id = :i and action = 'LINK_REQUESTED'")
                        .param("i", invitation)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    LtiClient launch(TestPlatform moodle, String course, String sub, String role) {
        LtiClient client = browser();
        var response = client.launch(moodle, sub, n -> moodle.moodleLaunch(sub, role, n, course));
        assertThat(response.statusCode()).isEqualTo(302);
        return client;
    }

    void assertNoSidewaysScroll() {
        Long wide = (Long) ((JavascriptExecutor) chrome)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(wide).as("the page scrolls sideways at 390 px").isLessThanOrEqualTo(0L);
    }

    /** The screen of a 390 × 844 phone, scrolled to the element. */
    void shootAt(String name, By element) throws IOException {
        ((JavascriptExecutor) chrome)
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", chrome.findElement(element));
        Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page at 390 px wide. */
    void shoot(String name) throws IOException {
        Long height =
                (Long) ((JavascriptExecutor) chrome).executeScript("return document.documentElement.scrollHeight;");
        chrome.manage().window().setSize(new Dimension(390, (int) Math.min(height + 140, 6000)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        chrome.manage().window().setSize(new Dimension(390, 844));
    }
}
