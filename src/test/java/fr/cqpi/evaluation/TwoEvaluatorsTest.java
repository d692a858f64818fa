package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.MENTOR;
import static fr.cqpi.support.TestPlatform.OBSERVER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestJury;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tuteur entreprise beside the évaluateur habilité: a Mentor launch judges only its learners, both judgments
 * are kept apart and shown side by side, divergences are listed; evaluation sessions. Real launches, real HTTP.
 */
class TwoEvaluatorsTest extends ToolIntegrationTest {

    TestPlatform moodle;
    String course;
    LtiClient trainer;
    Map<String, String> trainerApi;
    LtiClient tutor;
    Map<String, String> tutorApi;
    Map<String, String> tutorPage;

    @BeforeEach
    void launches() {
        moodle = newPlatform("moodle");
        course = "course-" + System.nanoTime();
        launched("amina", LEARNER, null);
        launched("bruno", LEARNER, null);
        trainer = launched("claire", INSTRUCTOR, null);
        trainerApi = trainer.apiHeaders();
        // Canvas sends role_scope_mentor with the Mentor role (an observer's observees): the tool assigns them.
        tutor = launched("tom", MENTOR, List.of("amina"));
        tutorApi = tutor.apiHeaders();
        tutorPage = tutor.pageHeaders();
    }

