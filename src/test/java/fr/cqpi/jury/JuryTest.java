package fr.cqpi.jury;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.TestJury;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Jury sessions, decisions with their vote, the lock they put on a bloc, recours, and the gradebook after them. */
class JuryTest extends ToolIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    HttpResponse<String> post(AgsCourse course, String path, String body) {
        return course.trainer.send("POST", path, body, course.trainerHeaders);
    }

    long session(AgsCourse course, String... candidates) {
        return session(course, LocalDate.parse("2026-12-01"), false, candidates);
    }

    long session(AgsCourse course, LocalDate heldOn, boolean castingVote, String... candidates) {
        var created = post(
                course,
                "/api/v1/jury-sessions",
                Json.object(
                        "heldOn",
                        heldOn.toString(),
                        "place",
                        "Lyon, OPCO",
                        "members",
                        TestJury.MEMBERS,
                        "candidates",
                        List.of(candidates),
                        "presidentCastingVote",
                        castingVote));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body()).get("id").asLong();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    HttpResponse<String> recours(AgsCourse course, String learner, LocalDate filedOn) {
        return post(
                course,
                "/api/v1/learners/" + learner + "/recours",
                Json.object("blocCode", "B4", "filedOn", filedOn.toString(), "grounds", "Entretien écourté"));
    }

    HttpResponse<String> decide(AgsCourse course, long session, String learner, String outcome, int f, int a, int x) {
        return decide(course, session, learner, outcome, f, a, x, null, false);
    }

    HttpResponse<String> decide(
            AgsCourse course,
            long session,
            String learner,
            String outcome,
            int f,
            int a,
            int x,
            Long recoursId,
            boolean castingVote) {
        return post(
                course,
                "/api/v1/jury-sessions/" + session + "/decisions",
                Json.object(
                        "learnerId", learner,
                        "blocCode", "B4",
                        "outcome", outcome,
                        "votesFor", f,
                        "votesAgainst", a,
                        "votesAbstention", x,
                        "reason", "Entretien convaincant",
                        "preconisations", "Approfondir la veille",
                        "recoursId", recoursId,
                        "castingVote", castingVote));
    }

    HttpResponse<String> judge(AgsCourse course, String learner, String criterion, String status) {
        return course.trainer.judge(course.trainerHeaders, learner, criterion, Json.object("status", status));
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
        JsonNode body = Json.read(decided.body());
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
        assertThat(Json.read(refused.body()).get("title").asText()).isEqualTo("bloc_decided");
        assertThat(Json.read(refused.body()).get("detail").asText())
                .contains("B4")
                .contains("jury");
        JsonNode grid =
                Json.read(course.trainer.get("/api/v1/learners/sarah/grid").body());
        JsonNode c93 = null;
        for (JsonNode c : grid.get("criteria")) {
            if (c.get("criterionCode").asText().equals("C9.3")) {
                c93 = c;
            }
        }
        assertThat(c93.get("status").asText()).isEqualTo("ACQUIS");
        assertThat(Json.read(course.trainer
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
        JsonNode reopened = Json.read(
                        course.trainer.get("/api/v1/learners/sarah/results").body())
                .at("/blocs/3");
        assertThat(reopened.get("state").asText()).isEqualTo("PROPOSITION_DEFAVORABLE");
        assertThat(reopened.get("decision").isNull()).isTrue();

        // The learner sees the decision history of their own file; the jury page shows it.
        JsonNode file = Json.read(
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
        assertThat(Json.read(tie.body()).get("field").asText()).isEqualTo("votes");
        assertThat(Json.read(tie.body()).get("detail").asText()).contains("majority");
        var rapporteurCounted = decide(course, session, "tom", "NON_VALIDE", 3, 1, 0);
        assertThat(rapporteurCounted.statusCode()).isEqualTo(400);
        assertThat(Json.read(rapporteurCounted.body()).get("detail").asText()).contains("3 votes expected");
        var nothingToReopen = decide(course, session, "tom", "REOUVERTURE", 3, 0, 0);
        assertThat(nothingToReopen.statusCode()).isEqualTo(400);
        var notPresented = decide(course, session, "ghost", "VALIDE", 3, 0, 0);
        assertThat(notPresented.statusCode()).isEqualTo(400);
        assertThat(decisions()).isEqualTo(before);

        // Not paritaire, two présidents, a learner acting as jury.
        var oneCollege = post(
                course,
                "/api/v1/jury-sessions",
                Json.object(
                        "heldOn",
                        "2026-12-01",
                        "place",
                        "Lyon",
                        "members",
                        List.of(Json.fields("name", "A", "college", "EMPLOYEURS", "role", "PRESIDENT")),
                        "candidates",
                        List.of("tom")));
        assertThat(oneCollege.statusCode()).isEqualTo(400);
        assertThat(Json.read(oneCollege.body()).get("field").asText()).isEqualTo("members.college");
        var badDate = post(course, "/api/v1/jury-sessions", TestJury.session("demain", "Lyon", List.of("tom")));
        assertThat(badDate.statusCode()).isEqualTo(400);
        var learnerHeaders = course.learner("tom").apiHeaders();
        var byLearner = course.learner("tom")
                .send(
                        "POST",
                        "/api/v1/jury-sessions/" + session + "/decisions",
                        Json.object(
                                "learnerId", "tom",
                                "blocCode", "B4",
                                "outcome", "VALIDE",
                                "votesFor", 3,
                                "votesAgainst", 0,
                                "votesAbstention", 0,
                                "reason", "x"),
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
                Json.object("blocCode", "B4", "filedOn", "2026-12-02", "grounds", "Entretien écourté"));
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(decide(course, session, "emma", "NON_VALIDE", 2, 0, 1).statusCode())
                .isEqualTo(201);
        var filed = post(
                course,
                "/api/v1/learners/emma/recours",
                Json.object("blocCode", "B4", "filedOn", "2026-12-02", "grounds", "Entretien écourté"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long recours = Json.read(filed.body()).get("id").asLong();

        // Filed after the session: a session held on or after the day it was filed decides it.
        long later = session(course, LocalDate.parse("2026-12-03"), false, "emma");
        String onRecours = Json.object(
                "learnerId",
                "emma",
                "blocCode",
                "B4",
                "outcome",
                "VALIDE",
                "votesFor",
                2,
                "votesAgainst",
                1,
                "votesAbstention",
                0,
                "reason",
                "Recours fondé",
                "recoursId",
                recours);
        var tooEarly = post(course, "/api/v1/jury-sessions/" + session + "/decisions", onRecours);
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(Json.read(tooEarly.body()).get("reason").asText()).isEqualTo("recours_after_session");
        var decided = post(course, "/api/v1/jury-sessions/" + later + "/decisions", onRecours);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(Json.read(decided.body()).at("/bloc/state").asText()).isEqualTo("VALIDE");
        var twice = post(course, "/api/v1/jury-sessions/" + later + "/decisions", onRecours);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(Json.read(twice.body()).get("field").asText()).isEqualTo("recoursId");

        JsonNode file =
                Json.read(course.trainer.get("/api/v1/learners/emma/jury").body());
        assertThat(file.at("/recours/0/decisionId").asLong())
                .isEqualTo(Json.read(decided.body()).at("/decision/id").asLong());
        assertThat(file.get("decisions")).hasSize(2);
    }

    @Test
    void aSessionMayBePlannedAheadButItsDecisionsWaitForItsDate() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "jade");
        LocalDate ahead = today().plusDays(8);
        long planned = session(course, ahead, false, "jade");
        long before = decisions();
        var early = decide(course, planned, "jade", "VALIDE", 3, 0, 0);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        JsonNode problem = Json.read(early.body());
        assertThat(problem.get("title").asText()).isEqualTo("session_not_held_yet");
        assertThat(problem.get("detail").asText()).contains(ahead.toString());
        assertThat(decisions()).isEqualTo(before);

        // Held today: its decisions are recorded.
        long held = session(course, today(), false, "jade");
        assertThat(decide(course, held, "jade", "NON_VALIDE", 2, 1, 0).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aRecoursIsFiledOnAPastDateNotBeforeTheDecisionItContests() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "hugo");
        long session = session(course, LocalDate.parse("2026-12-01"), false, "hugo");
        assertThat(decide(course, session, "hugo", "NON_VALIDE", 2, 1, 0).statusCode())
                .isEqualTo(201);
        long recours =
                jdbc.sql("select count(*) from jury_recours").query(Long.class).single();

        var future = recours(course, "hugo", today().plusDays(13));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(Json.read(future.body()).get("field").asText()).isEqualTo("filedOn");
        assertThat(Json.read(future.body()).get("reason").asText()).isEqualTo("filed_in_future");
        var beforeTheJury = recours(course, "hugo", LocalDate.parse("2026-11-30"));
        assertThat(beforeTheJury.statusCode()).isEqualTo(400);
        assertThat(Json.read(beforeTheJury.body()).get("reason").asText()).isEqualTo("filed_before_decision");
        assertThat(jdbc.sql("select count(*) from jury_recours")
                        .query(Long.class)
                        .single())
                .isEqualTo(recours);

        assertThat(recours(course, "hugo", today()).statusCode()).isEqualTo(201);
        assertThat(recours(course, "hugo", LocalDate.parse("2026-12-01")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void onATieThePresidentsCastingVoteDecidesWhereTheSessionsRulesGiveIt() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "lina");
        long before = decisions();
        // Three voting members, one abstaining: 1 for, 1 against.
        long withoutRule = session(course, LocalDate.parse("2026-12-01"), false, "lina");
        var noRule = decide(course, withoutRule, "lina", "NON_VALIDE", 1, 1, 1, null, true);
        assertThat(noRule.statusCode()).isEqualTo(400);
        assertThat(Json.read(noRule.body()).get("reason").asText()).isEqualTo("tie_no_casting_vote");

        long withRule = session(course, LocalDate.parse("2026-12-02"), true, "lina");
        var notCast = decide(course, withRule, "lina", "NON_VALIDE", 1, 1, 1, null, false);
        assertThat(notCast.statusCode()).isEqualTo(400);
        assertThat(Json.read(notCast.body()).get("reason").asText()).isEqualTo("tie_casting_vote_not_cast");
        assertThat(decide(course, withRule, "lina", "NON_VALIDE", 1, 2, 0, null, true)
                        .statusCode())
                .isEqualTo(400);
        assertThat(decisions()).isEqualTo(before);

        var cast = decide(course, withRule, "lina", "NON_VALIDE", 1, 1, 1, null, true);
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        JsonNode vote = Json.read(cast.body()).at("/decision/vote");
        assertThat(vote.get("castingVote").asBoolean()).isTrue();
        assertThat(Json.read(cast.body()).at("/bloc/decision").asText()).isEqualTo("NON_VALIDE");
        // A majority needs no casting vote: none is recorded where it decided nothing.
        var majority = decide(course, withRule, "lina", "VALIDE", 2, 1, 0, null, true);
        assertThat(Json.read(majority.body()).at("/decision/vote/castingVote").asBoolean())
                .isFalse();
        assertThat(Json.read(course.trainer
                                .get("/api/v1/jury-sessions/" + withRule)
                                .body())
                        .at("/session/presidentCastingVote")
                        .asBoolean())
                .isTrue();
    }
}
