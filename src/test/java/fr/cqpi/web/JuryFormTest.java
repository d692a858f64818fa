package fr.cqpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The jury's pages over HTTP: a session recorded from its form, a decision and a recours from the session page,
 * each refusal shown in French beside what was typed, nothing stored on a refusal.
 */
class JuryFormTest extends ToolIntegrationTest {

    HttpResponse<String> post(AgsCourse course, String path, String form) {
        Map<String, String> headers = new HashMap<>(course.trainerHeaders);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "text/html");
        headers.put("HX-Request", "true");
        return course.trainer.send("POST", path, form, headers);
    }

    static String members(String presidentCollege) {
        return "&memberName=Claire+Martin&memberCollege=" + presidentCollege + "&memberRole=PRESIDENT"
                + "&memberName=Nadia+Benali&memberCollege=EMPLOYEURS&memberRole=REPRESENTANT_EMPLOYEURS"
                + "&memberName=Paul+Durand&memberCollege=SALARIES&memberRole=REPRESENTANT_SALARIES"
                + "&memberName=&memberCollege=SALARIES&memberRole=REPRESENTANT_SALARIES"
                + "&memberName=Luc+Moreau&memberCollege=AUCUN&memberRole=RAPPORTEUR";
    }

    static String decision(String learner, String outcome, int f, int a, int x, String reason, String recours) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("learnerId", learner);
        form.put("blocCode", "B4");
        if (outcome != null) {
            form.put("outcome", outcome);
        }
        form.put("votesFor", "" + f);
        form.put("votesAgainst", "" + a);
        form.put("votesAbstention", "" + x);
        form.put("reason", reason);
        form.put("preconisations", "Approfondir l'accueil téléphonique");
        form.put("recoursId", recours == null ? "" : recours);
        return LtiClient.form(form);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theJuryRecordsASessionADecisionAndARecoursFromItsPages() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "nora", "ali");
        IntStream.rangeClosed(1, 11).forEach(i -> course.judge("nora", "C9." + i, "ACQUIS"));
        String jury = course.trainer.get("/app/jury").body();
        assertThat(jury).contains("Enregistrer une session de jury").contains("Prénom nora");

        // A session without two colleges is refused, and the form keeps what was typed.
        long sessions = count("jury_session");
        var refused = post(
                course,
                "/app/jury",
                "heldOn=2026-12-01&place=Lyon+%3Cb%3EOPCO%3C%2Fb%3E"
                        + members("AUCUN").replace("SALARIES", "EMPLOYEURS") + "&candidate=nora");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("role=\"alert\"")
                .contains("value=\"Lyon &lt;b&gt;OPCO&lt;/b&gt;\"")
                .contains("value=\"Claire Martin\"")
                .contains("value=\"2026-12-01\"");
        assertThat(count("jury_session")).isEqualTo(sessions);

        var created = post(
                course, "/app/jury", "heldOn=2026-12-01&place=Lyon+OPCO" + members("EMPLOYEURS") + "&candidate=nora");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String pushed = created.headers().firstValue("HX-Push-Url").orElseThrow();
        assertThat(pushed).startsWith("/app/jury/");
        long id = Long.parseLong(pushed.substring("/app/jury/".length()));
        assertThat(created.body())
                .contains("Jury du")
                .contains("Décision du jury sur le bloc B4")
                .contains("Vote (3 membres votants ; le rapporteur ne vote pas)")
                .contains("Prénom nora")
                .doesNotContain("Prénom ali");

        // A tie: refused, the reason in French, every field as typed, nothing stored.
        long decisions = count("jury_decision");
        var tie = post(
                course,
                "/app/jury/" + id + "/decisions",
                decision("nora", "VALIDE", 1, 1, 1, "Dossier <i>solide</i>", null));
        assertThat(tie.statusCode()).isEqualTo(400);
        assertThat(tie.body())
                .contains("Le vote ne convient pas : chaque membre votant vote une fois (3 votes en tout")
                .contains("Dossier &lt;i&gt;solide&lt;/i&gt;</textarea>")
                .contains("Approfondir l&#39;accueil téléphonique</textarea>")
                .contains("value=\"VALIDE\" required checked")
                .contains("name=\"votesAbstention\" min=\"0\" max=\"30\" required value=\"1\"");
        var noOutcome = post(course, "/app/jury/" + id + "/decisions", decision("nora", null, 3, 0, 0, "Motif", null));
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("Choisissez la décision du jury.");
        assertThat(count("jury_decision")).isEqualTo(decisions);

        var valid = post(
                course,
                "/app/jury/" + id + "/decisions",
                decision("nora", "VALIDE", 3, 0, 0, "Entretien convaincant", null));
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        assertThat(valid.body())
                .contains("Décision enregistrée : B4 validé.")
                .contains("B4 — validé")
                .contains("Vote : 3 pour, 0 contre, 0 abstention(s).")
                .contains("Recours sur le bloc B4");
        JsonNode results = AgsCourse.json(
                course.trainer.get("/api/v1/learners/nora/results").body());
        assertThat(results.at("/blocs/3/decision").asText()).isEqualTo("VALIDE");

        // A recours: refused without grounds (the date kept), then recorded, then decided on recours.
        long recoursBefore = count("jury_recours");
        var noGrounds =
                post(course, "/app/jury/" + id + "/recours", "learnerId=nora&blocCode=B4&filedOn=2026-12-02&grounds=");
        assertThat(noGrounds.statusCode()).isEqualTo(400);
        assertThat(noGrounds.body()).contains("Indiquez les motifs du recours").contains("value=\"2026-12-02\"");
        assertThat(count("jury_recours")).isEqualTo(recoursBefore);
        var filed = post(
                course,
                "/app/jury/" + id + "/recours",
                "learnerId=nora&blocCode=B4&filedOn=2026-12-02&grounds=Vote+contest%C3%A9");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
        assertThat(count("jury_recours")).isEqualTo(recoursBefore + 1);
        assertThat(filed.body()).contains("Recours sur B4 enregistré").contains("Sur recours");
        long recoursId =
                jdbc.sql("select max(id) from jury_recours").query(Long.class).single();
        // Filed after this session: the next session, held on or after the day it was filed, decides it.
        var next = post(
                course, "/app/jury", "heldOn=2026-12-03&place=Lyon+OPCO" + members("EMPLOYEURS") + "&candidate=nora");
        long nextId = Long.parseLong(
                next.headers().firstValue("HX-Push-Url").orElseThrow().substring("/app/jury/".length()));
        var onRecours = post(
                course,
                "/app/jury/" + nextId + "/decisions",
                decision("nora", "NON_VALIDE", 2, 1, 0, "Recours examiné", "" + recoursId));
        assertThat(onRecours.statusCode()).as(onRecours.body()).isEqualTo(200);
        assertThat(onRecours.body())
                .contains("B4 — non validé")
                .contains("(sur recours)")
                .contains("(décidé)");
        assertThat(jdbc.sql("select outcome from jury_decision where recours_id = :r")
                        .param("r", recoursId)
                        .query(String.class)
                        .single())
                .isEqualTo("NON_VALIDE");
        // Deciding the same recours again is refused in the form.
        var again = post(
                course,
                "/app/jury/" + nextId + "/decisions",
                decision("nora", "VALIDE", 3, 0, 0, "Encore", "" + recoursId));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("déjà été décidé");

        // AJOURNE: not validated, to be presented again; the evaluation goes on (judgments not locked).
        var adjourned = post(
                course,
                "/app/jury/" + id + "/decisions",
                decision("nora", "AJOURNE", 2, 0, 1, "À présenter de nouveau après la période en entreprise", null));
        assertThat(adjourned.statusCode()).as(adjourned.body()).isEqualTo(200);
        assertThat(adjourned.body())
                .contains("Décision enregistrée : B4 ajourné.")
                .contains("B4 — ajourné");
        JsonNode after = AgsCourse.json(
                        course.trainer.get("/api/v1/learners/nora/results").body())
                .at("/blocs/3");
        assertThat(after.get("state").asText()).isEqualTo("AJOURNE");
        assertThat(after.get("decision").asText()).isEqualTo("AJOURNE");
        course.judge("nora", "C9.2", "EN_COURS");
        JsonNode score = course.lastScore(
                "nora",
                4,
                java.time.Duration.ofSeconds(20),
                s -> s.get("comment").asText().contains("ajourné"));
        assertThat(score.get("comment").asText()).startsWith("Bloc ajourné par le jury, à présenter de nouveau");
        assertThat(score.get("activityProgress").asText()).isEqualTo("InProgress");

        // A candidate not presented, and a learner, are refused.
        assertThat(post(course, "/app/jury/" + id + "/decisions", decision("ali", "VALIDE", 3, 0, 0, "x", null))
                        .body())
                .doesNotContain("Décision enregistrée");
        LtiClient learner = course.learner("nora");
        Map<String, String> headers =
                new HashMap<>(learner.csrfHeaders(learner.get("/app").body()));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        assertThat(learner.send(
                                "POST",
                                "/app/jury/" + id + "/decisions",
                                decision("nora", "VALIDE", 3, 0, 0, "x", null),
                                headers)
                        .statusCode())
                .isEqualTo(403);
    }
}
