package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One candidate from first judgment to attestation, in headless Chromium through the demo LMS (the tool a
 * third-party frame that gets no cookie over plain HTTP, in a browser allowing third-party cookies): the trainer judges B4 fully and attaches evidence, records a jury session
 * presenting the candidate, records the jury's VALIDE decision with the session page's form, issues the attestation;
 * the learner's own launch downloads it, and the public verification page confirms it. Screenshots of the jury form
 * and of the evidence panel at 1366 and 390 px go to target/screenshots.
 *
 * <p>And what the jury and the public see of dates, recours and documents: another candidate's file recorded through
 * the JSON API with the page's own session (a tie decided by the président's casting vote, a recours on B1); the jury
 * page shows the recours on B1's row and the documents it blocks, with why; once the recours is decided, the
 * certificate's public verification page says first that it is authentic, then what it states and who issued it.
 * docs/screenshots/jury-recours-1366.png, verify-1366.png and verify-390.png are copies of target/screenshots.
 */
@Tag("browser")
// A context of its own (the extra property): its jury decision must not show in DemoLmsBrowserTest's demo course.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cqpi.demo.lms-host=127.0.0.1",
            "cqpi.demo.tool-host=localhost",
            "cqpi.evidence.max-per-learner=100"
        })
@ActiveProfiles({"test", "demo"})
class CandidateJourneyBrowserTest {

    static final String LEARNER = "learner-05";
    static final String NAME = "Inès Fontaine";
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** The candidate of the recours test: another learner of the demo course. */
    static final String RECOURS_LEARNER = "learner-10";

    static final String RECOURS_NAME = "Paul Petit";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String MEMBERS =
            "[{\"name\": \"Claire Martin\", \"college\": \"EMPLOYEURS\", \"role\": \"PRESIDENT\"},"
                    + " {\"name\": \"Paul Durand\", \"college\": \"SALARIES\", \"role\": \"REPRESENTANT_SALARIES\"},"
                    + " {\"name\": \"Nadia Benali\", \"college\": \"EMPLOYEURS\", \"role\": \"REPRESENTANT_EMPLOYEURS\"},"
                    + " {\"name\": \"Luc Moreau\", \"college\": \"AUCUN\", \"role\": \"RAPPORTEUR\"}]";