    /** A launch into the course; {@code mentees}: the Mentor's role_scope_mentor claim, when given. */
    LtiClient launched(String sub, String role, List<String> mentees) {
        return mentees == null
                ? launched(moodle, sub, role, course)
                : launched(moodle, sub, role, course, TestPlatform.mentorOf(mentees.toArray(String[]::new)));
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " t join course c on c.id = t.course_id"
                        + " where c.context_id = :ctx and c.platform_id = :p")
                .param("ctx", course)
                .param("p", moodle.platform().id())
                .query(Long.class)
                .single();
    }

    @Test
    void aMentorJudgesTheLearnerAssignedToThemAndNoOther() {
        assertThat(Json.read(tutor.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactly("amina");

        var saved =
                tutor.judge(tutorApi, "amina", "C1.1", Json.object("status", "NON_ACQUIS", "comment", "Pas encore"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Json.read(saved).at("/judgment/evaluatorRole").asText()).isEqualTo("TUTEUR");
        assertThat(Json.read(saved).at("/judgment/updatedBy").asText()).isEqualTo("tom");

        long before = rows("judgment") + rows("judgment_audit");
        var refused = tutor.judge(tutorApi, "bruno", "C1.1", Json.object("status", "ACQUIS"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Json.read(refused).get("title").asText()).isEqualTo("forbidden");
        assertThat(tutor.get("/api/v1/learners/bruno/grid").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/api/v1/learners/bruno/results").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/api/v1/learners/bruno/history").statusCode()).isEqualTo(403);

        // The pages: the cohort shows amina only; bruno's grid is a clear 403; a save on him stores nothing.
        String cohort = tutor.get("/app/cohort").body();
        assertThat(cohort)
                .contains("Prénom amina")
                .doesNotContain("Prénom bruno")
                .contains("tuteur entreprise");
        assertThat(cohort).doesNotContain("/app/sync").doesNotContain("/app/jury");
        var grid = tutor.get("/app/learners/amina");
        assertThat(grid.statusCode()).isEqualTo(200);
        assertThat(grid.body()).contains("Votre jugement (tuteur entreprise)").contains("Évaluateur habilité");
        var other = tutor.get("/app/learners/bruno");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("seulement les apprenants qui vous sont confiés");
        var pageSave = tutor.send(
                "PUT", "/app/learners/bruno/judgments/C1.2", LtiClient.form(Map.of("status", "ACQUIS")), tutorPage);
        assertThat(pageSave.statusCode()).isEqualTo(403);
        var pageOwn = tutor.send(
                "PUT",
                "/app/learners/amina/judgments/C1.2",
                LtiClient.form(Map.of("status", "EN_COURS", "version", "0")),
                tutorPage);
        assertThat(pageOwn.statusCode()).as(pageOwn.body()).isEqualTo(200);
        assertThat(pageOwn.body()).contains("✓ Enregistré");
        assertThat(rows("judgment") + rows("judgment_audit")).isEqualTo(before + 2);

        // Everything that is the évaluateurs' only stays closed to a tutor.
        assertThat(tutor.get("/api/v1/grade-sync").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/api/v1/jury-sessions").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/api/v1/tutors").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/app/sync").statusCode()).isEqualTo(403);
        assertThat(tutor.get("/app/tutors").statusCode()).isEqualTo(403);
        assertThat(tutor.send("PUT", "/api/v1/tutors/tom/learners/bruno", "", tutorApi)
                        .statusCode())
                .isEqualTo(403);
        assertThat(tutor.send("POST", "/api/v1/sessions", Json.object("kind", "EVALUATION_FINALE"), tutorApi)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theTrainersCohortFiltersTheLearnersByEvaluator() {
        assertThat(trainer.judge(trainerApi, "bruno", "C1.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(200);
        org.jsoup.nodes.Document page =
                org.jsoup.Jsoup.parse(trainer.get("/app/cohort").body());
        assertThat(page.select("#cohort-evaluator option").eachText())
                .containsExactly("Tous les évaluateurs", "Prénom claire", "Prénom tom (tuteur entreprise)");
        // The trainer's own judgments: bruno; the tutor follows amina, whom nobody judged yet.
        assertThat(learnersShown(trainer.get("/app/cohort?evaluator=claire").body()))
                .containsExactly("Prénom bruno");
        assertThat(learnersShown(trainer.get("/app/cohort?evaluator=tom").body()))
                .containsExactly("Prénom amina");
        String sorted = trainer.get("/app/cohort?evaluator=tom&sort=last").body();
        assertThat(org.jsoup.Jsoup.parse(sorted).select("table.cohort thead a").eachAttr("href"))
                .allMatch(href -> href.contains("evaluator=tom"));
        // Someone the course does not know filters nothing, as the other filters' unknown values.
        assertThat(learnersShown(trainer.get("/app/cohort?evaluator=nobody").body()))
                .contains("Prénom amina", "Prénom bruno");
        // A tutor sees only their own learners: no evaluator filter for them.
        assertThat(tutor.get("/app/cohort").body()).doesNotContain("cohort-evaluator");
    }

    static List<String> learnersShown(String cohortPage) {
        return org.jsoup.Jsoup.parse(cohortPage)
                .select("table.cohort tbody th a")
                .eachText();
    }

    @Test
    void theMentorsNextLaunchReplacesThePlatformsAssignmentsATrainersStay() {
        var designated = trainer.send("PUT", "/api/v1/tutors/tom/learners/bruno", "", trainerApi);
        assertThat(designated.statusCode()).as(designated.body()).isEqualTo(201);
        assertThat(trainer.send("PUT", "/api/v1/tutors/tom/learners/bruno", "", trainerApi)
                        .statusCode())
                .isEqualTo(200);
        LtiClient again = launched("tom", MENTOR, List.of());
        assertThat(Json.read(again.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactly("bruno");
        JsonNode assignments = Json.read(trainer.get("/api/v1/tutors"));
        assertThat(assignments).hasSize(1);
        assertThat(assignments.at("/0/source").asText()).isEqualTo("TRAINER");
        assertThat(assignments.at("/0/assignedBy").asText()).isEqualTo("claire");
    }

    @Test
    void aTrainerDesignatesACourseMemberAsTutorAndRemovesIt() {
        // A member who neither evaluates nor learns (an Observer, a role the tool does not know).
        LtiClient dora = launched("dora", OBSERVER, null);
        assertThat(Json.read(trainer.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("amina", "bruno");
        assertThat(trainer.send("PUT", "/api/v1/tutors/claire/learners/amina", "", trainerApi)
                        .statusCode())
                .isEqualTo(400);
        assertThat(trainer.send("PUT", "/api/v1/tutors/nobody/learners/amina", "", trainerApi)
                        .statusCode())
                .isEqualTo(404);
        // Dora follows learners, she is not one.
        assertThat(trainer.send("PUT", "/api/v1/tutors/dora/learners/dora", "", trainerApi)
                        .statusCode())
                .isEqualTo(404);
        assertThat(trainer.send("PUT", "/api/v1/tutors/dora/learners/bruno", "", trainerApi)
                        .statusCode())
                .isEqualTo(201);
        // Her next launch is a tutor's.
        assertThat(Json.read(trainer.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("amina", "bruno");
        dora = launched("dora", OBSERVER, null);
        Map<String, String> doraApi = dora.apiHeaders();
        assertThat(dora.judge(doraApi, "bruno", "C3.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(dora.judge(doraApi, "amina", "C3.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(dora.get("/app").body()).contains("Vous êtes tuteur entreprise");

        // Removed: she judges bruno no more, and has the role her platform gives her again.
        assertThat(trainer.send("DELETE", "/api/v1/tutors/dora/learners/bruno", (String) null, trainerApi)
                        .statusCode())
                .isEqualTo(204);
        assertThat(trainer.send("DELETE", "/api/v1/tutors/dora/learners/bruno", (String) null, trainerApi)
                        .statusCode())
                .isEqualTo(404);
        assertThat(dora.judge(doraApi, "bruno", "C3.2", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(launched("dora", OBSERVER, null).get("/app").body()).doesNotContain("Vous êtes tuteur entreprise");

        // The trainers' page: assign through the form, listed, removable.
        Map<String, String> trainerPage = trainer.pageHeaders();
        String tutorsPage = trainer.get("/app/tutors").body();
        assertThat(tutorsPage).contains("Tuteurs entreprise").contains("Prénom tom");
        var assigned = trainer.send("POST", "/app/tutors", "tutor=dora&learner=amina&learner=bruno", trainerPage);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.body()).contains("Tuteur désigné.").contains("désigné par un formateur");
        assertThat(Json.read(trainer.get("/api/v1/tutors")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("amina", "amina", "bruno");
        var missing = trainer.send("POST", "/app/tutors", "tutor=dora", trainerPage);
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void aLearnerIsNeitherOfferedNorMadeATutor() {
        // The page: no tutor chosen beforehand, the course's learners not offered, and why.
        org.jsoup.nodes.Document tutors =
                org.jsoup.Jsoup.parse(trainer.get("/app/tutors").body());
        var options = tutors.select("#tutor-pick option");
        assertThat(options.first().attr("value")).isEmpty();
        assertThat(options.first().text()).isEqualTo("Choisir un tuteur");
        assertThat(tutors.select("#tutor-pick option[selected]").eachAttr("value"))
                .containsExactly("");
        assertThat(tutors.select("#tutor-pick").hasAttr("required")).isTrue();
        assertThat(options.eachAttr("value")).containsExactly("", "tom");
        assertThat(tutors.text()).contains("Les apprenants du cours ne sont pas proposés comme tuteurs");

        // Sent anyway, as the form sends it: refused, nothing stored, the learner still in the cohort.
        Map<String, String> trainerPage = trainer.pageHeaders();
        long before = rows("tutor_assignment");
        var refused = trainer.send("POST", "/app/tutors", "tutor=amina&learner=bruno", trainerPage);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(refused.body()).text()).contains("c'est un apprenant du cours");
        var placeholder = trainer.send("POST", "/app/tutors", "tutor=&learner=bruno", trainerPage);
        assertThat(placeholder.statusCode()).isEqualTo(400);
        assertThat(trainer.send("PUT", "/api/v1/tutors/amina/learners/bruno", "", trainerApi)
                        .statusCode())
                .isEqualTo(400);
        assertThat(rows("tutor_assignment")).isEqualTo(before);
        assertThat(Json.read(trainer.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("amina", "bruno");
    }

    @Test
    void aLearnerWithoutTutorShowsNoTutorJudgmentNorDivergences() {
        org.jsoup.nodes.Document bruno =
                org.jsoup.Jsoup.parse(trainer.get("/app/learners/bruno").body());
        assertThat(bruno.select(".criterion")).hasSizeGreaterThan(70);
        assertThat(bruno.select(".other-judgment")).isEmpty();
        assertThat(bruno.select(".divergences[hidden]")).hasSize(4);
        // Amina has a tutor (tom, from the platform): his judgment beside the trainer's, even before he judges.
        org.jsoup.nodes.Document amina =
                org.jsoup.Jsoup.parse(trainer.get("/app/learners/amina").body());
        assertThat(amina.select("#criterion-C1-1 .other-judgment").text())
                .contains("Tuteur entreprise")
                .contains("Non évalué");
        assertThat(amina.select(".divergences:not([hidden])")).hasSize(4);
        // A tutor sees the évaluateur habilité's judgment beside their own, always.
        assertThat(org.jsoup.Jsoup.parse(tutor.get("/app/learners/amina").body())
                        .select("#criterion-C1-1 .other-judgment")
                        .text())
                .contains("Évaluateur habilité");
    }

    @Test
    void bothJudgmentsAreStoredApartShownSideBySideAndTheirDivergencesListed() {
        assertThat(trainer.judge(trainerApi, "amina", "C1.1", Json.object("status", "ACQUIS", "version", 0))
                        .statusCode())
                .isEqualTo(200);
        // The tutor's version is their own judgment's: 0 while they have none, whatever the trainer saved.
        var tutorSave = tutor.judge(tutorApi, "amina", "C1.1", Json.object("status", "NON_ACQUIS", "version", 0));
        assertThat(tutorSave.statusCode()).as(tutorSave.body()).isEqualTo(200);
        assertThat(tutor.judge(tutorApi, "amina", "C1.2", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(trainer.judge(trainerApi, "amina", "C1.2", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(200);
        var stale = tutor.judge(tutorApi, "amina", "C1.1", Json.object("status", "ACQUIS", "version", 0));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Json.read(stale).at("/current/evaluatorRole").asText()).isEqualTo("TUTEUR");

        assertThat(jdbc.sql("select evaluator_role || ':' || status from judgment j join course c on c.id = j.course_id"
                                + " where c.context_id = :ctx and j.criterion_code = 'C1.1'")
                        .param("ctx", course)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("EVALUATEUR:ACQUIS", "TUTEUR:NON_ACQUIS");
        assertThat(jdbc.sql("select evaluator_role from judgment_audit a join course c on c.id = a.course_id"
                                + " where c.context_id = :ctx and a.criterion_code = 'C1.1' order by a.id")
                        .param("ctx", course)
                        .query(String.class)
                        .list())
                .containsExactly("EVALUATEUR", "TUTEUR");

        JsonNode grid = Json.read(trainer.get("/api/v1/learners/amina/grid"));
        JsonNode c11 = grid.at("/criteria/0");
        assertThat(c11.get("criterionCode").asText()).isEqualTo("C1.1");
        assertThat(c11.get("status").asText()).isEqualTo("ACQUIS");
        assertThat(c11.get("evaluatorRole").asText()).isEqualTo("EVALUATEUR");
        assertThat(c11.at("/tutorJudgment/status").asText()).isEqualTo("NON_ACQUIS");
        assertThat(c11.at("/tutorJudgment/updatedBy").asText()).isEqualTo("tom");
        assertThat(c11.get("divergent").asBoolean()).isTrue();
        assertThat(grid.at("/criteria/1/divergent").asBoolean()).isFalse();
        assertThat(grid.at("/criteria/2/tutorJudgment/status").asText()).isEqualTo("NON_EVALUE");
        // By default the proposition follows the évaluateur habilité: C1.1 counts ACQUIS.
        assertThat(Json.read(trainer.get("/api/v1/learners/amina/results"))
                        .at("/blocs/0/acquis")
                        .asInt())
                .isEqualTo(2);

        JsonNode divergences = Json.read(trainer.get("/api/v1/learners/amina/divergences"));
        assertThat(divergences.at("/countByBloc/B1").asInt()).isEqualTo(1);
        assertThat(divergences.at("/countByBloc/B2").asInt()).isZero();
        assertThat(divergences.get("divergences")).hasSize(1);
        assertThat(divergences.at("/divergences/0/criterionCode").asText()).isEqualTo("C1.1");
        assertThat(divergences.at("/divergences/0/evaluateur/status").asText()).isEqualTo("ACQUIS");
        assertThat(divergences.at("/divergences/0/tuteur/status").asText()).isEqualTo("NON_ACQUIS");
        assertThat(Json.read(tutor.get("/api/v1/learners/amina/divergences")).get("divergences"))
                .hasSize(1);

        // Side by side on the page: one's own form, the other's judgment read-only, the divergence marked and listed.
        String trainerGrid = trainer.get("/app/learners/amina").body();
        assertThat(trainerGrid).contains("Votre jugement (évaluateur habilité)");
        assertThat(trainerGrid).contains("class=\"criterion divergent\" id=\"criterion-C1-1\"");
        assertThat(trainerGrid).contains("class=\"criterion\" id=\"criterion-C1-2\"");
        assertThat(trainerGrid).contains("≠ Divergence").contains("1 divergence entre évaluateurs");
        assertThat(trainerGrid).contains("évaluateur habilité « Acquis », tuteur entreprise « Non acquis »");
        String learnerGrid = launched("amina", LEARNER, null).get("/app/me").body();
        assertThat(learnerGrid).contains("Tuteur entreprise").contains("Évaluateur habilité");
        assertThat(learnerGrid).doesNotContain("<form class=\"judgment\"");
        // The jury sees them too, per candidate and bloc, on the session's page.
        var jury = trainer.send(
                "POST", "/api/v1/jury-sessions", TestJury.session("2027-06-01", "Lyon", List.of("amina")), trainerApi);
        assertThat(jury.statusCode()).as(jury.body()).isEqualTo(201);
        assertThat(trainer.get("/app/jury/" + Json.read(jury).get("id").asLong())
                        .body())
                .contains("≠ 1 divergence entre tuteur et évaluateur : C1.1");
        // The history names the role of each change.
        assertThat(trainer.get("/app/learners/amina/history").body())
                .contains("(Tuteur entreprise)")
                .contains("(Évaluateur habilité)");
    }

    @Test
    void judgmentsInTwoSessionsTheGridShowsTheLatestTheHistoryBoth() {
        // No session yet: the first judgment opens the default one, an évaluation intermédiaire of the day.
        assertThat(Json.read(trainer.get("/api/v1/sessions"))).isEmpty();
        assertThat(trainer.judge(trainerApi, "bruno", "C2.1", Json.object("status", "EN_COURS"))
                        .statusCode())
                .isEqualTo(200);
        JsonNode sessions = Json.read(trainer.get("/api/v1/sessions"));
        assertThat(sessions).hasSize(1);
        assertThat(sessions.at("/0/kind").asText()).isEqualTo("EVALUATION_INTERMEDIAIRE");
        assertThat(sessions.at("/0/current").asBoolean()).isTrue();

        var positionnement = trainer.send(
                "POST",
                "/api/v1/sessions",
                Json.object("kind", "POSITIONNEMENT", "heldOn", "2026-09-01", "label", "Entrée en formation"),
                trainerApi);
        assertThat(positionnement.statusCode()).as(positionnement.body()).isEqualTo(201);
        long first = Json.read(positionnement).get("id").asLong();
        assertThat(trainer.judge(trainerApi, "amina", "C2.1", Json.object("status", "EN_COURS", "comment", "Début"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(tutor.judge(tutorApi, "amina", "C2.1", Json.object("status", "EN_COURS"))
                        .statusCode())
                .isEqualTo(200);
        var finale = trainer.send(
                "POST",
                "/api/v1/sessions",
                Json.object("kind", "EVALUATION_FINALE", "heldOn", "2027-03-15"),
                trainerApi);
        long last = Json.read(finale).get("id").asLong();
        var later = trainer.judge(trainerApi, "amina", "C2.1", Json.object("status", "ACQUIS", "comment", "Début"));
        assertThat(Json.read(later).at("/judgment/sessionId").asLong()).isEqualTo(last);
        // The same value again in a later session is that session's judgment too.
        var confirmed = tutor.judge(tutorApi, "amina", "C2.1", Json.object("status", "EN_COURS"));
        assertThat(Json.read(confirmed).at("/judgment/version").asInt()).isEqualTo(2);
        assertThat(Json.read(confirmed).at("/judgment/sessionId").asLong()).isEqualTo(last);
        // Named explicitly: an earlier session.
        var earlier =
                trainer.judge(trainerApi, "amina", "C2.2", Json.object("status", "NON_ACQUIS", "sessionId", first));
        assertThat(Json.read(earlier).at("/judgment/sessionId").asLong()).isEqualTo(first);

        JsonNode c21 = Json.read(trainer.get("/api/v1/learners/amina/grid"))
                .findValues("criteria")
                .get(0)
                .findParents("criterionCode")
                .stream()
                .filter(c -> c.get("criterionCode").asText().equals("C2.1"))
                .findFirst()
                .orElseThrow();
        assertThat(c21.get("status").asText()).isEqualTo("ACQUIS");
        assertThat(c21.get("sessionId").asLong()).isEqualTo(last);
        assertThat(c21.at("/tutorJudgment/sessionId").asLong()).isEqualTo(last);

        JsonNode history =
                Json.read(trainer.get("/api/v1/learners/amina/history")).get("entries");
        assertThat(history.findValuesAsString("sessionId")).contains(String.valueOf(first), String.valueOf(last));
        JsonNode firstOnly = Json.read(trainer.get("/api/v1/learners/amina/history?session=" + first))
                .get("entries");
        assertThat(firstOnly).hasSize(3);
        assertThat(firstOnly.findValuesAsString("status"))
                .containsExactlyInAnyOrder("EN_COURS", "EN_COURS", "NON_ACQUIS");
        String historyPage = trainer.get("/app/learners/amina/history").body();
        assertThat(historyPage).contains("Positionnement du 01/09/2026").contains("Évaluation finale du 15/03/2027");

        // The cohort by session: the learners judged in it, with what was judged in it.
        JsonNode cohortFirst = Json.read(trainer.get("/api/v1/cohort?session=" + first));
        assertThat(cohortFirst.findValuesAsString("learnerId")).containsExactly("amina");
        assertThat(cohortFirst.at("/0/blocs/0/acquis").asInt()).isZero();
        JsonNode cohortLast = Json.read(trainer.get("/api/v1/cohort?session=" + last));
        assertThat(cohortLast.at("/0/blocs/0/acquis").asInt()).isEqualTo(1);
        assertThat(Json.read(trainer.get("/api/v1/cohort")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("amina", "bruno");
        assertThat(Json.read(tutor.get("/api/v1/cohort")).findValuesAsString("learnerId"))
                .containsExactly("amina");
        assertThat(trainer.get("/app/cohort?session=" + first).body())
                .contains("Prénom amina")
                .doesNotContain("Prénom bruno");

        // The grid's session bar names the current one; choosing another makes it current.
        assertThat(trainer.get("/app/learners/amina").body()).contains("Évaluation finale du 15/03/2027");
        var chosen = trainer.send("PUT", "/api/v1/sessions/current", Json.object("sessionId", first), trainerApi);
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(Json.read(chosen).get("current").asBoolean()).isTrue();
        var page = trainer.send(
                "POST", "/app/sessions", "kind=EVALUATION_FINALE&heldOn=2027-06-30", trainer.pageHeaders());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Session ouverte").contains("Évaluation finale du 30/06/2027");
    }

    @Test
    void theNewEndpointsAreInTheOpenApiDocument() {
        JsonNode paths = Json.read(browser().get("/v3/api-docs")).get("paths");
        assertThat(paths.has("/api/v1/cohort")).isTrue();
        assertThat(paths.has("/api/v1/sessions")).isTrue();
        assertThat(paths.has("/api/v1/sessions/current")).isTrue();
        assertThat(paths.has("/api/v1/tutors")).isTrue();
        assertThat(paths.at("/~1api~1v1~1tutors~1{tutorId}~1learners~1{learnerId}")
                        .has("delete"))
                .isTrue();
        assertThat(paths.has("/api/v1/learners/{learnerId}/divergences")).isTrue();
        assertThat(paths.has("/api/v1/learners/{learnerId}/history")).isTrue();
    }

    @Test
    void badSessionRequestsAreProblemsAndStoreNothing() {
        long before = jdbc.sql("select count(*) from evaluation_session")
                .query(Long.class)
                .single();
        var noKind = trainer.send("POST", "/api/v1/sessions", Json.object("heldOn", "2026-09-01"), trainerApi);
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(Json.read(noKind).get("field").asText()).isEqualTo("kind");
        var badKind = trainer.send("POST", "/api/v1/sessions", Json.object("kind", "JURY"), trainerApi);
        assertThat(Json.read(badKind).get("field").asText()).isEqualTo("kind");
        var badDate = trainer.send(
                "POST", "/api/v1/sessions", Json.object("kind", "POSITIONNEMENT", "heldOn", "1/9/26"), trainerApi);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(Json.read(badDate).get("field").asText()).isEqualTo("heldOn");
        var longLabel = trainer.send(
                "POST",
                "/api/v1/sessions",
                Json.object("kind", "POSITIONNEMENT", "label", "x".repeat(201)),
                trainerApi);
        assertThat(Json.read(longLabel).get("field").asText()).isEqualTo("label");
        var pageBad = trainer.send("POST", "/app/sessions", "kind=NOPE", trainer.pageHeaders());
        assertThat(pageBad.statusCode()).isEqualTo(400);
        assertThat(pageBad.body()).contains("Choisissez le type de session");
        assertThat(jdbc.sql("select count(*) from evaluation_session")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        var unknownSession =
                trainer.judge(trainerApi, "amina", "C1.1", Json.object("status", "ACQUIS", "sessionId", 999999));
        assertThat(unknownSession.statusCode()).isEqualTo(400);
        assertThat(Json.read(unknownSession).get("field").asText()).isEqualTo("sessionId");
        assertThat(trainer.get("/api/v1/cohort?session=999999").statusCode()).isEqualTo(404);
        var notANumber = trainer.get("/api/v1/cohort?session=abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Json.read(notANumber).get("field").asText()).isEqualTo("session");
        assertThat(trainer.send("PUT", "/api/v1/sessions/current", Json.object(), trainerApi)
                        .statusCode())
                .isEqualTo(400);
        assertThat(trainer.send("PUT", "/api/v1/sessions/current", Json.object("sessionId", 999999), trainerApi)
                        .statusCode())
                .isEqualTo(404);
        assertThat(rows("judgment")).isZero();
    }
}
