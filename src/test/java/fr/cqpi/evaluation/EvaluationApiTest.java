package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** JSON API v1 and the grid's rules of access, over real HTTP with real launches. */
class EvaluationApiTest extends ToolIntegrationTest {

    TestPlatform moodle;
    TestPlatform otherPlatform;
    LtiClient trainer;
    LtiClient learner1;
    LtiClient learner2;
    LtiClient otherCourseTrainer;
    LtiClient otherPlatformTrainer;
    Map<String, String> trainerApi;

    @BeforeEach
    void launches() {
        moodle = newPlatform("moodle");
        otherPlatform = newPlatform("canvas");
        learner1 = launched(moodle, "learner-1", LEARNER, "course-1");
        learner2 = launched(moodle, "learner-2", LEARNER, "course-1");
        launched(moodle, "learner-3", LEARNER, "course-2");
        otherCourseTrainer = launched(moodle, "teacher-2", INSTRUCTOR, "course-2");
        // Same course id and even the same learner sub, on another platform.
        launched(otherPlatform, "learner-1", LEARNER, "course-1");
        launched(otherPlatform, "learner-9", LEARNER, "course-1");
        otherPlatformTrainer = launched(otherPlatform, "teacher-9", INSTRUCTOR, "course-1");
        trainer = launched(moodle, "teacher-1", INSTRUCTOR, "course-1");
        trainerApi = trainer.apiHeaders();
    }

    long judgmentRows() {
        return jdbc.sql("select count(*) from judgment").query(Long.class).single()
                + jdbc.sql("select count(*) from judgment_audit")
                        .query(Long.class)
                        .single();
    }

    @Test
    void theReferentielHasItsBlocsCompetencesAndCriteria() {
        JsonNode referentiel = Json.read(learner1.get("/api/v1/referentiel"));
        assertThat(referentiel.get("blocs")).hasSize(4);
        assertThat(referentiel.at("/blocs/0/competences/0/criteria/0/code").asText())
                .isEqualTo("C1.1");
        assertThat(referentiel.at("/blocs/2/modalities/0/code").asText()).isEqualTo("DOCUMENT_ECRIT");
    }

    @Test
    void anEvaluatorListsTheLearnersOfTheirCourseOnly() {
        JsonNode learners = Json.read(trainer.get("/api/v1/learners"));
        assertThat(learners.findValuesAsString("learnerId")).containsExactlyInAnyOrder("learner-1", "learner-2");
    }

    @Test
    void anEvaluatorJudgesAndReadsResults() {
        var saved = trainer.judge(
                trainerApi,
                "learner-1",
                "C1.1",
                Json.object("status", "ACQUIS", "modality", "OBSERVATION", "comment", "Très bien", "version", 0));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Json.read(saved).at("/judgment/version").asInt()).isEqualTo(1);
        assertThat(Json.read(saved).at("/judgment/updatedBy").asText()).isEqualTo("teacher-1");

        JsonNode grid = Json.read(trainer.get("/api/v1/learners/learner-1/grid"));
        assertThat(grid.get("criteria")).hasSize(80);
        assertThat(grid.at("/criteria/0/status").asText()).isEqualTo("ACQUIS");
        assertThat(grid.at("/criteria/0/comment").asText()).isEqualTo("Très bien");
        assertThat(grid.at("/criteria/1/status").asText()).isEqualTo("NON_EVALUE");

