package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The livret d'évaluation of a session signed by its three signatories through the grid's panel, as a browser sends
 * the form: the évaluateur habilité, the candidate's tuteur entreprise, the candidate. A judgment changed afterwards
 * shows on every signature made before it; the issued livret PDF states who signed, when, and the change. Refusals
 * store nothing.
 */
class LivretSignaturesTest extends ToolIntegrationTest {

    TestPlatform moodle;
    String course;

    LtiClient launched(String sub, String role, List<String> mentees) {
        return mentees == null
                ? launched(moodle, sub, role, course)
                : launched(moodle, sub, role, course, TestPlatform.mentorOf(mentees.toArray(String[]::new)));
    }

    /** Signs through the panel's form of the first session, as htmx sends it from the grid. */
    static HttpResponse<String> sign(LtiClient client, String learner, String typed) {
        String grid = client.get(learner.equals("me") ? "/app/me" : "/app/learners/" + learner)
                .body();
        // The panel comes written in the grid page (GridPanels).
        Element form = Jsoup.parse(grid).selectFirst("#livret-signatures form.livret-sign");
        Map<String, String> headers = LtiClient.htmxHeaders(grid);
        String body = "sessionId=" + form.selectFirst("input[name=sessionId]").attr("value") + "&signature="
                + URLEncoder.encode(typed, StandardCharsets.UTF_8);
        return client.send("POST", form.attr("hx-post"), body, headers);
    }

    long signatures() {
        return jdbc.sql("select count(*) from livret_signature s join course c on c.id = s.course_id"
                        + " where c.context_id = :ctx")
                .param("ctx", course)
                .query(Long.class)
                .single();
    }

    @Test
    void theThreeSignatoriesSignTheLivretAndALaterChangeShows() throws Exception {
        moodle = newPlatform("moodle");
        course = "course-" + System.nanoTime();
        LtiClient amina = launched("amina", LEARNER, null);
        LtiClient bruno = launched("bruno", LEARNER, null);
        LtiClient trainer = launched("claire", INSTRUCTOR, null);
        LtiClient tutor = launched("tom", MENTOR, List.of("amina"));
        Map<String, String> trainerApi = trainer.apiHeaders();
        assertThat(trainer.send(
                                "PUT",
                                "/api/v1/learners/amina/judgments/C1.1",
                                "{\"status\": \"ACQUIS\", \"comment\": \"Bien\"}",
                                trainerApi)
                        .statusCode())
                .isEqualTo(200);
        assertThat(tutor.send(
                                "PUT",
                                "/api/v1/learners/amina/judgments/C1.1",
                                "{\"status\": \"EN_COURS\"}",
                                tutor.apiHeaders())
                        .statusCode())
                .isEqualTo(200);

        // Refusals first: nothing typed; another candidate's livret; a tutor who does not follow the candidate.
        HttpResponse<String> empty = sign(trainer, "amina", "   ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Tapez votre signature");
        assertThat(bruno.get("/app/learners/amina/livret").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/app/learners/bruno/livret").statusCode()).isEqualTo(403);
        assertThat(signatures()).isZero();

        HttpResponse<String> byTrainer = sign(trainer, "amina", "C. Martin");
        assertThat(byTrainer.statusCode()).as(byTrainer.body()).isEqualTo(200);
        assertThat(byTrainer.body()).contains("Livret signé.").contains("« C. Martin »");
        assertThat(sign(tutor, "amina", "Tom").statusCode()).isEqualTo(200);
        HttpResponse<String> byCandidate = sign(amina, "me", "Amina");
        assertThat(byCandidate.statusCode()).as(byCandidate.body()).isEqualTo(200);
        assertThat(byCandidate.body())
                .contains("Signer comme candidat")
                .contains("« Amina »")
                .contains("« Tom »")
                .doesNotContain("livret modifié depuis cette signature");
        assertThat(signatures()).isEqualTo(3);

        // A change after the signatures: each shows as made on an earlier version; signing again clears the mark.
        assertThat(trainer.send(
                                "PUT",
                                "/api/v1/learners/amina/judgments/C1.1",
                                "{\"status\": \"NON_ACQUIS\"}",
                                trainerApi)
                        .statusCode())
                .isEqualTo(200);
        String panel = amina.get("/app/learners/amina/livret").body();
        assertThat(Jsoup.parse(panel).select(".signatures li strong.divergence-flag"))
                .hasSize(3);
        assertThat(sign(trainer, "amina", "C. Martin").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(amina.get("/app/learners/amina/livret").body())
                        .select(".signatures li strong.divergence-flag"))
                .hasSize(2);

        // The issued livret states them.
        var issued = trainer.send("POST", "/api/v1/learners/amina/documents", "{\"kind\": \"LIVRET\"}", trainerApi);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String number = AgsCourse.json(issued.body()).at("/document/number").asText();
        byte[] pdf = trainer.getBytes("/api/v1/documents/" + number + "/pdf").body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Signatures du livret")
                    .contains("Évaluateur habilité : Prénom claire (« C. Martin »)")
                    .contains("Tuteur entreprise : Prénom tom (« Tom »)")
                    .contains("Candidat : Prénom amina (« Amina »)")
                    .contains("le livret a été modifié après cette signature");
        }
    }
}
