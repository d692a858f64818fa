package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, point 15: an English launch's grid and history read as English — the référentiel excepted, which is the
 * certifier's official French text, kept as published, said so once and marked lang="fr" — and point 14: the header
 * names what the launch gives access to, not a gendered title.
 */
class EnglishLaunchTest extends ToolIntegrationTest {

    TestPlatform moodle;
    LtiClient learner;
    LtiClient englishTrainer;
    LtiClient frenchTrainer;

    @BeforeEach
    void cohort() {
        moodle = newPlatform("moodle");
        learner = launched("learner-1", LEARNER, "Amina Benali", "fr");
        frenchTrainer = launched("teacher-fr", INSTRUCTOR, "Claire Martin", "fr");
        englishTrainer = launched("teacher-en", INSTRUCTOR, "Claire Martin", "en");
        Map<String, String> csrf = new HashMap<>(
                englishTrainer.csrfHeaders(englishTrainer.get("/app").body()));
        csrf.put("Content-Type", "application/json");
        for (String code : List.of("C1.1", "C1.2", "C1.3", "C1.4")) {
            var response = englishTrainer.send(
                    "PUT",
                    "/api/v1/learners/learner-1/judgments/" + code,
                    "{\"status\":\"ACQUIS\",\"modality\":\"OBSERVATION\"}",
                    csrf);
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theGridInEnglishSaysOnceThatTheReferentielIsFrenchAndMarksItsTexts() {
        Document page = page(englishTrainer, "/app/learners/learner-1");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");

        assertThat(page.select(".french-note"))
                .singleElement()
                .extracting(Element::text)
                .asString()
                .contains("competency framework (référentiel)", "official French text");
        // Every text of the référentiel shown is marked French for screen readers.
        assertThat(page.select(".criterion-text p"))
                .isNotEmpty()
                .allMatch(p -> p.attr("lang").equals("fr"));
        assertThat(page.select(".bloc-panel h2 span[lang=fr]")).hasSize(4);
        assertThat(page.select("select[name=modality] option[value~=.]"))
                .isNotEmpty()
                .allMatch(o -> o.attr("lang").equals("fr"));
        assertThat(page.select(".competence h3 span[lang=fr]")).isNotEmpty();

        // What is not the référentiel reads as English: no French « : », no « Référentiel » as a link.
        Document english = page.clone();
        english.select("[lang=fr]").remove();
        String text = english.selectFirst("main").text();
        assertThat(text).doesNotContain(" :").doesNotContain("Référentiel").doesNotContain(" %");
        assertThat(page.select("nav.toolbar a").eachText()).contains("Competency framework");
        assertThat(page.selectFirst(".modalities summary strong").text()).isEqualTo("Evaluation modalities:");

        // 4 of B1's 30 criteria met: the score in English, no space before the percent sign.
        assertThat(page.selectFirst("#bloc-summary-B1 .score").text()).isEqualTo("13.33% of the criteria met");

        // One term for « en cours d'acquisition »: the button, the bulk list and the keys say « In progress ».
        assertThat(page.body().text()).doesNotContain("Being acquired");
        assertThat(page.select("label.s-EN_COURS").eachText()).isNotEmpty().allMatch(t -> t.equals("In progress"));
        assertThat(page.select("select[name=status] option[value=EN_COURS]").eachText())
                .allMatch(t -> t.equals("In progress"));

        // Dates as an English reader reads them: the month in words, never dd/mm.
        assertThat(text).doesNotContainPattern("\\d{2}/\\d{2}/\\d{4}");
        assertThat(page.selectFirst("#criterion-C1-1 .last-change").text())
                .containsPattern("Changed by Claire Martin on [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}");
        assertThat(page.selectFirst("#session-bar .session-current").text())
                .containsPattern("of [A-Z][a-z]{2} \\d{1,2}, \\d{4}");

        assertThat(page.selectFirst("header .who").text()).endsWith("Claire Martin — evaluation");
    }

    @Test
    void theHistoryInEnglishNamesTheRoleOnceInEnglish() {
        Document page = page(englishTrainer, "/app/learners/learner-1/history");
        String text = page.selectFirst("main").text();
        assertThat(text).contains("Claire Martin (Approved evaluator)").doesNotContain("))");
        assertThat(text).doesNotContain("habilité").doesNotContainPattern("\\d{2}/\\d{2}/\\d{4}");
    }

    @Test
    void theFrenchPagesKeepTheirWaysAndTheHeaderIsNotGendered() {
        Document grid = page(frenchTrainer, "/app/learners/learner-1");
        assertThat(grid.select(".french-note")).isEmpty();
        assertThat(grid.selectFirst("#bloc-summary-B1 .score").text()).isEqualTo("13,33 % des critères acquis");
        assertThat(grid.selectFirst(".modalities summary strong").wholeText())
                .isEqualTo("Modalités d'évaluation\u00a0:");
        assertThat(grid.selectFirst("#criterion-C1-1 .last-change").text())
                .containsPattern("par Claire Martin le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(grid.selectFirst("header .who").text()).endsWith("Claire Martin — évaluation");
        assertThat(grid.selectFirst("header .who").text()).doesNotContain("évaluateur");

        Document own = page(learner, "/app");
        assertThat(own.selectFirst("header .who").text()).endsWith("Amina Benali — en formation");
    }

    private static Document page(LtiClient client, String path) {
        var response = client.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private LtiClient launched(String sub, String role, String fullName, String locale) {
        LtiClient client = browser();
        String[] names = fullName.split(" ", 2);
        var response = client.launch(moodle, sub, n -> {
            Map<String, Object> claims = new HashMap<>(moodle.moodleLaunch(sub, role, n, "course-1"));
            claims.put("name", fullName);
            claims.put("given_name", names[0]);
            claims.put("family_name", names[1]);
            claims.put(
                    "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                    Map.of("locale", locale, "document_target", "iframe"));
            return claims;
        });
        assertThat(response.statusCode()).isEqualTo(302);
        return client;
    }
}
