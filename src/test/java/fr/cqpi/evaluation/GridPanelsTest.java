package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grid page comes with its open bloc's evidence, its documents and its livret written in (GridPanels), each as its
 * own URL answers the same viewer — the other blocs' evidence still loads when their tab is shown.
 */
class GridPanelsTest extends ToolIntegrationTest {

    TestPlatform moodle;
    LtiClient trainer;
    LtiClient learner;

    @BeforeEach
    void course() {
        moodle = newPlatform("moodle");
        learner = launched(moodle, "panels-learner", LEARNER, "panels-course");
        trainer = launched(moodle, "panels-trainer", INSTRUCTOR, "panels-course");
    }

    @Test
    void theTrainersGridComesWithItsPanelsAsTheirUrlsAnswer() {
        String page = trainer.get("/app/learners/panels-learner").body();
        assertWrittenAsTheirUrlsAnswer(trainer, page, "/app/learners/panels-learner");
    }

    @Test
    void theLearnersOwnGridComesWithItsPanelsAsTheirUrlsAnswer() {
        String page = learner.get("/app/me").body();
        assertWrittenAsTheirUrlsAnswer(learner, page, "/app/learners/panels-learner");
    }

    @Test
    void anotherOpenBlocBringsItsOwnEvidence() {
        Document page =
                Jsoup.parse(trainer.get("/app/learners/panels-learner?bloc=B3").body());
        assertThat(page.select("#panel-B3 section#evidence-B3")).hasSize(1);
        assertThat(page.select("#panel-B1 section[hx-get$=/evidence/B1][hx-trigger=cqpi-shown]"))
                .hasSize(1);
        assertThat(page.select("section.evidence")).hasSize(1);
    }

    @Test
    void aCompanyTutorsGridHasNoDocumentsPanel() {
        LtiClient tutor =
                launched(moodle, "panels-tutor", MENTOR, "panels-course", TestPlatform.mentorOf("panels-learner"));
        Document page = Jsoup.parse(tutor.get("/app/learners/panels-learner").body());
        assertThat(page.select("section.documents")).isEmpty();
        assertThat(page.select("section[hx-get$=/documents]")).isEmpty();
        assertThat(page.select("#livret-signatures")).hasSize(1);
    }

    private static void assertWrittenAsTheirUrlsAnswer(LtiClient client, String page, String learnerPath) {
        Map<String, String> htmx = Map.of("HX-Request", "true");
        Document parsed = Jsoup.parse(page);
        for (String url : new String[] {"/evidence/B1", "/documents", "/livret"}) {
            String answer = client.get(learnerPath + url, htmx).body().strip();
            assertThat(withoutCsrfValues(page)).contains(withoutCsrfValues(answer));
            assertThat(parsed.select("section[hx-get$=" + url + "]")).isEmpty();
        }
        // Written once each; the closed blocs' evidence loads when their tab is shown.
        assertThat(parsed.select("section.evidence")).hasSize(1);
        assertThat(parsed.select("section.documents")).hasSize(1);
        assertThat(parsed.select("#livret-signatures")).hasSize(1);
        assertThat(parsed.select("section[hx-trigger=cqpi-shown][hx-get*=/evidence/B]"))
                .hasSize(3);
    }

    /** A CSRF token is masked anew at each use (Spring Security's BREACH protection): its value differs by page. */
    private static String withoutCsrfValues(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
