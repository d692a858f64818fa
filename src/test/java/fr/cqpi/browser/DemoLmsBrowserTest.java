package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo LMS (at 127.0.0.1) shows the tool (at localhost) in an iframe, so the tool is a third-party frame, in a
 * browser that allows third-party cookies (most users' default): over plain HTTP the tool's {@code SameSite=Lax}
 * session cookie still never reaches the frame, so the launch goes through the cookieless handover (the frame's
 * {@code sessionStorage}, the session header). Browsers that block are in {@link ThirdPartyBlockingBrowserTest}.
 * A trainer records judgments with the keyboard; the learner then sees them read-only.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cqpi.demo.lms-host=127.0.0.1", "cqpi.demo.tool-host=localhost"})
@ActiveProfiles({"test", "demo"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLmsBrowserTest {

    static ChromeDriver chrome;
    static WebDriverWait wait;
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    fr.cqpi.evaluation.JudgmentService judgments;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startChromium() throws IOException {
        chrome = Chromium.start(Chromium.ThirdParty.ALLOWED);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        // While the tool's frame goes from the login step to the page, Chromium can answer a read of the
        // frame being replaced with "target frame detached": the wait reads again, as a user's eyes would.
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    /** Opens the demo course page of a member and enters the tool's iframe once it has loaded. */
    void launchAs(String userId) {
        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo/course/" + userId);
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "The tool did not open in the frame; it shows " + chrome.getCurrentUrl() + ":\n"
                            + chrome.getPageSource(),
                    e);
        }
    }

    @Test
    @Order(0)
    void onTheFirstVisitTheDemoCohortIsJudgedAtSeveralStages() {
        launchAs("trainer-1");
        String cohort = chrome.findElement(By.id("cohort-table")).getText();
        assertThat(cohort)
                .contains("12 apprenants")
                .contains("Proposition favorable")
                .contains("Proposition défavorable")
                .contains("En cours")
                .contains("jamais évalué");
        chrome.findElement(By.linkText("Tableau de bord")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tableau de bord"));
        String dashboard = chrome.findElement(By.id("main")).getText();
        assertThat(dashboard).doesNotContain("Aucun jugement.").contains("C1.3").contains("Paul Petit");
        // Both exports, fetched as the page's download links fetch them without a cookie.
        assertThat(download("/app/exports/cohort.csv"))
                .contains("Hugo Durand;hugo.durand@demo-lms.example")
                .contains("Proposition favorable");
        assertThat(download("/app/exports/judgments.csv"))
                .contains("Relances des fournisseurs oubliées deux fois sur trois")
                .contains("Claire Martin");
        chrome.findElement(By.linkText("← Cohorte")).click();
    }

    /**
     * An export as the page's download link fetches it (with the session header when there is no cookie), as text:
     * the byte-order mark is the decoder's and does not show (ExportsTest checks the bytes).
     */
    String download(String path) {
        Object text = chrome.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var session = document.querySelector('meta[name="cqpi-session"]');
                fetch(arguments[0], { headers: session ? { 'X-CQPI-Session': session.content } : {} })
                  .then(function (r) { return r.ok ? r.text() : 'HTTP ' + r.status; })
                  .then(done, function (e) { done('failed: ' + e); });""", path);
        return String.valueOf(text);
    }

    @Test
    @Order(1)
    void aLearnerLaunchesInTheIframeWhereTheToolGetsNoCookie() {
        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo");
        var conditions = Chromium.frameConditions(chrome, "http://localhost:" + port + "/lti/cookies");
        assertThat(conditions.storageWorks())
                .as("this profile allows third-party storage")
                .isTrue();
        assertThat(conditions.cookieCameBack()).as("and third-party cookies").isTrue();
        launchAs("learner-01");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Ma grille d'évaluation");
        assertThat(chrome.findElements(By.cssSelector("select"))).isEmpty();
        // The tool got no cookie: the page carries its session for the requests it makes.
        assertThat(chrome.findElements(By.cssSelector("meta[name=cqpi-session]")))
                .hasSize(1);
        assertThat(chrome.getCurrentUrl()).doesNotContain("handover");
        launchAs("learner-02");
    }

    @Test
    @Order(2)
    void aTrainerRecordsJudgmentsWithTheKeyboard() throws IOException {
        launchAs("trainer-1");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Cohorte");
        assertThat(chrome.findElement(By.id("cohort-table")).getText())
                .contains("Amina Benali")
                .contains("Lucas Bernard");
        // Yanis never launched the tool: only the roster (NRPS), read after this first trainer launch, knows him.
        // The cohort asks again until it has been read, without a relaunch.
        new WebDriverWait(chrome, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("cohort-table"), "Yanis Vincent"));
        assertPageWhole("Cohorte");
        screenshot("cohort");

        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));

        // One key per criterion: A on the first saves « Acquis » (with the bloc's usual modality, preselected)
        // and moves on to the second, where E saves « En cours d'acquisition ».
        assertThat(chrome.findElement(By.id("main")).getText()).contains("A acquis · E en cours d'acquisition");
        chrome.findElement(By.id("status-C1-1-NON_EVALUE")).sendKeys("a");
        assertThat(chrome.switchTo().activeElement().getAttribute("id")).isEqualTo("status-C1-2-NON_EVALUE");
        chrome.switchTo().activeElement().sendKeys("e");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-2 .outcome"), "Enregistré"));
        assertThat(checkedStatus("C1-1")).isEqualTo("ACQUIS");
        assertThat(new Select(chrome.findElement(By.id("modality-C1-1")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("OBSERVATION");
        assertThat(chrome.findElement(By.cssSelector("#competence-state-C1")).getText())
                .contains("1/4");

        // A comment is folded until used; it is saved when the field is left, or with Ctrl+Enter.
        chrome.findElement(By.cssSelector("#criterion-C1-1 details.comment summary"))
                .click();
        WebElement comment = chrome.findElement(By.id("comment-C1-1"));
        comment.sendKeys("Recherche complète, <b>sources vérifiées</b>");
        new Actions(chrome).sendKeys(Keys.TAB).perform();
        waitForStoredComment("comment-C1-1", "Recherche complète, <b>sources vérifiées</b>");
        chrome.findElement(By.cssSelector("#criterion-C1-2 details.comment summary"))
                .click();
        WebElement second = chrome.findElement(By.id("comment-C1-2"));
        second.sendKeys("À revoir en entretien");
        second.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitForStoredComment("comment-C1-2", "À revoir en entretien");
        assertThat(chrome.findElement(By.id("bloc-summary-B1")).getText())
                .contains("En cours")
                .contains("3,33 % des critères acquis")
                .contains("1 acquis · 2 évalués · 30 critères");
        // The whole bloc (30 criteria, from its title to its last criterion) reads in at most three screens of a
        // 1366 × 900 laptop.
        Number blocHeight = (Number) ((JavascriptExecutor) chrome)
                .executeScript(
                        "var panel = document.getElementById('panel-B1'), all = panel.querySelectorAll('.criterion');"
                                + " return all[all.length - 1].getBoundingClientRect().bottom"
                                + " - panel.querySelector('h2').getBoundingClientRect().top;");
        screenshot("grid");
        ((JavascriptExecutor) chrome)
                .executeScript("document.getElementById('competence-C1').scrollIntoView({block: 'start'})");
        chrome.switchTo().defaultContent();
        Files.write(SCREENSHOTS.resolve("grid-criteria.png"), chrome.getScreenshotAs(OutputType.BYTES));
        chrome.switchTo().frame("tool-frame");
        assertThat(blocHeight.doubleValue()).isLessThanOrEqualTo(3 * 900);

        // Launch again and come back: the judgments are stored.
        launchAs("trainer-1");
        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
        assertThat(checkedStatus("C1-1")).isEqualTo("ACQUIS");
        assertThat(chrome.findElement(By.id("comment-C1-1")).getAttribute("value"))
                .isEqualTo("Recherche complète, <b>sources vérifiées</b>");
        // « Next learner » opens the next one of the class list on the same bloc.
        chrome.findElements(By.cssSelector("[role=tab]")).get(1).click();
        assertThat(chrome.findElement(By.cssSelector("a[rel=next]")).getAttribute("href"))
                .endsWith("bloc=B2");
        chrome.findElement(By.cssSelector("a[rel=next]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Lucas Bernard"));
        assertThat(chrome.findElement(By.id("tab-B2")).getAttribute("aria-selected"))
                .isEqualTo("true");
        assertThat(chrome.findElement(By.cssSelector("a[rel=prev]")).getText()).contains("Amina Benali");
    }

    /** Until the page shows the comment as saved (the server drew it back as the field's stored value). */
    void waitForStoredComment(String id, String text) {
        wait.until(d -> text.equals(((JavascriptExecutor) d)
                .executeScript("var e = document.getElementById(arguments[0]); return e && e.defaultValue;", id)));
    }

    /** The status checked in a criterion's segmented control. */
    String checkedStatus(String criterionId) {
        return chrome.findElement(By.cssSelector("#status-" + criterionId + " input:checked"))
                .getAttribute("value");
    }

    /** One click on a status of the segmented control (which saves the criterion). */
    void choose(String criterionId, String status) {
        chrome.findElement(By.cssSelector("label[for=status-" + criterionId + "-" + status + "]"))
                .click();
    }

    @Test
    @Order(3)
    void theLearnerSeesTheirGridReadOnly() throws IOException {
        launchAs("learner-01");
        String page = chrome.findElement(By.id("panel-B1")).getText();
        assertThat(page)
                .contains("Acquis")
                .contains("Recherche complète, <b>sources vérifiées</b>")
                .contains("Claire Martin");
        // Read-only: the only forms are those of B3's evidence panel, where the candidate uploads their written
        // document, and the livret's, where they sign it.
        assertThat(chrome.findElements(By.cssSelector("form:not(.evidence-form):not(.livret-sign)")))
                .isEmpty();
        assertThat(chrome.findElements(By.cssSelector("input[name=status]"))).isEmpty();
        screenshot("learner-grid");
    }

    @Test
    @Order(4)
    void pagesHaveNoSeriousAccessibilityViolation() throws IOException {
        launchAs("trainer-1");
        assertThat(seriousViolations()).as("cohort").isEmpty();
        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
        assertThat(seriousViolations()).as("grid").isEmpty();
        launchAs("learner-01");
        assertThat(seriousViolations()).as("learner grid").isEmpty();
    }

    @Test
    @Order(5)
    void theTrainersJudgmentsReachTheDemoGradebook() throws IOException {
        launchAs("trainer-1");
        chrome.findElement(By.linkText("Carnet de notes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Carnet de notes"));
        String table = chrome.findElement(By.id("sync-table")).getText();
        assertThat(table)
                .contains("Amina Benali")
                .contains("B1")
                .contains("Envoyée")
                .contains("3,33 %");
        assertThat(seriousViolations()).as("sync page").isEmpty();
        screenshot("sync");

        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo/gradebook");
        String gradebook = chrome.findElement(By.tagName("main")).getText();
        assertThat(gradebook)
                .contains("B1 — Suivi, coordination des informations et production de documents professionnels")
                .contains("Amina Benali")
                // The demo course shows the progress: a bloc in progress is graded already, with its comment.
                .contains("Amina Benali 3,33 / 100")
                .contains("Bloc en cours d'évaluation — 1 critère acquis sur 30")
                // The learners the demo judged before the first visit reached the gradebook too.
                .contains("Bloc évalué, proposition favorable au jury — 30 critères acquis sur 30");
        Files.write(SCREENSHOTS.resolve("demo-gradebook.png"), chrome.getScreenshotAs(OutputType.BYTES));
    }

    /** Another trainer of the demo course saves a criterion of a learner (the demo LMS has one trainer). */
    void anotherTrainerSaves(String learnerSub, String criterion, String status, String modality, String comment) {
        var actor = jdbc.sql("""
                        select c.platform_id, c.id, u.id from enrolment e join course c on c.id = e.course_id
                        join lti_user u on u.platform_id = c.platform_id and u.sub = 'trainer-1'
                        join lti_user l on l.id = e.user_id and l.sub = :learner""")
                .param("learner", learnerSub)
                .query((rs, n) -> new fr.cqpi.course.Actor(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        "trainer-2",
                        "Julien Moreau",
                        fr.cqpi.course.ToolRole.EVALUATOR))
                .single();
        judgments.record(
                actor,
                learnerSub,
                criterion,
                new fr.cqpi.evaluation.JudgmentInput(status, modality, comment, null),
                "browser-test");
    }

    long unsavedForms() {
        return (Long) ((JavascriptExecutor) chrome).executeScript("return window.cqpiUnsavedForms();");
    }

    /** Whether the page asks before it is unloaded (its beforeunload handler cancels the event). */
    boolean asksBeforeLeaving() {
        return (Boolean) ((JavascriptExecutor) chrome)
                .executeScript("var e = new Event('beforeunload', {cancelable: true});"
                        + " window.dispatchEvent(e); return e.defaultPrevented;");
    }

    /**
     * The page's questions (window.confirm) are answered by the test: chromedriver does not return from a click
     * that opens a dialog in a cross-site iframe (the tool's, here), so the dialog is replaced, and what it asked kept.
     */
    void answerQuestions(boolean yes) {
        ((JavascriptExecutor) chrome)
                .executeScript(
                        "window.cqpiAsked = []; window.confirm = function (q) { window.cqpiAsked.push(q); return " + yes
                                + "; };");
    }

    @SuppressWarnings("unchecked")
    List<String> questionsAsked() {
        return (List<String>) ((JavascriptExecutor) chrome).executeScript("return window.cqpiAsked;");
    }

    @Test
    @Order(6)
    void nothingATrainerTypesIsLost() throws IOException {
        launchAs("trainer-1");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Lucas Bernard")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Lucas Bernard"));
        assertThat(unsavedForms()).isZero();
        assertThat(asksBeforeLeaving()).isFalse();

        // Typed, not saved yet (a comment saves when it is left): the criterion is marked, closing the tab asks.
        chrome.findElement(By.cssSelector("#criterion-C1-3 details.comment summary"))
                .click();
        chrome.findElement(By.id("comment-C1-3")).sendKeys("Ma saisie, à ne pas perdre");
        assertThat(unsavedForms()).isEqualTo(1);
        assertThat(chrome.findElement(By.id("criterion-C1-3")).getAttribute("class"))
                .contains("unsaved");
        assertThat(asksBeforeLeaving()).isTrue();

        // Another trainer saves the criterion first: leaving the comment saves it, the save answers 409, the
        // typed value stays, theirs beside it.
        anotherTrainerSaves("learner-02", "C1.3", "NON_ACQUIS", "OBSERVATION", "Vu en situation : incomplet");
        new Actions(chrome).sendKeys(Keys.TAB).perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#criterion-C1-3 .their-value")));
        assertThat(checkedStatus("C1-3")).isEqualTo("NON_EVALUE");
        assertThat(chrome.findElement(By.id("comment-C1-3")).getAttribute("value"))
                .isEqualTo("Ma saisie, à ne pas perdre");
        String theirs = chrome.findElement(By.cssSelector("#criterion-C1-3 .their-value"))
                .getText();
        assertThat(theirs)
                .contains("Valeur enregistrée par Julien Moreau")
                .contains("Non acquis")
                .contains("Observation en situation de travail")
                .contains("Vu en situation : incomplet");
        assertThat(chrome.findElement(By.cssSelector("#criterion-C1-3 .outcome"))
                        .getText())
                .contains("Julien Moreau a enregistré ce critère pendant votre saisie");
        assertThat(unsavedForms()).isEqualTo(1);
        assertThat(asksBeforeLeaving()).isTrue();
        assertThat(seriousViolations()).as("grid after a conflict").isEmpty();
        conflictScreenshots();

        // Saving hers, knowingly: saved, nothing unsaved any more, leaving asks nothing.
        chrome.findElement(By.cssSelector("#criterion-C1-3 button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-3 .outcome"), "Enregistré"));
        assertThat(chrome.findElements(By.cssSelector("#criterion-C1-3 .their-value")))
                .isEmpty();
        assertThat(unsavedForms()).isZero();
        assertThat(asksBeforeLeaving()).isFalse();

        // The bulk action (not ticked) says it keeps comments and modalities, and does.
        new Select(chrome.findElement(By.id("bulk-status-C1"))).selectByValue("EN_COURS");
        answerQuestions(true);
        chrome.findElement(By.cssSelector("#competence-C1 form.bulk button[type=submit]"))
                .click();
        assertThat(questionsAsked())
                .singleElement()
                .asString()
                .contains("Leurs commentaires et leurs modalités sont conservés")
                .doesNotContain("Une saisie n'est pas enregistrée");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#competence-C1 form.bulk .outcome"), "Enregistré"));
        assertThat(chrome.findElement(By.id("comment-C1-3")).getAttribute("value"))
                .isEqualTo("Ma saisie, à ne pas perdre");
        assertThat(checkedStatus("C1-3")).isEqualTo("EN_COURS");
        // Ticked, the question says what will be replaced; dismissed, nothing happens.
        chrome.findElement(By.cssSelector("#competence-C1 form.bulk input[name=replace]"))
                .click();
        answerQuestions(false);
        chrome.findElement(By.cssSelector("#competence-C1 form.bulk button[type=submit]"))
                .click();
        assertThat(questionsAsked()).singleElement().asString().contains("leurs commentaires effacés");
        assertThat(chrome.findElement(By.id("comment-C1-3")).getAttribute("value"))
                .isEqualTo("Ma saisie, à ne pas perdre");
    }

    /** The grid after a conflict, at the browser's width and at a phone's (390 px), for a human to look at. */
    void conflictScreenshots() throws IOException {
        JavascriptExecutor js = chrome;
        WebElement criterion = chrome.findElement(By.id("criterion-C1-3"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", criterion);
        Files.write(SCREENSHOTS.resolve("conflict-criterion.png"), criterion.getScreenshotAs(OutputType.BYTES));
        Files.write(SCREENSHOTS.resolve("conflict.png"), chrome.getScreenshotAs(OutputType.BYTES));
        org.openqa.selenium.Dimension size = chrome.manage().window().getSize();
        try {
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", criterion);
            Files.write(
                    SCREENSHOTS.resolve("conflict-390.png"),
                    chrome.findElement(By.id("criterion-C1-3")).getScreenshotAs(OutputType.BYTES));
            WebElement theirs = chrome.findElement(By.cssSelector("#criterion-C1-3 .their-value"));
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", theirs);
            Files.write(SCREENSHOTS.resolve("conflict-390-theirs.png"), theirs.getScreenshotAs(OutputType.BYTES));
            // Nothing wider than the frame: every field can be reached without scrolling sideways.
            assertThat(widerThanTheScreen())
                    .as("what is wider than a 390 px wide screen")
                    .isEmpty();
        } finally {
            chrome.manage().window().setSize(size);
        }
    }

    @Test
    @Order(9)
    @org.junit.jupiter.api.Timeout(150)
    void withoutCookiesDeepLinkingPlacesTheGridAndABlocInTheCourse() {
        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo/course/trainer-1?message=deep-linking");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ajouter la grille au cours"));
        assertCookieless();
        chrome.findElement(By.id("item-B2")).click();
        chrome.findElement(By.xpath("//button[text()='Ajouter au cours']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Contenu reçu de l'outil"));
        assertThat(chrome.findElement(By.id("received-items")).getText())
                .contains("grille d'évaluation")
                .contains("B2");
    }

    @Test
    @Order(10)
    @org.junit.jupiter.api.Timeout(150)
    void aLaunchThroughThePlatformsStorageWorksWithoutCookies() {
        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo/course/learner-01?storage=platform");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ma grille d'évaluation"));
        assertCookieless();
        chrome.switchTo().defaultContent();
        // The tool's storage page ran (under its own CSP) and kept the state and the nonce in the LMS's frame.
        assertThat(chrome.findElement(By.tagName("html")).getAttribute("data-stored-keys"))
                .isEqualTo("2");
        // At the launch, the tool's handover page read the state back (lti.get_data) before going on.
        assertThat(chrome.findElement(By.tagName("html")).getAttribute("data-read-keys"))
                .isEqualTo("1");
    }

    @Test
    @Order(11)
    void everyPageAndActionWorksWithoutCookies() {
        launchAs("trainer-1");
        assertCookieless();
        // Filter: the table alone is swapped, the page stays whole.
        chrome.findElement(By.id("cohort-filter")).sendKeys("Amin");
        // The table is swapped while it is read: a stale reference is read again.
        new WebDriverWait(chrome, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("cohort-table")).getText().contains("Lucas Bernard"));
        assertThat(chrome.findElement(By.id("cohort-table")).getText()).contains("Amina Benali");
        assertPageWhole("Cohorte");
        // Sort by a bloc: a whole page (boosted links carry the session header).
        WebElement table = chrome.findElement(By.id("cohort-table"));
        chrome.findElement(By.cssSelector("#cohort-table thead th:nth-child(2) a"))
                .click();
        wait.until(ExpectedConditions.stalenessOf(table));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cohort-table thead th:nth-child(2)[aria-sort=ascending],"
                        + " #cohort-table thead th:nth-child(2)[aria-sort=descending]")));
        assertPageWhole("Cohorte");
        assertCookieless();
        // The grid, another bloc's tab, the history and back.
        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
        chrome.findElements(By.cssSelector("[role=tab]")).get(1).click();
        assertThat(chrome.findElements(By.cssSelector("[role=tabpanel]:not([hidden])")))
                .hasSize(1);
        chrome.findElement(By.linkText("Historique des modifications")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Historique des jugements"));
        assertPageWhole("Amina Benali");
        chrome.findElement(By.linkText("← Retour à la grille")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Grille d'évaluation"));
        assertPageWhole("Amina Benali");
        assertCookieless();
        // The sync page and its plain-form actions (posted through htmx with the session header and CSRF token).
        chrome.findElement(By.linkText("← Cohorte")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohorte"));
        chrome.findElement(By.linkText("Carnet de notes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Carnet de notes"));
        assertPageWhole("Carnet de notes");
        // Each action answers with a new page: wait for the old one to go before reading the new one.
        WebElement before = chrome.findElement(By.tagName("h1"));
        chrome.findElement(By.xpath("//button[normalize-space()='Relire la liste des apprenants']"))
                .click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Carnet de notes"));
        assertPageWhole("Carnet de notes");
        before = chrome.findElement(By.tagName("h1"));
        chrome.findElement(By.xpath("//form[contains(@action,'/app/sync/settings')]//button"))
                .click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Carnet de notes"));
        assertPageWhole("Carnet de notes");
        assertCookieless();
    }

    @Test
    @Order(12)
    void theCohortAndTheDashboardAtAPhoneATabletAndALaptopWidth() throws IOException {
        launchAs("trainer-1");
        org.openqa.selenium.Dimension size = chrome.manage().window().getSize();
        try {
            for (int width : new int[] {390, 1024, 1366}) {
                chrome.switchTo().defaultContent();
                chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                chrome.switchTo().frame("tool-frame");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cohort-table")));
                assertThat(widerThanTheScreen())
                        .as("cohort at " + width + " px")
                        .isEmpty();
                assertThat(seriousViolations()).as("cohort at " + width + " px").isEmpty();
                screenshot("cohort-" + width);
                chrome.findElement(By.linkText("Tableau de bord")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tableau de bord"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-states[data-drawn]")));
                assertPageWhole("Tableau de bord");
                assertThat(widerThanTheScreen())
                        .as("dashboard at " + width + " px")
                        .isEmpty();
                assertThat(seriousViolations())
                        .as("dashboard at " + width + " px")
                        .isEmpty();
                screenshot("dashboard-" + width);
                chrome.findElement(By.linkText("← Cohorte")).click();
            }
            // The state filter swaps the table alone.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cohort-state")));
            WebElement table = chrome.findElement(By.id("cohort-table"));
            new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("cohort-state")))
                    .selectByValue("VALIDE");
            wait.until(ExpectedConditions.stalenessOf(table));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("cohort-table"), "Aucun apprenant ne correspond"));
            assertPageWhole("Cohorte");
        } finally {
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(size);
        }
    }

    @Test
    @Order(13)
    void theDemoLaunchesInEnglishToo() {
        chrome.switchTo().defaultContent();
        chrome.get("http://127.0.0.1:" + port + "/demo");
        chrome.findElement(By.cssSelector("[data-launch-en=trainer-1]")).click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohort"));
        assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        chrome.findElement(By.linkText("Dashboard")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dashboard"));
        assertThat(chrome.findElement(By.id("main")).getText()).contains("Bloc states", "Learners behind");
        chrome.switchTo().defaultContent();
    }

    @Test
    @Order(14)
    void aGroupObservationIsJudgedForTheWholeCohortOnOnePage() throws IOException {
        launchAs("trainer-1");
        chrome.findElement(By.linkText("Jugement de groupe")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jugement de groupe"));
        new Select(chrome.findElement(By.id("group-criterion"))).selectByValue("C2.5");
        chrome.findElement(By.xpath("//button[normalize-space()='Ouvrir']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "C2.5"));
        assertPageWhole("Jugement de groupe");
        List<WebElement> rows = chrome.findElements(By.cssSelector(".group-row"));
        assertThat(rows.size()).isGreaterThanOrEqualTo(12);
        // A for the first learner, N for the second: each saved at once, the focus going down the list.
        String first = rows.get(0).getAttribute("id");
        String second = rows.get(1).getAttribute("id");
        rows.get(0).findElement(By.cssSelector("input[name=status]:checked")).sendKeys("a");
        chrome.switchTo().activeElement().sendKeys("n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#" + second + " .outcome"), "Enregistré"));
        assertThat(chrome.findElement(By.cssSelector("#" + first + " input[name=status]:checked"))
                        .getAttribute("value"))
                .isEqualTo("ACQUIS");
        assertThat(chrome.findElement(By.cssSelector("#" + second + " input[name=status]:checked"))
                        .getAttribute("value"))
                .isEqualTo("NON_ACQUIS");
        assertThat(seriousViolations()).as("group judging").isEmpty();
        org.openqa.selenium.Dimension size = chrome.manage().window().getSize();
        try {
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
            chrome.switchTo().frame("tool-frame");
            assertThat(widerThanTheScreen()).as("group judging at 390 px").isEmpty();
            screenshot("group-390");
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
            chrome.switchTo().frame("tool-frame");
            screenshot("group-1366");
        } finally {
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(size);
        }
    }

    @Test
    @Order(15)
    void theTutorsPageAndTheSessionBarAtALaptopAndAPhoneWidth() throws IOException {
        launchAs("trainer-1");
        chrome.findElement(By.linkText("Tuteurs entreprise")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tuteurs entreprise"));
        assertPageWhole("Tuteurs entreprise");
        assertThat(chrome.findElement(By.id("main")).getText()).contains("Thomas Girard");
        org.openqa.selenium.Dimension size = chrome.manage().window().getSize();
        try {
            for (int width : new int[] {1366, 390}) {
                chrome.switchTo().defaultContent();
                chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                chrome.switchTo().frame("tool-frame");
                assertThat(widerThanTheScreen())
                        .as("tutors at " + width + " px")
                        .isEmpty();
                assertThat(seriousViolations()).as("tutors at " + width + " px").isEmpty();
                screenshot("tutors-" + width);
            }
            chrome.findElement(By.linkText("← Cohorte")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohorte"));
            chrome.findElement(By.linkText("Amina Benali")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
            WebElement bar = chrome.findElement(By.id("session-bar"));
            assertThat(widerThanTheScreen()).as("grid at 390 px").isEmpty();
            Files.write(SCREENSHOTS.resolve("session-bar-390.png"), bar.getScreenshotAs(OutputType.BYTES));
        } finally {
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(size);
        }
    }

    /** Elements of the page wider than the frame: each would need scrolling sideways. */
    List<?> widerThanTheScreen() {
        return (List<?>) ((JavascriptExecutor) chrome)
                .executeScript("var w = document.documentElement.clientWidth, wide = [];"
                        + " document.querySelectorAll('main *').forEach(function (e) {"
                        + " var r = e.getBoundingClientRect();"
                        + " if (r.width > 0 && r.right > w + 1 && !e.closest('[hidden]') && !e.closest('.table-scroll')) {"
                        + " wide.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); } });"
                        + " return wide.slice(0, 10);");
    }

    void assertCookieless() {
        assertThat(chrome.findElements(By.cssSelector("meta[name=cqpi-session]")))
                .hasSize(1);
    }

    /** The page still has its header, its navigation and its heading (nothing swapped a fragment into the body). */
    void assertPageWhole(String heading) {
        assertThat(chrome.findElements(By.cssSelector("body > header.topbar"))).hasSize(1);
        assertThat(chrome.findElements(By.cssSelector("body > main#main"))).hasSize(1);
        assertThat(chrome.findElement(By.tagName("h1")).getText()).contains(heading);
        assertThat(chrome.findElements(By.cssSelector("nav.toolbar, .toolbar"))).isNotEmpty();
        assertThat(chrome.findElement(By.tagName("body")).getText()).doesNotContain("Aucune session");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seriousViolations() throws IOException {
        String axe;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = chrome;
        js.executeScript(axe);
        Map<String, Object> result =
                (Map<String, Object>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done({violations: r.violations.map("
                        + "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))}));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
    }

    @Test
    @Order(12)
    void aTutorJudgesTheirLearnersBesideTheTrainer() throws IOException {
        // The demo's tuteur entreprise (LTI Mentor, role_scope_mentor: Amina, Lucas, Chloé) sees only them.
        launchAs("tutor-1");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Cohorte");
        String cohort = chrome.findElement(By.id("cohort-table")).getText();
        assertThat(cohort).contains("Amina Benali").contains("Lucas Bernard").contains("Chloé Dubois");
        assertThat(cohort).doesNotContain("Hugo Durand").doesNotContain("Yanis Vincent");
        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
        // « Évaluateur » shown, « Évaluateur habilité » for screen readers and on hover.
        assertThat(chrome.findElement(By.cssSelector("#criterion-C1-1 .other-judgment"))
                        .getText())
                .contains("Évaluateur")
                .contains("Acquis");
        assertThat(chrome.findElement(By.cssSelector("#criterion-C1-1 .other-judgment .judgment-role"))
                        .getAttribute("title"))
                .isEqualTo("Évaluateur habilité");
        // The trainer said Acquis: the tutor says Non acquis, and the divergence shows at once.
        choose("C1-1", "NON_ACQUIS");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-1 .outcome"), "Enregistré"));
        chrome.findElement(By.cssSelector("#criterion-C1-1 details.comment summary"))
                .click();
        chrome.findElement(By.id("comment-C1-1")).sendKeys("Pas encore observé en autonomie");
        choose("C1-2", "EN_COURS");
        waitForStoredComment("comment-C1-1", "Pas encore observé en autonomie");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-2 .outcome"), "Enregistré"));
        assertThat(chrome.findElement(By.id("criterion-C1-1")).getAttribute("class"))
                .contains("divergent");
        assertThat(chrome.findElement(By.id("divergences-B1")).getText())
                .contains("1 divergence entre évaluateurs")
                .contains("C1.1");

        // Side by side, as the trainer sees it: the screenshots of the grid with both evaluators.
        launchAs("trainer-1");
        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
        assertThat(chrome.findElement(By.cssSelector("#criterion-C1-1 .other-judgment"))
                        .getText())
                .contains("Tuteur")
                .contains("Non acquis")
                .contains("Divergence");
        JavascriptExecutor js = (JavascriptExecutor) chrome;
        org.openqa.selenium.Dimension size = chrome.manage().window().getSize();
        try {
            for (int width : new int[] {1366, 390}) {
                // Tall enough for the whole of what is shot: an element screenshot keeps to the window.
                chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, width < 500 ? 1700 : 1000));
                WebElement shot = chrome.findElement(By.id(width < 500 ? "criterion-C1-1" : "competence-C1"));
                js.executeScript("arguments[0].scrollIntoView({block: 'start'})", shot);
                Files.write(
                        SCREENSHOTS.resolve("grid-two-evaluators-" + width + ".png"),
                        shot.getScreenshotAs(OutputType.BYTES));
                assertThat((Boolean) js.executeScript(
                                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                        .as("no horizontal scroll at " + width + " px: " + widerThanTheScreen())
                        .isTrue();
            }
            WebElement summary = chrome.findElement(By.id("divergences-B1"));
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", summary);
            Files.write(SCREENSHOTS.resolve("grid-divergences-390.png"), summary.getScreenshotAs(OutputType.BYTES));
        } finally {
            chrome.manage().window().setSize(size);
        }
    }

    void screenshot(String name) throws IOException {
        ((JavascriptExecutor) chrome).executeScript("window.scrollTo(0, 0)");
        chrome.switchTo().defaultContent();
        Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        chrome.switchTo().frame("tool-frame");
    }
}
