package fr.cqpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.CqpiLtiApplication;
import fr.cqpi.support.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool against a real Moodle 5.1 (../shared/moodle, started by {@code moodle.sh}): registered by LTI Dynamic
 * Registration through Moodle's own admin pages, launched by a teacher inside Moodle's iframe, judged through the
 * grid, and Moodle's gradebook read back. Moodle is on 127.0.0.1 and the tool on localhost, two sites: headless
 * Chromium allows third-party cookies (most users' default); over plain HTTP the tool's Lax session cookie still
 * never reaches Moodle's frame, so every launch takes the cookieless handover.
 *
 * <p>Run by {@code mvn verify -Pmoodle-e2e} (failsafe), which {@code scripts/test.sh} does. Artefacts (Moodle's web
 * log, the tool's log, the moodle.sh outputs, screenshots and the page on failure) are under
 * {@code target/moodle-e2e/}.
 *
 * <p>Properties: {@code moodle.kit} (required, the kit's directory); for a developer's quicker reruns against an
 * installed Moodle, {@code -Dmoodle.fresh=false -Dmoodle.dir=DIR -Dmoodle.port=PORT -Dmoodle.course=OTHER} (by
 * default a new Moodle is installed in {@code target/moodle-e2e/site} on a free port, about 2 minutes).
 */
@Tag("moodle")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.file.name=target/moodle-e2e/tool.log", "logging.level.fr.cqpi.gradesync=DEBUG"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealMoodleE2E {

    static final Path OUT = Path.of("target/moodle-e2e").toAbsolutePath();
    static final String ADMIN_PASSWORD = "test-admin-password"; // application-test.properties
    static final String COURSE = System.getProperty("moodle.course", "CQPI-E2E");
    static final Duration GRADEBOOK_WAIT = Duration.ofSeconds(60);

    /** Moodle starts (installs: about 2 minutes) while Spring starts the tool. */
    static final CompletableFuture<MoodleSite> MOODLE = startMoodleIn(OUT);

    /** Cleans the artefacts of an earlier run, then starts (installs) a Moodle whose artefacts go to {@code out}. */
    static CompletableFuture<MoodleSite> startMoodleIn(Path out) {
        return cleanArtefacts(out).thenApplyAsync(nothing -> startMoodle(out));
    }

    /** Before the tool starts (it writes tool.log there): the artefacts of an earlier run go. */
    static CompletableFuture<Void> cleanArtefacts(Path out) {
        try {
            Files.createDirectories(out);
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(p);
                }
            }
            deleteTree(out.resolve("screenshots"));
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    MoodleSite moodle;
    ChromeDriver chrome;
    Chromium.ThirdParty browserThirdParty;
    WebDriverWait wait;

    // What the steps hand on to the next ones.
    Integer typeId;
    boolean activated;
    boolean launched;
    JsonNode course;
    Integer cmid;
    String judgedLearner;
    String judgedUsername;
    final List<Instant> saves = new ArrayList<>();
    boolean judged;
    Instant judgedAt;

    @RegisterExtension
    final TestWatcher artefactsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String name = "FAILED-" + context.getRequiredTestMethod().getName();
            try {
                if (chrome != null) {
                    screenshot(name);
                    Files.writeString(out().resolve(name + ".html"), chrome.getPageSource());
                }
            } catch (RuntimeException | IOException e) {
                cause.addSuppressed(e);
            }
            System.err.println("Artefacts of the failure: " + out() + " (Moodle's web log "
                    + (moodle == null ? "?" : moodle.webLog()) + ", the tool's log tool.log, screenshots/)");
        }
    };

    static MoodleSite startMoodle(Path out) {
        Path kit = MoodleSite.kit();
        Path dir = Path.of(System.getProperty("moodle.dir", out.resolve("site").toString()))
                .toAbsolutePath();
        boolean fresh = !"false".equals(System.getProperty("moodle.fresh"));
        try {
            Files.createDirectories(out);
            if (fresh) {
                deleteTree(dir);
            }
            Instant start = Instant.now();
            MoodleSite site;
            try {
                site = MoodleSite.start(kit, dir, MoodleSite.port(), out);
            } catch (IllegalStateException e) {
                // Seen after a machine stopped uncleanly: the system PostgreSQL the kit starts recovers for longer
                // than pg_ctl waits (60 s), and goes on recovering; a second start finds it up.
                System.err.println("Moodle did not start, trying once more: " + e.getMessage());
                if (fresh) {
                    deleteTree(dir);
                }
                site = MoodleSite.start(kit, dir, MoodleSite.port(), out);
            }
            System.out.println("Moodle started at " + site.url + " in "
                    + Duration.between(start, Instant.now()).toSeconds() + " s (" + dir + ")");
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void moodleAndBrowser() throws IOException {
        moodle = moodleSite().join();
        trustTheTool(moodle);
        Files.createDirectories(out().resolve("screenshots"));
        newBrowser();
    }

    // --- what a variant of this test changes (RealMoodleHttpsE2E) -------------------------------------------------

    /** Where the artefacts go. */
    Path out() {
        return OUT;
    }

    CompletableFuture<MoodleSite> moodleSite() {
        return MOODLE;
    }

    /** The tool's base URL as Moodle and the browser reach it. */
    String toolBase() {
        return "http://localhost:" + port;
    }

    /** What the browser's profile does with third-party cookies and storage. */
    Chromium.ThirdParty thirdParty() {
        return Chromium.ThirdParty.ALLOWED;
    }

    List<String> browserArguments() {
        return List.of();
    }

    /** Makes Moodle trust the tool's TLS certificate, when it has one of its own. */
    void trustTheTool(MoodleSite site) {}

    /** The arguments of a second instance of the tool, on its port, beside those of its platforms file. */
    List<String> secondToolArguments(int toolPort) {
        return List.of();
    }

    String secondToolBase(int toolPort) {
        return "http://localhost:" + toolPort;
    }

    /**
     * Inside Moodle's frame over plain HTTP the tool gets no cookie (a Lax cookie never reaches a frame of another
     * site): its page carries the session for its own requests.
     */
    void assertTheLaunchsSessionPath() {
        assertThat(chrome.findElements(By.cssSelector("meta[name=cqpi-session]")))
                .as("the page carries its session")
                .hasSize(1);
    }

    /** Measured on a Moodle page after each login: what the tool's frame can do there, as the browser claims. */
    Chromium.FrameConditions proveTheBrowsersConditions() {
        var conditions = Chromium.frameConditions(chrome, toolBase() + "/lti/cookies");
        if (browserThirdParty == Chromium.ThirdParty.BLOCKED) {
            Chromium.proveThirdPartyBlocking(conditions);
        } else {
            assertThat(conditions.storageWorks())
                    .as("third-party storage allowed")
                    .isTrue();
        }
        return conditions;
    }

    @AfterAll
    void stop() {
        try {
            if (chrome != null) {
                chrome.quit();
            }
        } finally {
            if (moodle != null) {
                moodle.stop();
            }
        }
    }

    // --- a. Dynamic registration through Moodle's admin pages --------------------------------------------------

    @Test
    @Order(1)
    void theAdministratorRegistersTheToolByDynamicRegistrationInMoodle() throws Exception {
        String invitation = createInvitation();
        assertThat(invitation).startsWith(toolBase() + "/lti/register?invitation=");

        loginToMoodle("admin", moodle.adminPassword);
        // Site administration → Plugins → Activity modules → External tool → Manage tools
        chrome.get(moodle.url + "/mod/lti/toolconfigure.php");
        WebElement toolUrl = wait.until(ExpectedConditions.elementToBeClickable(By.id("tool-url")));
        toolUrl.sendKeys(invitation);
        screenshot("moodle-1-manage-tools");
        chrome.findElement(By.id("tool-create-button")).click();

        // Moodle opens the tool's registration page in a frame of its own page.
        By registrationFrame = By.cssSelector("#external-registration-template-container iframe");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(registrationFrame));
        waitForText(By.tagName("h1"), "Enregistrer l'outil");
        assertThat(chrome.findElement(By.tagName("main")).getText())
                .contains(moodle.url + "/mod/lti/token.php")
                .contains(toolBase() + "/lti/launch");
        screenshot("moodle-2-tool-registration-page");
        clickInFrame(registrationFrame, chrome.findElement(By.cssSelector("form button[type=submit]")));
        try {
            // The tool's answer posts org.imsglobal.lti.close: Moodle removes the frame and lists the tool.
            chrome.switchTo().defaultContent();
            // The card of the tool type Moodle created: its client id is the one the tool stored.
            String clientId = new WebDriverWait(chrome, Duration.ofSeconds(30))
                    .until(driver -> jdbc.sql("select client_id from platform where issuer = :issuer")
                            .param("issuer", moodle.url)
                            .query(String.class)
                            .optional()
                            .orElse(null));
            WebElement newCard = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".tool-card[data-clientid='" + clientId + "']")));
            typeId = Integer.valueOf(newCard.getAttribute("data-type-id"));
            screenshot("moodle-3-pending-tool");
            By card = By.cssSelector(".tool-card[data-type-id='" + typeId + "']");
            // Moodle redraws the list once or twice after the registration (the card disappears meanwhile):
            // click the current card's « Activate » until the card is there without it.
            Instant[] clicked = {Instant.EPOCH};
            new WebDriverWait(chrome, Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        List<WebElement> cards = driver.findElements(card);
                        if (cards.isEmpty()) {
                            return false;
                        }
                        List<WebElement> links = cards.get(0).findElements(By.cssSelector("a.activate"));
                        if (links.isEmpty()) {
                            return true;
                        }
                        if (Instant.now().isAfter(clicked[0].plusSeconds(3))) {
                            clickOrScript(links.get(0));
                            clicked[0] = Instant.now();
                        }
                        return false;
                    });
            // Drawn afresh, the tool is active (no « Pending », no « Activate »).
            chrome.navigate().refresh();
            WebElement active = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
            assertThat(active.findElements(By.cssSelector("a.activate")).stream()
                            .filter(WebElement::isDisplayed))
                    .as("Activate still shown")
                    .isEmpty();
            activated = true;
            screenshot("moodle-4-active-tool");
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "No pending tool appeared in Moodle after the registration; the frame shows:\n"
                            + frameText(By.cssSelector("#external-registration-template-container iframe")),
                    e);
        }

        long platforms = jdbc.sql("select count(*) from platform where issuer = :issuer")
                .param("issuer", moodle.url)
                .query(Long.class)
                .single();
        assertThat(platforms)
                .as("platforms registered with issuer " + moodle.url)
                .isEqualTo(1);
        System.out.println("Registered by dynamic registration: Moodle tool type " + typeId);
    }

    // --- b. Course, activity, first teacher launch --------------------------------------------------------------

    @Test
    @Order(2)
    void theTeacherSeesTheThreeStudentsOnTheFirstLaunch() {
        Assumptions.assumeTrue(activated, "the tool is registered and active");
        course = moodle.site("course", COURSE, "3");
        JsonNode activity = moodle.site("activity", COURSE, typeId.toString());
        cmid = activity.get("cmid").asInt();

        newBrowser();
        loginToMoodle(
                course.get("teacher").get("username").asText(),
                course.get("password").asText());
        Instant opened = Instant.now();
        openActivity(cmid);
        waitForText(By.tagName("h1"), "Cohort"); // Moodle launches in its user's language, English here
        List<String> students = new ArrayList<>();
        course.get("students").forEach(s -> students.add(s.get("name").asText()));
        // The roster is read at this very launch: the page shows it, or updates itself when it arrives.
        try {
            new WebDriverWait(chrome, Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        String table = driver.findElement(By.id("cohort-table")).getText();
                        return students.stream().allMatch(table::contains);
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("The first launch did not show the students " + students + "; the cohort shows:\n"
                    + chrome.findElement(By.id("main")).getText());
        }
        System.out.println("Roster on the first launch after "
                + Duration.between(opened, Instant.now()).toMillis() + " ms (Moodle page to three students)");
        assertTheLaunchsSessionPath();
        screenshot("moodle-5-teacher-cohort");
        launched = true;
    }

    // --- c. Judging through the grid ------------------------------------------------------------------------------

    @Test
    @Order(3)
    void theTeacherJudgesAWholeBlocQuicklyAndUsesTheBulkAction() {
        Assumptions.assumeTrue(launched, "the teacher launched the activity");
        JsonNode learner = course.get("students").get(0);
        judgedLearner = learner.get("name").asText();
        judgedUsername = learner.get("username").asText();
        click(chrome.findElement(By.linkText(judgedLearner)));
        waitForText(By.tagName("h1"), judgedLearner);

        // B4 (one compétence, C9, 11 criteria): every criterion ACQUIS, saved one after the other at once,
        // several saves within one second (Moodle keeps a grade's time in whole seconds).
        click(chrome.findElement(By.id("tab-B4")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-B4")));
        // « Met » clicked on the eleven criteria one after the other without waiting for the answers: each click
        // saves its criterion (autosave).
        ((JavascriptExecutor) chrome)
                .executeScript("document.querySelectorAll('#competence-C9 form.judgment label[for$=\"-ACQUIS\"]')"
                        + ".forEach(function (l) { l.click(); })");
        for (int k = 1; k <= 11; k++) {
            waitForText(By.cssSelector("#criterion-C9-" + k + " .outcome"), "Saved");
        }
        // Each answer carries the bloc's summary as computed in its own transaction; concurrent saves may
        // answer out of order (the page can then show 10 of 11): the grid drawn afresh must show all eleven.
        System.out.println("B4 summary after the concurrent saves: "
                + chrome.findElement(By.id("bloc-summary-B4")).getText().replace('\n', ' '));
        openLearnerGrid("B4");
        assertThat(chrome.findElement(By.id("bloc-summary-B4")).getText())
                .contains("11 met · 11 evaluated · 11 criteria")
                .contains("favourable");
        // The tool's own times: how many of the eleven saves fell in one whole second (Moodle's resolution).
        List<Instant> times = jdbc
                .sql("select updated_at from judgment where criterion_code like 'C9.%' order by 1")
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
        assertThat(times).hasSize(11);
        saves.addAll(times);
        long sameSecond = times.stream()
                .collect(Collectors.groupingBy(t -> t.getEpochSecond(), Collectors.counting()))
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        System.out.println("B4: 11 saves within "
                + Duration.between(times.get(0), times.get(10)).toMillis() + " ms, at most " + sameSecond
                + " in one whole second");
        assertThat(sameSecond).as("saves of B4 within one whole second").isGreaterThanOrEqualTo(2);
        screenshot("moodle-6-grid-b4");

        // B3 by the bulk action: C7 all ACQUIS, C8 all NON_ACQUIS (6 of 13 criteria acquired).
        click(chrome.findElement(By.id("tab-B3")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-B3")));
        bulk("C7", "ACQUIS");
        waitForText(By.id("competence-state-C7"), "6/6");
        bulk("C8", "NON_ACQUIS");
        waitForText(By.id("bloc-summary-B3"), "6 met · 13 evaluated · 13 criteria");
        assertThat(chrome.findElement(By.id("bloc-summary-B3")).getText()).contains("unfavourable");
        screenshot("moodle-7-grid-b3-bulk");
        judgedAt = Instant.now();
        judged = true;
    }

    /** Back to the cohort (the tool's own link, inside Moodle's frame) and to the judged learner's grid. */
    void openLearnerGrid(String bloc) {
        click(chrome.findElement(By.linkText("← Cohort")));
        waitForText(By.tagName("h1"), "Cohort");
        click(chrome.findElement(By.linkText(judgedLearner)));
        waitForText(By.tagName("h1"), judgedLearner);
        click(chrome.findElement(By.id("tab-" + bloc)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-" + bloc)));
    }

    void bulk(String competence, String status) {
        WebElement form = chrome.findElement(By.cssSelector("#competence-" + competence + " form.bulk"));
        new Select(form.findElement(By.name("status"))).selectByValue(status);
        // The button opens the browser's own confirmation (hx-confirm); chromedriver's click would wait on it.
        ((JavascriptExecutor) chrome)
                .executeScript(
                        "var b = arguments[0]; b.scrollIntoView({block: 'center'}); setTimeout(function () { b.click(); }, 0);",
                        form.findElement(By.cssSelector("button[type=submit]")));
        Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
        System.out.println("Bulk " + competence + " → " + status + ", the page asks: " + confirm.getText());
        confirm.accept();
    }

    // --- e. Moodle's gradebook ------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void moodlesGradebookHoldsTheFourBlocColumnsAndTheJudgedGrades() {
        Assumptions.assumeTrue(judged, "the teacher judged B4 and B3");
        JsonNode[] gradebook = new JsonNode[1];
        try {
            await().atMost(GRADEBOOK_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                gradebook[0] = moodle.site("grades", COURSE);
                for (String bloc : List.of("B1", "B2", "B3", "B4")) {
                    assertThat(item(gradebook[0], bloc)).as("column " + bloc).isPresent();
                }
                JsonNode b4 = grade(gradebook[0], "B4", judgedUsername);
                assertThat(b4.path("finalgrade").asText()).as("B4 grade").isEqualTo("100.00000");
                assertThat(b4.path("feedback").asText())
                        .isEqualTo("Bloc évalué, proposition favorable au jury — 11 critères acquis sur 11");
                JsonNode b3 = grade(gradebook[0], "B3", judgedUsername);
                assertThat(b3.path("finalgrade").asText()).as("B3 grade").isEqualTo("46.15000");
                assertThat(b3.path("feedback").asText())
                        .isEqualTo("Bloc évalué, proposition défavorable au jury — 6 critères acquis sur 13");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Moodle's gradebook did not get the grades within " + GRADEBOOK_WAIT + "; it holds:\n"
                            + gradebook[0] + "\nthe tool's outbox:\n" + outbox(),
                    e);
        }
        System.out.println(
                "Grades in Moodle " + Duration.between(judgedAt, Instant.now()).toMillis()
                        + " ms after the last save; Moodle's gradebook:\n" + gradebook[0].toPrettyString());
        try {
            Files.writeString(out().resolve("gradebook.json"), gradebook[0].toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(outbox()).doesNotContain("FAILED");
    }

    // --- d. The learner's own launch, and deep linking from the activity form ----------------------------------

    @Test
    @Order(5)
    void theLearnerSeesTheirOwnGridReadOnly() {
        Assumptions.assumeTrue(judged, "the teacher judged B4 and B3");
        newBrowser();
        loginToMoodle(judgedUsername, course.get("password").asText());
        openActivity(cmid);
        waitForText(By.tagName("h1"), "My evaluation grid");
        assertTheLaunchsSessionPath();
        // Nothing to edit but B3's evidence panel, where the candidate uploads the written document the
        // référentiel asks of them, and the livret's signature form.
        assertThat(chrome.findElements(By.cssSelector("main form:not(.evidence-form):not(.livret-sign),"
                        + " main select:not(.evidence-form *), main textarea:not(.evidence-form *),"
                        + " main input[name=status]")))
                .as("nothing to edit")
                .isEmpty();
        click(chrome.findElement(By.id("tab-B4")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-B4")));
        assertThat(chrome.findElement(By.id("bloc-summary-B4")).getText())
                .contains("11 met · 11 evaluated · 11 criteria");
        assertThat(chrome.findElement(By.id("panel-B4")).getText()).contains("Met");
        screenshot("moodle-8-learner-grid");
    }

    @Test
    @Order(6)
    void theTeacherPlacesABlocByDeepLinkingAndItsGradeFillsTheActivitysOwnColumn() {
        Assumptions.assumeTrue(launched, "the teacher launched the activity");
        newBrowser();
        loginToMoodle(
                course.get("teacher").get("username").asText(),
                course.get("password").asText());
        int courseId = course.get("courseid").asInt();
        // Add an activity → the tool (a preconfigured tool after dynamic registration) → « Select content ».
        chrome.get(moodle.url + "/course/modedit.php?add=lti&typeid=" + typeId + "&course=" + courseId
                + "&section=1&return=0");
        WebElement select = wait.until(ExpectedConditions.elementToBeClickable(By.id("id_selectcontent")));
        screenshot("moodle-9-activity-form");
        click(select);
        enterFrameShowing(
                By.id("contentitem-page-iframe"),
                By.tagName("h1"),
                h1 -> h1.getText().contains("Add the grid to the course"));
        assertTheLaunchsSessionPath();
        click(chrome.findElement(By.id("item-B2")));
        screenshot("moodle-10-deep-linking-picker");
        click(chrome.findElement(By.cssSelector("main form button[type=submit]")));
        // The tool's signed answer goes back to Moodle, which closes its dialogue. Moodle accepts several items:
        // the whole grid (checked by default) and B2, so the form becomes the list of what will be added.
        chrome.switchTo().defaultContent();
        String gridTitle = "CQPI Assistant(e) — grille d'évaluation";
        String name = "B2 — Organisation des activités";
        try {
            wait.until(driver -> {
                String body = driver.findElement(By.tagName("body")).getText();
                return body.contains(gridTitle) && body.contains(name);
            });
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "Moodle got nothing from deep linking; the dialogue shows:\n"
                            + frameText(By.id("contentitem-page-iframe")),
                    e);
        }
        assertThat(chrome.findElement(By.tagName("body")).getText())
                .contains(name + " Graded activity (Maximum grade: 100)");
        screenshot("moodle-11-deep-linking-items");
        click(chrome.findElement(By.id("id_submitbutton2")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[contains(@href,'/mod/lti/view.php?id=') and contains(normalize-space(.), \"" + gridTitle
                        + "\")]")));
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//a[contains(@href,'/mod/lti/view.php?id=') and contains(normalize-space(.), '" + name + "')]")));
        screenshot("moodle-12-course-with-placed-items");
        String href = link.getAttribute("href");
        int placed = Integer.parseInt(href.substring(href.indexOf("id=") + 3).replaceAll("\\D.*", ""));

        // The placed bloc opens on its tab; judging it fills the activity's own column (its line item).
        openActivity(placed);
        click(chrome.findElement(By.linkText(judgedLearner)));
        waitForText(By.tagName("h1"), judgedLearner);
        assertThat(chrome.findElement(By.id("panel-B2")).isDisplayed())
                .as("B2's tab open")
                .isTrue();
        bulk("C4", "ACQUIS");
        waitForText(By.id("competence-state-C4"), "8/8");
        bulk("C5", "NON_ACQUIS");
        waitForText(By.id("competence-state-C5"), "0/10");
        bulk("C6", "NON_ACQUIS");
        waitForText(By.id("bloc-summary-B2"), "8 met · 26 evaluated · 26 criteria");
        screenshot("moodle-13-placed-bloc-judged");

        JsonNode[] gradebook = new JsonNode[1];
        try {
            await().atMost(GRADEBOOK_WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                gradebook[0] = moodle.site("grades", COURSE);
                JsonNode own = null;
                for (JsonNode item : gradebook[0].get("grade_items")) {
                    if ("mod".equals(item.path("itemtype").asText())
                            && name.equals(item.path("itemname").asText())) {
                        own = item;
                    }
                }
                assertThat(own)
                        .as("the placed activity's column « " + name + " »")
                        .isNotNull();
                JsonNode g = null;
                for (JsonNode grade : own.get("grades")) {
                    if (judgedUsername.equals(grade.path("user").asText())) {
                        g = grade;
                    }
                }
                assertThat(g)
                        .as("a grade of " + judgedUsername + " in « " + name + " »")
                        .isNotNull();
                assertThat(g.path("finalgrade").asText()).isEqualTo("30.77000");
                assertThat(g.path("feedback").asText())
                        .isEqualTo("Bloc évalué, proposition défavorable au jury — 8 critères acquis sur 26");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "The placed bloc's grade did not reach Moodle within " + GRADEBOOK_WAIT + "; it holds:\n"
                            + gradebook[0] + "\nthe tool's outbox:\n" + outbox(),
                    e);
        }
        try {
            Files.writeString(out().resolve("gradebook-final.json"), gradebook[0].toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Moodle's gradebook at the end:\n" + gradebook[0].toPrettyString());
    }

    // --- The second way: a tool type registered by hand, its platform entry in the tool's platforms file ------

    @Test
    @Order(7)
    void aToolRegisteredByHandWithThePlatformsFileWorksToo() throws IOException {
        Assumptions.assumeTrue(activated, "Moodle and the registration steps ran");
        // The administrator's way without dynamic registration: Moodle first (the tool's URLs), then the tool
        // started with the platform entry Moodle printed, in a platforms file.
        int toolPort = MoodleSite.freePort();
        JsonNode entry = moodle.site("tool-type", "CQPI (manual)", secondToolBase(toolPort));
        int manualType = entry.get("type_id").asInt();
        ObjectNode platform = (ObjectNode) entry.deepCopy();
        platform.remove("type_id");
        Path platformsFile = out().resolve("platforms.json");
        Files.writeString(platformsFile, "[" + platform.toPrettyString() + "]");
        String manualCourse = COURSE + "-MANUAL";
        JsonNode second = moodle.site("course", manualCourse, "3");
        int manualCmid = moodle.site("activity", manualCourse, Integer.toString(manualType))
                .get("cmid")
                .asInt();

        try (ConfigurableApplicationContext tool = new SpringApplicationBuilder(CqpiLtiApplication.class)
                .profiles("test")
                .run( // as an operator starts it (builder properties would rank below application.properties)
                        Stream.concat(
                                        Stream.of(
                                                "--server.port=" + toolPort,
                                                "--cqpi.lti.platforms-file=" + platformsFile,
                                                "--logging.file.name=" + out().resolve("tool.log")),
                                        secondToolArguments(toolPort).stream())
                                .toArray(String[]::new))) {
            newBrowser();
            loginToMoodle(
                    second.get("teacher").get("username").asText(),
                    second.get("password").asText());
            openActivity(manualCmid);
            waitForText(By.tagName("h1"), "Cohort");
            JsonNode learner = second.get("students").get(1);
            String learnerName = learner.get("name").asText();
            new WebDriverWait(chrome, Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver ->
                            driver.findElement(By.id("cohort-table")).getText().contains(learnerName));
            click(chrome.findElement(By.linkText(learnerName)));
            waitForText(By.tagName("h1"), learnerName);
            click(chrome.findElement(By.id("tab-B4")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-B4")));
            bulk("C9", "ACQUIS");
            waitForText(By.id("bloc-summary-B4"), "11 met · 11 evaluated · 11 criteria");
            screenshot("moodle-14-manual-tool-grid");

            String username = learner.get("username").asText();
            JsonNode[] gradebook = new JsonNode[1];
            try {
                await().atMost(GRADEBOOK_WAIT)
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> {
                            gradebook[0] = moodle.site("grades", manualCourse);
                            for (String bloc : List.of("B1", "B2", "B3", "B4")) {
                                assertThat(item(gradebook[0], bloc))
                                        .as("column " + bloc)
                                        .isPresent();
                            }
                            JsonNode b4 = grade(gradebook[0], "B4", username);
                            assertThat(b4.path("finalgrade").asText()).isEqualTo("100.00000");
                            assertThat(b4.path("feedback").asText())
                                    .isEqualTo(
                                            "Bloc évalué, proposition favorable au jury — 11 critères acquis sur 11");
                        });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(
                        "The hand-registered tool's grade did not reach Moodle within " + GRADEBOOK_WAIT
                                + "; it holds:\n" + gradebook[0],
                        e);
            }
            Files.writeString(out().resolve("gradebook-manual.json"), gradebook[0].toPrettyString());
            System.out.println("Hand-registered tool (type " + manualType + "): Moodle's gradebook of " + manualCourse
                    + ":\n" + gradebook[0].toPrettyString());
        }
    }

    // --- f. A browser that blocks third-party cookies, the tool on plain HTTP ---------------------------------------

    @Test
    @Order(8)
    void overPlainHttpABrowserThatBlocksThirdPartyCookiesOpensTheToolInANewTab() {
        Assumptions.assumeTrue(launched, "the teacher launched the activity");
        Assumptions.assumeFalse(
                toolBase().startsWith("https:"), "over HTTPS the partitioned cookie works in the frame");
        if (chrome != null) {
            chrome.quit();
        }
        browserThirdParty = Chromium.ThirdParty.BLOCKED;
        chrome = Chromium.start(browserThirdParty, browserArguments());
        wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        loginToMoodle(
                course.get("teacher").get("username").asText(),
                course.get("password").asText());
        chrome.get(moodle.url + "/mod/lti/view.php?id=" + cmid);
        WebElement newTab = enterFrameShowing(By.id("contentframe"), By.id("new-tab-link"), WebElement::isDisplayed);
        screenshot("moodle-15-new-tab-offer");
        String moodleTab = chrome.getWindowHandle();
        click(newTab);
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        chrome.getWindowHandles().stream()
                .filter(handle -> !handle.equals(moodleTab))
                .findFirst()
                .ifPresent(handle -> chrome.switchTo().window(handle));
        waitForText(By.tagName("h1"), "Cohort");
        assertThat(chrome.getCurrentUrl()).startsWith(toolBase() + "/app");
        String student = course.get("students").get(0).get("name").asText();
        click(chrome.findElement(By.linkText(student)));
        waitForText(By.tagName("h1"), student);
        screenshot("moodle-16-new-tab-grid");
    }

    // --- g. The référentiel into Moodle's competencies ----------------------------------------------------------

    @Test
    @Order(9)
    void theReferentielImportsIntoMoodleAsACompetencyFramework() throws Exception {
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(toolBase() + "/frameworks/cqpi-assistant/moodle-competencies.csv"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        Path file = out().resolve("moodle-competencies.csv");
        Files.writeString(file, csv.body());
        // Moodle's own importer (tool_lpimportcsv), as « Import competency framework » runs it.
        JsonNode imported = moodle.php(Path.of("scripts/moodle-import-competencies.php"), file.toString());
        Files.writeString(out().resolve("moodle-competencies.json"), imported.toPrettyString());
        assertThat(imported.get("framework").asText()).isEqualTo("cqpi-assistant-v1");
        assertThat(imported.get("competencies").asInt()).isEqualTo(93);
        assertThat(imported.get("roots").toString()).isEqualTo("[\"B1\",\"B2\",\"B3\",\"B4\"]");
        assertThat(imported.get("parents").get("C1").asText()).isEqualTo("B1");
        assertThat(imported.get("parents").get("C1.1").asText()).isEqualTo("C1");
        assertThat(imported.get("parents").get("C9.11").asText()).isEqualTo("C9");
        assertThat(imported.get("taxonomies").toString()).isEqualTo("[\"domain\",\"competency\",\"indicator\"]");
    }

    static Optional<JsonNode> item(JsonNode gradebook, String bloc) {
        for (JsonNode item : gradebook.get("grade_items")) {
            if (item.path("itemname").asText().startsWith(bloc + " — ")) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    static JsonNode grade(JsonNode gradebook, String bloc, String username) {
        for (JsonNode g : item(gradebook, bloc).orElseThrow().get("grades")) {
            if (username.equals(g.path("user").asText())) {
                return g;
            }
        }
        throw new AssertionError("no grade of " + username + " in " + bloc);
    }

    String outbox() {
        return jdbc.sql("select * from grade_outbox order by id")
                .query()
                .listOfRows()
                .toString();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    String createInvitation() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(toolBase() + "/admin/api/registration-invitations"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"Moodle 5.1 (e2e)\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).get("url").asText();
    }

    void newBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
        browserThirdParty = thirdParty();
        chrome = Chromium.start(browserThirdParty, browserArguments());
        wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
    }

    void loginToMoodle(String username, String password) {
        chrome.switchTo().defaultContent();
        // Typed keys were once lost on a loaded machine (« Invalid login »): the fields are filled by script, and
        // a refused login is tried once more before failing with Moodle's message.
        for (int attempt = 1; ; attempt++) {
            chrome.get(moodle.url + "/login/index.php");
            WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
            ((JavascriptExecutor) chrome)
                    .executeScript(
                            "arguments[0].value = arguments[2]; arguments[1].value = arguments[3];",
                            user,
                            chrome.findElement(By.id("password")),
                            username,
                            password);
            chrome.findElement(By.id("loginbtn")).click();
            wait.until(driver -> !driver.getCurrentUrl().contains("/login/index.php")
                    || !driver.findElements(By.id("loginerrormessage")).isEmpty());
            if (!chrome.getCurrentUrl().contains("/login/index.php")) {
                proveTheBrowsersConditions();
                return;
            }
            if (attempt == 2) {
                throw new AssertionError("Moodle refused the login of " + username + ": "
                        + chrome.findElement(By.tagName("body")).getText());
            }
        }
    }

    /** Opens an External tool activity and enters the tool's frame once the tool's page is in it. */
    void openActivity(int cmid) {
        chrome.switchTo().defaultContent();
        chrome.get(moodle.url + "/mod/lti/view.php?id=" + cmid);
        enterFrameShowing(By.id("contentframe"), By.cssSelector("main#main"), main -> true);
    }

    /**
     * Enters a frame of the current page once it shows an element that {@code shows} accepts, and returns it. The
     * frame is entered again at every try: a launch takes the frame to the tool's site, and Chromium may then replace
     * the frame the driver had entered (« target frame detached »).
     */
    WebElement enterFrameShowing(By frame, By locator, Predicate<WebElement> shows) {
        try {
            return new WebDriverWait(chrome, Duration.ofSeconds(30))
                    .ignoring(WebDriverException.class)
                    .until(d -> {
                        d.switchTo().defaultContent();
                        d.switchTo().frame(d.findElement(frame));
                        WebElement element = d.findElement(locator);
                        return shows.test(element) ? element : null;
                    });
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "The frame " + frame + " never showed " + locator + "; it shows:\n" + frameText(frame), e);
        }
    }

    /** Clicks like a user who first scrolls the element into view (Moodle's frames are taller than the window). */
    void click(WebElement element) {
        ((JavascriptExecutor) chrome).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * Clicks an element of the tool's page inside one of Moodle's frames. The frame is of another origin and
     * taller than the window: a script's scrollIntoView in it may scroll only the frame's own document, leaving
     * the element below the window; the user then scrolls Moodle's page down to the frame's end.
     */
    void clickInFrame(By frameLocator, WebElement element) {
        try {
            click(element);
        } catch (ElementClickInterceptedException e) {
            chrome.switchTo().defaultContent();
            WebElement frame = chrome.findElement(frameLocator);
            ((JavascriptExecutor) chrome).executeScript("arguments[0].scrollIntoView({block: 'end'})", frame);
            chrome.switchTo().frame(frame);
            ((JavascriptExecutor) chrome).executeScript("arguments[0].scrollIntoView({block: 'nearest'})", element);
            element.click();
        }
    }

    /** Moodle's tool cards keep their buttons under a scrolling description: click through script if covered. */
    void clickOrScript(WebElement element) {
        try {
            click(element);
        } catch (ElementClickInterceptedException e) {
            ((JavascriptExecutor) chrome).executeScript("arguments[0].click()", element);
        }
    }

    void waitForText(By locator, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        } catch (TimeoutException e) {
            List<WebElement> found = chrome.findElements(locator);
            throw new AssertionError(
                    "No « " + text + " » in " + locator + " at " + chrome.getCurrentUrl() + "; it shows: "
                            + (found.isEmpty() ? "(nothing)" : found.get(0).getText()) + "\npage:\n"
                            + chrome.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    String frameText(By frame) {
        try {
            chrome.switchTo().defaultContent();
            chrome.switchTo().frame(chrome.findElement(frame));
            return chrome.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no frame: " + e.getMessage() + ")";
        } finally {
            chrome.switchTo().defaultContent();
        }
    }

    void screenshot(String name) {
        try {
            ((JavascriptExecutor) chrome).executeScript("window.scrollTo(0, 0)");
            Files.write(out().resolve("screenshots").resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
