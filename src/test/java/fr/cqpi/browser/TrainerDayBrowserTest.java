package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.course.Actor;
import fr.cqpi.course.ToolRole;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryInputs;
import fr.cqpi.support.Chromium;
import fr.cqpi.support.DemoBrowser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a trainer and a learner ran into during a day with the demo (issue 21), in headless Chromium through the demo
 * LMS: a bloc the jury decided shows read-only and a refused save shows the stored value again; the status control
 * stays where it is after a save; the keyboard's focus after the last criterion and the leave warning after a saved
 * comment; the sync page and the grid at a phone's width. Screenshots to target/screenshots.
 */
@Tag("browser")
// A context of its own (the explicit property): its jury decisions must not show in DemoLmsBrowserTest's demo course.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cqpi.demo.lms-host=127.0.0.1", "cqpi.demo.tool-host=localhost", "cqpi.demo.seed-cohort=true"})
@ActiveProfiles({"test", "demo"})
class TrainerDayBrowserTest {

    static final List<JuryInputs.Member> JURY = List.of(
            new JuryInputs.Member("Claire Martin", "EMPLOYEURS", "PRESIDENT"),
            new JuryInputs.Member("Paul Durand", "SALARIES", "REPRESENTANT_SALARIES"),
            new JuryInputs.Member("Nadia Benali", "EMPLOYEURS", "REPRESENTANT_EMPLOYEURS"),
            new JuryInputs.Member("Luc Moreau", "AUCUN", "RAPPORTEUR"));