        JsonNode results = Json.read(trainer.get("/api/v1/learners/learner-1/results"));
        assertThat(results.at("/blocs/0/code").asText()).isEqualTo("B1");
        assertThat(results.at("/blocs/0/state").asText()).isEqualTo("EN_COURS");
        assertThat(results.at("/blocs/0/score").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(results.at("/competences/0/state").asText()).isEqualTo("EN_COURS");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        assertThat(trainer.judge(trainerApi, "learner-1", "C2.1", Json.object("status", "ACQUIS", "version", 0))
                        .statusCode())
                .isEqualTo(200);
        long before = judgmentRows();
        var stale = trainer.judge(trainerApi, "learner-1", "C2.1", Json.object("status", "NON_ACQUIS", "version", 0));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Json.read(stale).at("/current/status").asText()).isEqualTo("ACQUIS");
        assertThat(Json.read(stale).at("/current/version").asInt()).isEqualTo(1);
        // The value that stands reads as the grid's API shows a judgment, so a client merges it in the same place.
        JsonNode current = Json.read(stale).get("current");
        JsonNode line = null;
        for (JsonNode criterion :
                Json.read(trainer.get("/api/v1/learners/learner-1/grid")).get("criteria")) {
            line = criterion.get("criterionCode").asText().equals("C2.1") ? criterion : line;
        }
        assertThat(line).isNotNull();
        for (String field : List.of(
                "criterionCode",
                "competenceCode",
                "blocCode",
                "text",
                "status",
                "modality",
                "comment",
                "version",
                "updatedBy",
                "updatedByName",
                "updatedAt",
                "evaluatorRole",
                "sessionId")) {
            assertThat(current.get(field)).as(field).isEqualTo(line.get(field));
        }
        assertThat(current.get("blocCode").asText()).isEqualTo("B1");
        assertThat(judgmentRows()).isEqualTo(before);
        assertThat(trainer.judge(trainerApi, "learner-1", "C2.1", Json.object("status", "NON_ACQUIS", "version", 1))
                        .statusCode())
                .isEqualTo(200);
        assertThat(trainer.judge(trainerApi, "learner-1", "C2.1", Json.object("status", "EN_COURS"))
                        .statusCode())
                .as("without a version, last write wins")
                .isEqualTo(200);
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        long before = judgmentRows();
        assertField(trainer.judge(trainerApi, "learner-1", "C1.1", Json.object("status", "PARFAIT")), "status");
        assertField(trainer.judge(trainerApi, "learner-1", "C1.1", Json.object("modality", "OBSERVATION")), "status");
        assertField(
                trainer.judge(
                        trainerApi, "learner-1", "C7.1", Json.object("status", "ACQUIS", "modality", "OBSERVATION")),
                "modality");
        assertField(
                trainer.judge(
                        trainerApi, "learner-1", "C1.1", Json.object("status", "ACQUIS", "comment", "x".repeat(4001))),
                "comment");
        assertField(
                trainer.judge(trainerApi, "learner-1", "C1.1", Json.object("status", "ACQUIS", "version", "abc")),
                "version");
        var malformed = trainer.judge(trainerApi, "learner-1", "C1.1", "{\"status\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.read(malformed).get("title").asText()).isEqualTo("malformed_json");
        assertThat(trainer.judge(trainerApi, "learner-1", "C99.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(trainer.judge(trainerApi, "nobody", "C1.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(judgmentRows()).isEqualTo(before);
        assertThat(trainer.judge(
                                trainerApi,
                                "learner-1",
                                "C1.1",
                                Json.object("status", "ACQUIS", "comment", "é".repeat(4000)))
                        .statusCode())
                .isEqualTo(200);
    }

    static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.read(response).get("field").asText()).isEqualTo(field);
    }

    @Test
    void aLearnerReadsOnlyTheirOwnGridAndNeverWrites() {
        assertThat(learner1.get("/api/v1/learners/learner-1/grid").statusCode()).isEqualTo(200);
        assertThat(learner1.get("/api/v1/learners/learner-1/results").statusCode())
                .isEqualTo(200);
        assertThat(learner1.get("/api/v1/learners/learner-2/grid").statusCode()).isEqualTo(403);
        assertThat(learner1.get("/api/v1/learners/learner-2/results").statusCode())
                .isEqualTo(403);
        assertThat(learner1.get("/api/v1/learners").statusCode()).isEqualTo(403);
        var ownPut = learner1.judge(learner1.apiHeaders(), "learner-1", "C1.1", Json.object("status", "ACQUIS"));
        assertThat(ownPut.statusCode()).isEqualTo(403);
        assertThat(learner1.get("/app/learners/learner-2").statusCode()).isEqualTo(403);
    }

