package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Jury sessions, decisions with their vote, the lock they put on a bloc, recours, and the gradebook after them. */
class JuryTest extends ToolIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static final String MEMBERS = """
            [{"name": "Claire Martin", "college": "EMPLOYEURS", "role": "PRESIDENT"},
             {"name": "Paul Durand", "college": "SALARIES", "role": "REPRESENTANT_SALARIES"},
             {"name": "Nadia Benali", "college": "EMPLOYEURS", "role": "REPRESENTANT_EMPLOYEURS"},
             {"name": "Luc Moreau", "college": "AUCUN", "role": "RAPPORTEUR"}]""";

    HttpResponse<String> post(AgsCourse course, String path, String body) {
        return course.trainer.send("POST", path, body, course.trainerHeaders);
    }

    long session(AgsCourse course, String... candidates) {
        String subs = String.join("\",\"", candidates);
        var created = post(
                course,
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"2026-12-01\", \"place\": \"Lyon, OPCO\", \"members\": " + MEMBERS
                        + ", \"candidates\": [\"" + subs + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return AgsCourse.json(created.body()).get("id").asLong();
    }

    HttpResponse<String> decide(AgsCourse course, long session, String learner, String outcome, int f, int a, int x) {
        return post(
                course,
                "/api/v1/jury-sessions/" + session + "/decisions",
                "{\"learnerId\": \"" + learner + "\", \"blocCode\": \"B4\", \"outcome\": \"" + outcome
                        + "\", \"votesFor\": " + f + ", \"votesAgainst\": " + a + ", \"votesAbstention\": " + x
                        + ", \"reason\": \"Entretien convaincant\", \"preconisations\": \"Approfondir la veille\"}");
    }

    HttpResponse<String> judge(AgsCourse course, String learner, String criterion, String status) {
        return course.trainer.send(
                "PUT",
                "/api/v1/learners/" + learner + "/judgments/" + criterion,
                "{\"status\":\"" + status + "\"}",
                course.trainerHeaders);
    }

    long decisions() {
        return jdbc.sql("select count(*) from jury_decision").query(Long.class).single();
    }

    @Test
    void aDecisionValidatesTheBlocLocksItsJudgmentsAndReachesTheGradebook() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "sarah");
        IntStream.rangeClosed(1, 11).forEach(i -> course.judge("sarah", "C9." + i, "ACQUIS"));
        JsonNode before = course.lastScore(
                "sarah", 4, WAIT, s -> s.get("comment").asText().contains("proposition favorable"));
        assertThat(before.get("gradingProgress").asText()).isEqualTo("FullyGraded");
        assertThat(before.get("activityProgress").asText()).isEqualTo("Completed");

        long session = session(course, "sarah");
        var decided = decide(course, session, "sarah", "VALIDE", 3, 0, 0);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        JsonNode body = AgsCourse.json(decided.body());
        assertThat(body.at("/bloc/state").asText()).isEqualTo("VALIDE");
        assertThat(body.at("/bloc/decision").asText()).isEqualTo("VALIDE");
        assertThat(body.at("/bloc/proposition").asText()).isEqualTo("FAVORABLE");
        assertThat(body.at("/decision/proposition").asText()).isEqualTo("FAVORABLE");
        assertThat(body.at("/decision/vote/forIt").asInt()).isEqualTo(3);

        // Sent as soon as recorded: the gradebook now says the jury validated.
        JsonNode after = course.lastScore(
                "sarah", 4, WAIT, s -> s.get("comment").asText().contains("validé par le jury"));
        assertThat(after.get("comment").asText()).startsWith("Bloc validé par le jury");
        assertThat(after.get("scoreGiven").decimalValue()).isEqualByComparingTo("100");
        assertThat(after.get("gradingProgress").asText()).isEqualTo("FullyGraded");

        // Locked: a judgment change is refused with 409 and changes nothing.
        var refused = judge(course, "sarah", "C9.3", "NON_ACQUIS");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(AgsCourse.json(refused.body()).get("title").asText()).isEqualTo("bloc_decided");
        assertThat(AgsCourse.json(refused.body()).get("detail").asText())
                .contains("B4")
                .contains("jury");
        JsonNode grid =
                AgsCourse.json(course.trainer.get("/api/v1/learners/sarah/grid").body());
        JsonNode c93 = null;
        for (JsonNode c : grid.get("criteria")) {
            if (c.get("criterionCode").asText().equals("C9.3")) {
                c93 = c;
            }
        }
        assertThat(c93.get("status").asText()).isEqualTo("ACQUIS");
        assertThat(AgsCourse.json(course.trainer
                                .get("/api/v1/learners/sarah/results")
                                .body())
                        .at("/blocs/3/state")
                        .asText())
                .isEqualTo("VALIDE");
        // Other blocs stay open.
        assertThat(judge(course, "sarah", "C1.1", "EN_COURS").statusCode()).isEqualTo(200);

        // A new decision reopens it; then the judgment goes through.
        assertThat(decide(course, session, "sarah", "REOUVERTURE", 2, 1, 0).statusCode())
                .isEqualTo(201);
        assertThat(judge(course, "sarah", "C9.3", "NON_ACQUIS").statusCode()).isEqualTo(200);
        JsonNode reopened = AgsCourse.json(
                        course.trainer.get("/api/v1/learners/sarah/results").body())
                .at("/blocs/3");
        assertThat(reopened.get("state").asText()).isEqualTo("PROPOSITION_DEFAVORABLE");
        assertThat(reopened.get("decision").isNull()).isTrue();

        // The learner sees the decision history of their own file; the jury page shows it.
        JsonNode file = AgsCourse.json(
                course.learner("sarah").get("/api/v1/learners/sarah/jury").body());
        assertThat(file.get("decisions")).hasSize(2);
        assertThat(file.at("/decisions/0/preconisations").asText()).isEqualTo("Approfondir la veille");
        String page = course.trainer.get("/app/jury/" + session).body();
        assertThat(page).contains("Claire Martin").contains("Entretien convaincant");
    }

    @Test
    void theVoteMustCarryTheDecisionAndCountEveryVotingMember() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "tom");
        long session = session(course, "tom");
        long before = decisions();
        var tie = decide(course, session, "tom", "NON_VALIDE", 1, 1, 1);
        assertThat(tie.statusCode()).isEqualTo(400);
        assertThat(AgsCourse.json(tie.body()).get("field").asText()).isEqualTo("votes");
        assertThat(AgsCourse.json(tie.body()).get("detail").asText()).contains("majority");
        var rapporteurCounted = decide(course, session, "tom", "NON_VALIDE", 3, 1, 0);
        assertThat(rapporteurCounted.statusCode()).isEqualTo(400);
        assertThat(AgsCourse.json(rapporteurCounted.body()).get("detail").asText())
                .contains("3 votes expected");
        var nothingToReopen = decide(course, session, "tom", "REOUVERTURE", 3, 0, 0);
        assertThat(nothingToReopen.statusCode()).isEqualTo(400);
        var notPresented = decide(course, session, "ghost", "VALIDE", 3, 0, 0);
        assertThat(notPresented.statusCode()).isEqualTo(400);
        assertThat(decisions()).isEqualTo(before);

        // Not paritaire, two présidents, a learner acting as jury.
        var oneCollege = post(
                course,
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"2026-12-01\", \"place\": \"Lyon\", \"members\": [{\"name\": \"A\", \"college\":"
                        + " \"EMPLOYEURS\", \"role\": \"PRESIDENT\"}], \"candidates\": [\"tom\"]}");
        assertThat(oneCollege.statusCode()).isEqualTo(400);
        assertThat(AgsCourse.json(oneCollege.body()).get("field").asText()).isEqualTo("members.college");
        var badDate = post(
                course,
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"demain\", \"place\": \"Lyon\", \"members\": " + MEMBERS
                        + ", \"candidates\": [\"tom\"]}");
        assertThat(badDate.statusCode()).isEqualTo(400);
        var learnerHeaders = new java.util.HashMap<>(course.learner("tom")
                .csrfHeaders(course.learner("tom").get("/app").body()));
        learnerHeaders.put("Content-Type", "application/json");
        var byLearner = course.learner("tom")
                .send(
                        "POST",
                        "/api/v1/jury-sessions/" + session + "/decisions",
                        "{\"learnerId\": \"tom\", \"blocCode\": \"B4\", \"outcome\": \"VALIDE\", \"votesFor\": 3,"
                                + " \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"x\"}",
                        learnerHeaders);
        assertThat(byLearner.statusCode()).isEqualTo(403);
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void aRecoursIsRecordedAndDecidedTheSameWay() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "emma");
        long session = session(course, "emma");
        var noDecision = post(
                course,
                "/api/v1/learners/emma/recours",
                "{\"blocCode\": \"B4\", \"filedOn\": \"2026-12-02\", \"grounds\": \"Entretien écourté\"}");
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(decide(course, session, "emma", "NON_VALIDE", 2, 0, 1).statusCode())
                .isEqualTo(201);
        var filed = post(
                course,
                "/api/v1/learners/emma/recours",
                "{\"blocCode\": \"B4\", \"filedOn\": \"2026-12-02\", \"grounds\": \"Entretien écourté\"}");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long recours = AgsCourse.json(filed.body()).get("id").asLong();

        String onRecours = "{\"learnerId\": \"emma\", \"blocCode\": \"B4\", \"outcome\": \"VALIDE\", \"votesFor\": 2,"
                + " \"votesAgainst\": 1, \"votesAbstention\": 0, \"reason\": \"Recours fondé\", \"recoursId\": "
                + recours + "}";
        var decided = post(course, "/api/v1/jury-sessions/" + session + "/decisions", onRecours);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(AgsCourse.json(decided.body()).at("/bloc/state").asText()).isEqualTo("VALIDE");
        var twice = post(course, "/api/v1/jury-sessions/" + session + "/decisions", onRecours);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(AgsCourse.json(twice.body()).get("field").asText()).isEqualTo("recoursId");

        JsonNode file =
                AgsCourse.json(course.trainer.get("/api/v1/learners/emma/jury").body());
        assertThat(file.at("/recours/0/decisionId").asLong())
                .isEqualTo(AgsCourse.json(decided.body()).at("/decision/id").asLong());
        assertThat(file.get("decisions")).hasSize(2);
    }
}