    static DemoBrowser browser;
    static ChromeDriver chrome;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired
    Jury jury;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startChromium() {
        browser = DemoBrowser.start(Chromium.ThirdParty.ALLOWED);
        chrome = browser.chrome();
        wait = browser.waits();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void laptopWidth() {
        chrome.switchTo().defaultContent();
        chrome.manage().window().setSize(new Dimension(1366, 900));
    }

    void launchAs(String userId) {
        browser.launchAs(port, userId);
    }

    /** The trainer's grid of a learner of the demo cohort, on a bloc. */
    void openGrid(String name) {
        launchAs("trainer-1");
        new WebDriverWait(chrome, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("cohort-table")).getText().contains(name));
        chrome.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), name));
    }

    JavascriptExecutor js() {
        return chrome;
    }

    /** The jury of 20 November 2026 validates a bloc of a learner of the demo course, as the trainer records it. */
    void validate(String learnerSub, String bloc) {
        long courseId = jdbc.sql("select id from course where context_id = 'demo-cqpi-2026'")
                .query(Long.class)
                .single();
        var trainer = jdbc.sql("select u.id, u.platform_id from lti_user u join enrolment e on e.user_id = u.id"
                        + " where e.course_id = :c and u.sub = 'trainer-1'")
                .param("c", courseId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        Actor actor = new Actor(trainer[1], courseId, trainer[0], "trainer-1", "Claire Martin", ToolRole.EVALUATOR);
        var session = jury.createSession(
                actor, new JuryInputs.Session("2026-11-20", "Lyon, OPCO 2i", JURY, List.of(learnerSub), null));
        jury.decide(
                actor,
                session.id(),
                new JuryInputs.Decide(learnerSub, bloc, "VALIDE", 3, 0, 0, "Bloc acquis", null, null, null),
                "trainer-day-test");
    }

    String checkedStatus(String domId) {
        return chrome.findElement(By.cssSelector("#status-" + domId + " input:checked"))
                .getAttribute("value");
    }

    @Test
    void aDecidedBlocIsReadOnlyAndARefusedSaveShowsTheStoredValueAgain() {
        // Hugo's four blocs are all acquired: the jury validated B1.
        launchAs("trainer-1");
        validate("learner-04", "B1");
        openGrid("Hugo Durand");
        assertThat(chrome.findElement(By.cssSelector("#panel-B1 .locked-notice"))
                        .getText())
                .startsWith("Bloc décidé par le jury le 20/11/2026");
        assertThat(chrome.findElements(By.cssSelector("#panel-B1 input[name=status]")))
                .hasSizeGreaterThan(20)
                .allMatch(radio -> !radio.isEnabled());
        assertThat(chrome.findElements(By.cssSelector("#panel-B1 select, #panel-B1 textarea")))
                .allMatch(field -> !field.isEnabled());
        WebElement apply = chrome.findElement(By.cssSelector("#competence-C1 form.bulk button[type=submit]"));
        assertThat(apply.isEnabled()).isFalse();
        assertThat(chrome.findElement(By.cssSelector("#competence-C1 form.bulk .locked-reason"))
                        .getText())
                .isEqualTo("Bloc décidé par le jury le 20/11/2026");
        // A click changes nothing; another bloc stays open.
        chrome.findElement(By.cssSelector("label[for=status-C1-2-NON_ACQUIS]")).click();
        assertThat(checkedStatus("C1-2")).isEqualTo("ACQUIS");
        assertThat(chrome.findElement(By.cssSelector("#panel-B1 #criterion-C1-2 .outcome"))
                        .getText())
                .isEmpty();
        assertThat(chrome.findElement(By.id("status-C4-1-ACQUIS")).isEnabled()).isTrue();
        js().executeScript(
                        "document.querySelector('#panel-B1 .locked-notice').scrollIntoView({block: 'start'}); window.scrollBy(0, -20);");
        browser.screenshot("grid-decided-bloc-1366");

        // Nora's grid is open when the jury validates her B1: the save is refused (409), and the control goes back
        // to the stored status, disabled, instead of showing a status that is not stored.
        openGrid("Nora Moreau");
        validate("learner-09", "B1");
        chrome.findElement(By.cssSelector("label[for=status-C1-1-EN_COURS]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-1 .outcome"), "Le jury a statué sur ce bloc"));
        assertThat(checkedStatus("C1-1")).isEqualTo("ACQUIS");
        assertThat(chrome.findElement(By.id("status-C1-1-ACQUIS")).isEnabled()).isFalse();
        // The bulk action too: refused, the compétence shown as stored, its controls disabled.
        js().executeScript("window.confirm = function () { return true; };");
        new Select(chrome.findElement(By.id("bulk-status-C2"))).selectByValue("EN_COURS");
        chrome.findElement(By.cssSelector("#competence-C2 form.bulk button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#competence-C2 form.bulk"), "Le jury a statué sur ce bloc"));
        assertThat(checkedStatus("C2-1")).isEqualTo("ACQUIS");
        assertThat(chrome.findElement(By.cssSelector("#competence-C2 form.bulk button[type=submit]"))
                        .isEnabled())
                .isFalse();
        assertThat((Long) js().executeScript("return window.cqpiUnsavedForms();"))
                .isZero();

        // The learner: no upload form on a decided bloc, and why.
        validate("learner-09", "B3");
        launchAs("learner-09");
        chrome.findElement(By.id("tab-B3")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence-B3 h3")));
        WebElement evidence = chrome.findElement(By.id("evidence-B3"));
        assertThat(evidence.getText()).contains("Bloc décidé par le jury le 20/11/2026");
        assertThat(evidence.findElements(By.cssSelector("input[type=file], form")))
                .isEmpty();
    }

    /** Where the status control of a criterion (or of a group row) is: its left edge, in CSS pixels. */
    long left(String id) {
        return ((Number) js().executeScript(
                                "return Math.round(document.getElementById(arguments[0]).getBoundingClientRect().left);",
                                id))
                .longValue();
    }

    @Test
    void theStatusControlStaysInPlaceAfterASaveInTheGridAndTheGroupPage() {
        openGrid("Mathis Leroy");
        long before = left("status-C1-1");
        assertThat(left("status-C1-2")).isEqualTo(before);
        chrome.findElement(By.cssSelector("label[for=status-C1-1-ACQUIS]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-1 .outcome"), "Enregistré"));
        assertThat(left("status-C1-1")).as("after « ✓ Enregistré »").isEqualTo(before);
        // A comment's preview, then its save.
        chrome.findElement(By.cssSelector("#criterion-C1-2 details.comment summary"))
                .click();
        chrome.findElement(By.id("comment-C1-2"))
                .sendKeys("Une relance oubliée, reprise le lendemain sans qu'on le lui demande");
        assertThat(left("status-C1-2")).as("comment open").isEqualTo(before);
        new Actions(chrome).sendKeys(Keys.TAB).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-2 .outcome"), "Enregistré"));
        assertThat(chrome.findElement(By.cssSelector("#criterion-C1-2 summary.comment-summary"))
                        .getText())
                .startsWith("✎");
        assertThat(left("status-C1-2")).as("after a comment's save").isEqualTo(before);
        assertThat(left("status-C1-3")).isEqualTo(before);
        // The bloc's modality reads whole at a laptop's width (« Observation en situation de travail »).
        assertThat((Boolean) js().executeScript("""
                        var s = document.getElementById('modality-C1-3'), st = getComputedStyle(s);
                        var c = document.createElement('canvas').getContext('2d'); c.font = st.font;
                        var text = c.measureText(s.options[s.selectedIndex].text).width;
                        return text + parseFloat(st.paddingLeft) + 20 <= s.clientWidth;""")).isTrue();

        chrome.findElement(By.linkText("← Cohorte")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohorte"));
        chrome.findElement(By.linkText("Jugement de groupe")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jugement de groupe"));
        List<WebElement> rows = chrome.findElements(By.cssSelector(".group-row"));
        String first = rows.get(0).getAttribute("id").replace("row-", "");
        String second = rows.get(1).getAttribute("id").replace("row-", "");
        long row = left("status-" + first);
        assertThat(left("status-" + second)).isEqualTo(row);
        chrome.findElement(By.cssSelector("label[for=status-" + first + "-EN_COURS]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#row-" + first + " .outcome"), "Enregistré"));
        assertThat(left("status-" + first)).as("group row after a save").isEqualTo(row);
        assertThat(left("status-" + second)).isEqualTo(row);
    }

    @Test
    void afterTheLastCriterionTheFocusIsOnTheStatusTheKeyChose() {
        openGrid("Paul Petit");
        // The bloc's last criterion: the key chooses and saves « Acquis », and the focus is on « Acquis ».
        String last = (String) js().executeScript(
                        "var all = document.querySelectorAll('#panel-B1 .criterion'); return all[all.length - 1].id;");
        String domId = last.replace("criterion-", "");
        WebElement notJudged = chrome.findElement(By.id("status-" + domId + "-NON_EVALUE"));
        js().executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", notJudged);
        // The save is held back, so that the focus is read before its answer redraws the criterion (and focuses it).
        js().executeScript("document.addEventListener('htmx:beforeRequest',"
                + " function (e) { e.preventDefault(); }, {once: true});");
        notJudged.sendKeys("a");
        assertThat(js().executeScript("return document.activeElement.id;")).isEqualTo("status-" + domId + "-ACQUIS");
        js().executeScript("htmx.trigger(document.querySelector('#" + last + " form.judgment'), 'change');");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#" + last + " .outcome"), "Enregistré"));
        assertThat(js().executeScript("return document.activeElement.id;")).isEqualTo("status-" + domId + "-ACQUIS");
    }

    /**
     * A comment typed with a space and a line break after it is saved without them (the server trims it): nothing is
     * left unsaved, the comment is not saved again and again, and leaving the page asks nothing.
     */
    @Test
    void aSavedCommentAsksNothingOnLeaving() {
        openGrid("Inès Fontaine");
        chrome.findElement(By.cssSelector("#criterion-C1-1 details.comment summary"))
                .click();
        chrome.findElement(By.id("comment-C1-1")).sendKeys("Compte rendu relu avec la tutrice ", Keys.ENTER);
        new Actions(chrome).sendKeys(Keys.TAB).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C1-1 .outcome"), "Enregistré"));
        wait.until(d -> "Compte rendu relu avec la tutrice"
                .equals(d.findElement(By.id("comment-C1-1")).getAttribute("defaultValue")));
        assertThat((Long) js().executeScript("return window.cqpiUnsavedForms();"))
                .isZero();
        assertThat(chrome.findElement(By.id("criterion-C1-1")).getAttribute("class"))
                .doesNotContain("unsaved");
        assertThat(jdbc.sql("select comment from judgment j join lti_user u on u.id = j.learner_id"
                                + " where u.sub = 'learner-05' and j.criterion_code = 'C1.1'")
                        .query(String.class)
                        .single())
                .isEqualTo("Compte rendu relu avec la tutrice");
    }

    @Test
    void theSyncPageAndTheGridFitAPhone() {
        launchAs("trainer-1");
        chrome.findElement(By.linkText("Carnet de notes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Carnet de notes"));
        chrome.switchTo().defaultContent();
        chrome.manage().window().setSize(new Dimension(390, 844));
        chrome.switchTo().frame("tool-frame");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sync-table table")));
        assertThat(widerThanTheFrame()).as("sync page at 390 px").isEmpty();
        js().executeScript("document.getElementById('sync-table').scrollIntoView({block: 'start'});");
        browser.screenshot("sync-390");

        // The grid: no keyboard shortcuts said on a phone.
        chrome.findElement(By.linkText("← Cohorte")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cohort-table")));
        chrome.findElement(By.linkText("Amina Benali")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amina Benali"));
        assertThat(chrome.findElement(By.cssSelector("p.keys")).isDisplayed()).isFalse();
        assertThat(widerThanTheFrame()).as("grid at 390 px").isEmpty();
    }

    /** Elements of the page wider than the frame (what scrolls in its own box excepted). */
    List<?> widerThanTheFrame() {
        return (List<?>) js().executeScript("var w = document.documentElement.clientWidth, wide = [];"
                + " document.querySelectorAll('main *').forEach(function (e) {"
                + " var r = e.getBoundingClientRect();"
                + " if (r.width > 0 && r.right > w + 1 && !e.closest('[hidden]') && !e.closest('.table-scroll')) {"
                + " wide.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); } });"
                + " if (document.documentElement.scrollWidth > w + 1) { wide.push('page ' + document.documentElement.scrollWidth); }"
                + " return wide.slice(0, 10);");
    }
}