    static ChromeDriver chrome;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        chrome = Chromium.start(Chromium.ThirdParty.ALLOWED);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    /** The trainer's launch, once the cohort (read from the roster in the background at a first launch) shows them. */
    void launchAsTrainerSeeing(String familyName) {
        launchAs("trainer-1");
        new WebDriverWait(chrome, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("cohort-table")).getText().contains(familyName));
    }

    void launchAs(String userId) {
        // Seen in about one run in five of this class on a loaded machine (issue 20's note; the « handover-lost » page
        // seen on 2026-12-07 after the verification pages opened in this tab is fixed, CookielessRelaunchBrowserTest):
        // the launch showed no page within 20 s, no refusal logged. What the frame held is printed for the next person;
        // the user would click the activity again, and so
        // does the test, twice at most.
        for (int attempt = 1; ; attempt++) {
            chrome.switchTo().defaultContent();
            chrome.get("http://127.0.0.1:" + port + "/demo/course/" + userId);
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                System.err.println("CandidateJourneyBrowserTest: launch " + attempt + " of " + userId
                        + " showed no page; the frame holds:\n" + chrome.getPageSource());
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    JavascriptExecutor js() {
        return chrome;
    }

    void answerQuestionsYes() {
        js().executeScript("window.confirm = function () { return true; };");
    }

    @Test
    void aCandidateGoesFromFirstJudgmentToAVerifiedAttestation() throws IOException {
        // The trainer: a first judgment on B4, then the rest of the bloc with the bulk action.
        launchAsTrainerSeeing("Fontaine");
        chrome.findElement(By.partialLinkText("Fontaine")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), NAME));
        chrome.findElement(By.id("tab-B4")).click();
        // One click on « Acquis » saves the criterion.
        chrome.findElement(By.cssSelector("label[for=status-C9-1-ACQUIS]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#criterion-C9-1 .outcome"), "Enregistré"));
        new Select(chrome.findElement(By.id("bulk-status-C9"))).selectByValue("ACQUIS");
        answerQuestionsYes();
        chrome.findElement(By.cssSelector("#competence-C9 form.bulk button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#competence-C9 form.bulk .outcome"), "Enregistré"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bloc-summary-B4"), "favorable"));
        assertThat(chrome.findElement(By.id("bloc-summary-B4")).getText()).contains("100,00 % des critères acquis");

        // Evidence on B4 through its panel: a wrong type refused with the reason, then a PDF attached.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence-B4 details.evidence-add")));
        chrome.findElement(By.cssSelector("#evidence-B4 details.evidence-add summary"))
                .click();
        Path html = Files.writeString(
                Files.createTempFile("notes-", ".pdf"), "<!DOCTYPE html><p>pas un PDF</p>", StandardCharsets.UTF_8);
        chrome.findElement(By.cssSelector("#evidence-B4 input[type=file]"))
                .sendKeys(html.toAbsolutePath().toString());
        chrome.findElement(By.cssSelector("#evidence-B4 form[data-max-bytes] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#evidence-B4 .outcome.error"), "son contenu est lu, pas son nom"));
        Path pdf = Files.createTempFile("compte-rendu-accueil-", ".pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        new Select(chrome.findElement(By.cssSelector("#evidence-B4 select[name=criterionCode]")))
                .selectByValue("C9.11");
        chrome.findElement(By.cssSelector("#evidence-B4 input[type=file]"))
                .sendKeys(pdf.toAbsolutePath().toString());
        chrome.findElement(By.cssSelector("#evidence-B4 form[data-max-bytes] button[type=submit]"))
                .click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#evidence-B4 .outcome"), "ajouté"));
        String panel = chrome.findElement(By.id("evidence-B4")).getText();
        assertThat(panel)
                .contains("C9.11")
                .contains(pdf.getFileName().toString())
                .contains("PDF");
        js().executeScript("document.querySelector('#evidence-B4 details.evidence-add').open = true;");
        shoot("evidence-panel", By.id("evidence-B4"));

        // The jury: a session recorded from its form, presenting the candidate.
        chrome.findElement(By.linkText("← Cohorte")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohorte"));
        chrome.findElement(By.linkText("Jury")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jury"));
        if (chrome.findElement(By.cssSelector("details.jury-new")).getAttribute("open") == null) {
            chrome.findElement(By.cssSelector("details.jury-new summary")).click();
        }
        js().executeScript("document.querySelector('#jury-new input[name=heldOn]').value = '2026-12-01';");
        chrome.findElement(By.cssSelector("#jury-new input[name=place]")).sendKeys("Lyon, OPCO 2i");
        var names = chrome.findElements(By.cssSelector("#jury-new input[name=memberName]"));
        names.get(0).sendKeys("Claire Martin");
        names.get(1).sendKeys("Nadia Benali");
        names.get(2).sendKeys("Paul Durand");
        names.get(5).sendKeys("Luc Moreau");
        WebElement candidate =
                chrome.findElement(By.cssSelector("#jury-new input[name=candidate][value=" + LEARNER + "]"));
        js().executeScript("arguments[0].scrollIntoView({block: 'center'});", candidate);
        candidate.click();
        chrome.findElement(By.cssSelector("#jury-new button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jury du"));
        By section = By.id("candidate-" + LEARNER);
        String file = chrome.findElement(section).getText();
        assertThat(file).contains(NAME).contains(pdf.getFileName().toString()).contains("favorable");

        // The decision, through the form: a tie first (refused, what was typed kept), then VALIDE 3-0.
        By b4 = By.id("decide-" + LEARNER + "-B4");
        chrome.findElement(new By.ByCssSelector("#decide-" + LEARNER + "-B4 summary"))
                .click();
        WebElement form = chrome.findElement(b4);
        form.findElement(By.cssSelector("input[name=outcome][value=VALIDE]")).click();
        setNumber(form, "votesFor", "1");
        setNumber(form, "votesAgainst", "1");
        setNumber(form, "votesAbstention", "1");
        form.findElement(By.name("reason")).sendKeys("Accueil et communication maîtrisés, entretien convaincant");
        form.findElement(By.name("preconisations")).sendKeys("Poursuivre sur la communication écrite");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#decide-" + LEARNER + "-B4 .outcome.error"), "Le vote ne convient pas"));
        form = chrome.findElement(b4);
        assertThat(form.getAttribute("open")).isNotNull();
        assertThat(form.findElement(By.name("reason")).getAttribute("value"))
                .isEqualTo("Accueil et communication maîtrisés, entretien convaincant");
        assertThat(form.findElement(By.cssSelector("input[name=outcome][value=VALIDE]"))
                        .isSelected())
                .isTrue();
        shoot("jury-decision-form", b4);
        setNumber(form, "votesFor", "3");
        setNumber(form, "votesAgainst", "0");
        setNumber(form, "votesAbstention", "0");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(section, "Décision enregistrée : B4 validé."));
        file = chrome.findElement(section).getText();
        assertThat(file)
                .contains("B4 — validé")
                .contains("3 voix pour la décision « validé », 0 contre, aucune abstention.")
                .contains("Préconisations : Poursuivre sur la communication écrite");
        shoot("jury-session", section);

        // The attestation, issued from the candidate's documents on the jury page.
        By documents = By.id("documents-" + LEARNER);
        wait.until(ExpectedConditions.presenceOfElementLocated(documents));
        chrome.findElement(By.xpath("//section[@id='documents-" + LEARNER + "']//button[contains(., 'Attestation')]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(documents, "Document CQPI-"));
        String issued = chrome.findElement(documents).getText();
        var number = java.util.regex.Pattern.compile("CQPI-\\d{4}-\\d{6,}").matcher(issued);
        assertThat(number.find()).as(issued).isTrue();

        // The learner's own launch lists it and downloads it with the page's session (no cookie).
        launchAs(LEARNER);
        By mine = By.id("documents-" + LEARNER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(mine, number.group()));
        WebElement link = chrome.findElement(By.cssSelector("#documents-" + LEARNER + " a[data-download]"));
        String verifyUrl = chrome.findElement(By.cssSelector("#documents-" + LEARNER + " a[target=_blank]"))
                .getAttribute("href");
        String base64 = (String) js().executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "const session = document.querySelector('meta[name=cqpi-session]').content;"
                                + "fetch(arguments[0], {headers: {'X-CQPI-Session': session}, credentials: 'omit'})"
                                + ".then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))"
                                + ".then(b => { let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c));"
                                + " done(btoa(s)); }).catch(e => done('failed ' + e));",
                        link.getAttribute("href"));
        assertThat(base64).doesNotStartWith("failed");
        String text;
        try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("Attestation")
                .contains(NAME)
                .contains(number.group())
                .contains("B4")
                .contains("Communication avec différents interlocuteurs")
                .contains("décembre 2026");

        // The public verification page (no login) confirms what was issued.
        chrome.switchTo().defaultContent();
        chrome.get(verifyUrl);
        String verified = chrome.findElement(By.tagName("main")).getText();
        assertThat(verified)
                .contains(number.group())
                .contains(NAME)
                .contains("B4")
                .contains("validé")
                .doesNotContain("B1 ");

        // « Mes certifications » from the learner's grid: the B4 badge the jury's decision issued, its files, its
        // public verification page; neither page scrolls sideways at 390 px.
        launchAs(LEARNER);
        chrome.findElement(By.linkText("Mes certifications")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".credential-item")));
        WebElement badge = chrome.findElement(By.cssSelector(".credential-item"));
        assertThat(badge.getText()).contains("B4").contains("valide").contains("Télécharger (.jwt)");
        String badgeUrl = badge.findElement(By.linkText("Page de vérification")).getAttribute("href");
        shoot("credentials", By.cssSelector(".credential-item"));
        // « Ajouter au Learner Credential Wallet » from the keyboard: the one-time request as a link for the phone and
        // a QR code for the app's scanner, in the page at 390 px.
        WebElement lcw = chrome.findElement(By.cssSelector(".credential-lcw button"));
        assertThat(lcw.getText()).isEqualTo("Ajouter au Learner Credential Wallet");
        lcw.sendKeys(Keys.ENTER);
        WebElement offer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lcw-offer")));
        assertThat(offer.findElement(By.linkText("Ouvrir dans Learner Credential Wallet"))
                        .getAttribute("href"))
                .startsWith("https://lcw.app/request.html?issuer=");
        assertThat(offer.findElement(By.cssSelector("img.lcw-qr")).getSize().getWidth())
                .isGreaterThan(100);
        shoot("credentials-lcw", By.id("lcw-offer"));
        chrome.switchTo().defaultContent();
        chrome.get(badgeUrl);
        assertThat(chrome.findElement(By.id("credential-status")).getText()).isEqualTo("Badge valide");
        assertThat(chrome.findElement(By.id("credential-achievement")).getText())
                .contains("B4");
        shootPage("credential-1366", 1366);
        shootPage("credential-390", 390);
        chrome.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void aPendingRecoursShowsOnItsBlocAndTheVerificationPageSaysWhoIssuedWhat() throws IOException {
        launchAsTrainerSeeing("Petit");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String place = "Paris, OPCO 2i — salle 3";
        long first = session(today.minusDays(6), place, true);
        decide(
                first,
                "B1",
                "NON_VALIDE",
                "\"votesFor\": 1, \"votesAgainst\": 1, \"votesAbstention\": 1",
                "," + " \"castingVote\": true, \"preconisations\": \"Reprendre les comptes rendus\"");
        for (String bloc : List.of("B2", "B3", "B4")) {
            decide(first, bloc, "VALIDE", "\"votesFor\": 3, \"votesAgainst\": 0, \"votesAbstention\": 0", "");
        }
        Map<String, Object> recours = api(
                "/api/v1/learners/" + RECOURS_LEARNER + "/recours",
                "{\"blocCode\": \"B1\", \"filedOn\": \"" + today.minusDays(2) + "\", \"grounds\": \"Entretien écourté"
                        + " par une alerte incendie\"}");

        // The jury page: the recours on B1's row, the votes on the decision, the documents it blocks and why.
        chrome.findElement(By.linkText("Jury")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jury"));
        chrome.findElement(By.partialLinkText(place)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jury du"));
        By section = By.id("candidate-" + RECOURS_LEARNER);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#documents-" + RECOURS_LEARNER + " button")));
        WebElement flag = chrome.findElement(By.id("recours-flag-" + RECOURS_LEARNER + "-B1"));
        assertThat(flag.getText())
                .isEqualTo("Recours en attente (déposé le " + today.minusDays(2).format(DAY) + ")");
        assertThat(chrome.findElements(By.id("recours-flag-" + RECOURS_LEARNER + "-B4")))
                .isEmpty();
        String file = chrome.findElement(section).getText();
        assertThat(file)
                .contains("1 voix pour la décision « non validé », 1 contre, 1 abstention.")
                .contains("la voix prépondérante de la présidence du jury a emporté la décision")
                .contains("Un recours est en attente sur le bloc B1")
                .doesNotContain("pending", "Refusé");
        assertThat(chrome.findElement(By.xpath(
                                "//section[@id='documents-" + RECOURS_LEARNER + "']//button[@value='CERTIFICAT']"))
                        .isEnabled())
                .isFalse();
        assertThat(chrome.findElement(
                                By.xpath("//section[@id='documents-" + RECOURS_LEARNER + "']//button[@value='LIVRET']"))
                        .isEnabled())
                .isTrue();
        shootFramed("jury-recours-1366", section);

        // Decided by a session held since: the certificate is issued; its verification page, in the open.
        long second = session(today, place, false);
        decide(
                second,
                "B1",
                "VALIDE",
                "\"votesFor\": 3, \"votesAgainst\": 0, \"votesAbstention\": 0",
                ", \"recoursId\": " + recours.get("id"));
        Map<String, Object> certificate =
                api("/api/v1/learners/" + RECOURS_LEARNER + "/documents", "{\"kind\": \"CERTIFICAT\"}");
        String url = (String) ((Map<String, Object>) certificate.get("document")).get("verificationUrl");

        chrome.switchTo().defaultContent();
        chrome.get(url);
        WebElement status = chrome.findElement(By.id("verify-status"));
        assertThat(status.findElement(By.tagName("h1")).getText()).isEqualTo("Document authentique");
        assertThat(status.getRect().getY())
                .isLessThan(
                        chrome.findElement(By.id("verified-holder")).getRect().getY());
        assertThat(chrome.findElement(By.id("verified-holder")).getText()).isEqualTo(RECOURS_NAME);
        assertThat(chrome.findElement(By.tagName("main")).getText())
                .contains("Certificat")
                .contains("CQPI Assistant(e)")
                .contains("Organisme de formation de démonstration")
                .contains("Commission Paritaire Nationale Emploi Formation Intersecteur Papier-Carton")
                .contains("B1", "B2", "B3", "B4");
        // The tool's stylesheet applies: the status is a coloured band, not a bare paragraph.
        assertThat(status.getCssValue("border-top-style")).isEqualTo("solid");
        shootPage("verify-1366", 1366);
        shootPage("verify-390", 390);
        chrome.manage().window().setSize(new Dimension(1400, 1000));
    }

    /** The tool's frame made as tall as its page, shot at 1366 px wide with the element in it. */
    void shootFramed(String name, By element) throws IOException {
        Number height = (Number) js().executeScript("return document.documentElement.scrollHeight;");
        chrome.switchTo().defaultContent();
        chrome.manage().window().setSize(new Dimension(1366, height.intValue() + 300));
        js().executeScript(
                        "document.getElementById('tool-frame').style.height = arguments[0] + 'px';",
                        height.intValue() + 20);
        chrome.switchTo().frame("tool-frame");
        assertThat(chrome.findElement(element).isDisplayed()).isTrue();
        assertThat(js().executeScript(
                                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"))
                .as(name + " scrolls sideways")
                .isEqualTo(false);
        chrome.switchTo().defaultContent();
        Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        chrome.switchTo().frame("tool-frame");
    }

    /** The whole page at {@code width}: no sideways scrolling. */
    void shootPage(String name, int width) throws IOException {
        chrome.manage().window().setSize(new Dimension(width, 900));
        Number height = (Number) js().executeScript("return document.documentElement.scrollHeight;");
        chrome.manage().window().setSize(new Dimension(width, height.intValue() + 140));
        assertThat(js().executeScript(
                                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"))
                .as(name + " scrolls sideways")
                .isEqualTo(false);
        Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
    }
    /** A JSON API call from the tool's frame, with its session and CSRF token as its own scripts send them. */
    @SuppressWarnings("unchecked")
    Map<String, Object> api(String path, String body) {
        Object answer = js().executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "const meta = n => document.querySelector('meta[name=' + n + ']').content;"
                                + "const headers = {'X-CQPI-Session': meta('cqpi-session'), 'Content-Type': 'application/json',"
                                + " 'Accept': 'application/json'};"
                                + "headers[meta('_csrf_header')] = meta('_csrf');"
                                + "fetch(arguments[0], {method: 'POST', headers: headers, body: arguments[1],"
                                + " credentials: 'omit'})"
                                + ".then(r => r.json().then(j => done({status: r.status, body: j})))"
                                + ".catch(e => done({status: 0, body: String(e)}));",
                        path,
                        body);
        Map<String, Object> response = (Map<String, Object>) answer;
        assertThat(((Number) response.get("status")).intValue())
                .as(path + " " + response.get("body"))
                .isIn(200, 201);
        return (Map<String, Object>) response.get("body");
    }

    long session(LocalDate heldOn, String place, boolean castingVote) {
        return ((Number) api(
                                "/api/v1/jury-sessions",
                                "{\"heldOn\": \"" + heldOn + "\", \"place\": \"" + place + "\", \"members\": "
                                        + MEMBERS + ", \"candidates\": [\"" + RECOURS_LEARNER + "\"],"
                                        + " \"presidentCastingVote\": " + castingVote + "}")
                        .get("id"))
                .longValue();
    }

    void decide(long session, String bloc, String outcome, String votes, String extra) {
        api(
                "/api/v1/jury-sessions/" + session + "/decisions",
                "{\"learnerId\": \"" + RECOURS_LEARNER + "\", \"blocCode\": \"" + bloc + "\", \"outcome\": \"" + outcome
                        + "\", " + votes + ", \"reason\": \"Délibération sur " + bloc + "\"" + extra + "}");
    }

    void setNumber(WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    /** The element in view inside the tool's frame, the page shot at 1366 and 390 px wide. */
    void shoot(String name, By element) throws IOException {
        for (int width : new int[] {1366, 390}) {
            chrome.switchTo().defaultContent();
            chrome.manage().window().setSize(new Dimension(width, 1400));
            chrome.switchTo().frame("tool-frame");
            js().executeScript("arguments[0].scrollIntoView({block: 'start'});", chrome.findElement(element));
            Object overflow = js().executeScript(
                            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow)
                    .as(name + " at " + width + " px scrolls sideways")
                    .isEqualTo(false);
            chrome.switchTo().defaultContent();
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
            chrome.switchTo().frame("tool-frame");
        }
        chrome.switchTo().defaultContent();
        chrome.manage().window().setSize(new Dimension(1400, 1000));
        chrome.switchTo().frame("tool-frame");
    }
}