    @Test
    void anInstitutionRoleGivesNoCourseRights() {
        // Canvas sends institution roles on every launch: a learner of the course who teaches elsewhere.
        LtiClient learner = browser();
        learner.launch(moodle, "learner-1", n -> {
            Map<String, Object> claims = moodle.moodleLaunch("learner-1", LEARNER, n, "course-1");
            claims.put(
                    "https://purl.imsglobal.org/spec/lti/claim/roles",
                    java.util.List.of(
                            LEARNER,
                            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
                            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"));
            return claims;
        });
        assertThat(learner.get("/api/v1/learners").statusCode()).isEqualTo(403);
        assertThat(learner.get("/api/v1/learners/learner-2/grid").statusCode()).isEqualTo(403);
        assertThat(learner.judge(learner.apiHeaders(), "learner-2", "C1.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(learner.get("/api/v1/learners/learner-1/grid").statusCode()).isEqualTo(200);
    }

    @Test
    void aCommentThatPostgresqlCannotHoldIsRefusedNamingTheField() {
        // Raw bodies: the escapes as a client writes them (a NUL, a lone surrogate).
        long before = judgmentRows();
        assertField(
                trainer.judge(trainerApi, "learner-1", "C1.1", "{\"status\": \"ACQUIS\", \"comment\": \"a\\u0000b\"}"),
                "comment");
        assertField(
                trainer.judge(trainerApi, "learner-1", "C1.1", "{\"status\": \"ACQUIS\", \"comment\": \"a\\ud800b\"}"),
                "comment");
        assertThat(judgmentRows()).isEqualTo(before);
    }

    @Test
    void nothingCrossesCoursesOrPlatforms() {
        // Another course of the same platform.
        assertThat(trainer.get("/api/v1/learners/learner-3/grid").statusCode()).isEqualTo(404);
        assertThat(trainer.judge(trainerApi, "learner-3", "C1.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherCourseTrainer.get("/api/v1/learners/learner-1/grid").statusCode())
                .isEqualTo(404);
        // The same course id on another platform.
        assertThat(trainer.get("/api/v1/learners/learner-9/grid").statusCode()).isEqualTo(404);
        assertThat(trainer.judge(trainerApi, "learner-9", "C1.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(404);
        // The same learner sub on another platform is another person.
        assertThat(trainer.judge(trainerApi, "learner-1", "C3.1", Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(200);
        JsonNode theirs = Json.read(otherPlatformTrainer.get("/api/v1/learners/learner-1/grid"));
        assertThat(theirs.at("/criteria/15/criterionCode").asText()).isEqualTo("C3.1");
        assertThat(theirs.at("/criteria/15/status").asText()).isEqualTo("NON_EVALUE");
        assertThat(Json.read(otherPlatformTrainer.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("learner-1", "learner-9");
    }

    @Test
    void withoutALaunchEverythingIs401() {
        LtiClient nobody = browser();
        assertThat(nobody.get("/api/v1/referentiel").statusCode()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/learners").statusCode()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/learners/learner-1/grid").statusCode()).isEqualTo(401);
        assertThat(nobody.send(
                                "PUT",
                                "/api/v1/learners/learner-1/judgments/C1.1",
                                Json.object("status", "ACQUIS"),
                                Map.of("Content-Type", "application/json"))
                        .statusCode())
                .isIn(401, 403);
        assertThat(nobody.get("/app").statusCode()).isEqualTo(401);
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() {
        long before = judgmentRows();
        var response = trainer.send(
                "PUT",
                "/api/v1/learners/learner-1/judgments/C1.1",
                Json.object("status", "ACQUIS"),
                Map.of("Content-Type", "application/json"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(judgmentRows()).isEqualTo(before);
    }

    @Test
    void htmlInACommentComesBackEscaped() {
        assertThat(trainer.judge(
                                trainerApi,
                                "learner-1",
                                "C1.3",
                                Json.object("status", "EN_COURS", "comment", "<script>alert('x')</script><b>gras</b>"))
                        .statusCode())
                .isEqualTo(200);
        String trainerPage = trainer.get("/app/learners/learner-1").body();
        String learnerPage = learner1.get("/app/me").body();
        for (String page : new String[] {trainerPage, learnerPage}) {
            assertThat(page)
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;gras&lt;/b&gt;")
                    .doesNotContain("<script>alert")
                    .doesNotContain("<b>gras</b>");
        }
    }

    @Test
    void everyChangeIsInTheAuditTrailWhichTheApplicationCannotChange() {
        trainer.judge(trainerApi, "learner-2", "C9.1", Json.object("status", "EN_COURS", "modality", "ENTRETIEN"));
        trainer.judge(
                trainerApi,
                "learner-2",
                "C9.1",
                Json.object("status", "ACQUIS", "modality", "ENTRETIEN", "comment", "ok"));
        var rows = jdbc.sql("""
                        select before_status, after_status, evaluator_sub, request_id from judgment_audit a
                        join lti_user u on u.id = a.learner_id
                        where u.sub = 'learner-2' and u.platform_id = :p and criterion_code = 'C9.1' order by a.id""")
                .param("p", moodle.platform().id())
                .query((rs, n) -> rs.getString(1) + ">" + rs.getString(2) + " by " + rs.getString(3) + " req "
                        + (rs.getString(4) != null))
                .list();
        assertThat(rows)
                .containsExactly("null>EN_COURS by teacher-1 req true", "EN_COURS>ACQUIS by teacher-1 req true");

        String history = trainer.get("/app/learners/learner-2/history").body();
        assertThat(history.indexOf("Acquis")).isLessThan(history.lastIndexOf("En cours d&#39;acquisition"));

        assertThatThrownBy(() -> jdbc.sql("update judgment_audit set after_status = 'NON_ACQUIS'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("append-only"));
        assertThatThrownBy(() -> jdbc.sql("delete from judgment_audit").update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("append-only"));
        assertThatThrownBy(() -> jdbc.sql("truncate judgment_audit cascade").update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("append-only"));
    }

    @Test
    void theHistoryComesInPagesOfFiftyTheMostRecentFirst() {
        for (int i = 0; i < 55; i++) {
            String status = i % 2 == 0 ? "ACQUIS" : "EN_COURS";
            assertThat(trainer.judge(
                                    trainerApi,
                                    "learner-2",
                                    "C9.1",
                                    Json.object("status", status, "modality", "ENTRETIEN", "comment", "[c" + i + "]"))
                            .statusCode())
                    .isEqualTo(200);
        }
        String first = trainer.get("/app/learners/learner-2/history").body();
        assertThat(first.split("<td><span class=\"code\">C9.1</span></td>", -1)).hasSize(51);
        // Each row shows the comment before and after: the oldest change of the page, [c5], replaced [c4].
        assertThat(first).contains("[c54]", "[c5]", "[c4]").doesNotContain("[c3]");
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("rel=\"next\"\\s+href=\"([^\"]+)\"")
                .matcher(first);
        assertThat(older.find()).as("a link to older changes").isTrue();
        String second = trainer.get(older.group(1).replace("&amp;", "&")).body();
        assertThat(second.split("<td><span class=\"code\">C9.1</span></td>", -1))
                .hasSize(6);
        assertThat(second).contains("[c4]", "[c0]").doesNotContain("[c5]").doesNotContain("rel=\"next\"");
        assertThat(second).contains("Les plus récentes");
        // A cursor from another learner's history shows nothing of it.
        long othersAudit =
                jdbc.sql("select min(id) from judgment_audit").query(Long.class).single();
        assertThat(trainer.get("/app/learners/learner-1/history?before=" + othersAudit)
                        .body())
                .doesNotContain("[c");
    }

    @Test
    void aPageOfAnEarlierLaunchCannotWriteUnderTheNewerOne() {
        String oldPage = trainer.get("/app/learners/learner-1").body();
        // The same browser launches the tool again (another course, another tab): the old page is stale.
        trainer.launch(moodle, "teacher-1", n -> moodle.moodleLaunch("teacher-1", INSTRUCTOR, n, "course-2"));
        Map<String, String> headers = LtiClient.withLaunchOf(oldPage, trainer.apiHeaders());
        long before = judgmentRows();
        var stale = trainer.judge(headers, "learner-3", "C1.1", Json.object("status", "ACQUIS"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("lancement précédent");
        assertThat(judgmentRows()).isEqualTo(before);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode spec = Json.read(browser().get("/v3/api-docs"));
        assertThat(spec.get("paths").has("/api/v1/learners/{learnerId}/judgments/{criterionCode}"))
                .isTrue();
        assertThat(spec.get("paths").has("/api/v1/referentiel")).isTrue();
    }
}
