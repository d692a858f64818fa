package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.LTI;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A référentiel whose rule is {@code "propositionJudgments": "BOTH_ACQUIS"}: a criterion counts ACQUIS only when the
 * tuteur entreprise and the évaluateur habilité both say so; the states, proposition and score follow.
 */
@TestPropertySource(properties = "cqpi.referentiel.location=classpath:referentiels/both-acquis/referentiel.json")
class BothAcquisRuleTest extends ToolIntegrationTest {

    @Test
    void aCriterionCountsAcquisOnlyWhenBothEvaluatorsSaySo() {
        TestPlatform moodle = newPlatform("moodle");
        String course = "course-" + System.nanoTime();
        launch(moodle, course, "amina", LEARNER, null);
        LtiClient trainer = launch(moodle, course, "claire", INSTRUCTOR, null);
        LtiClient tutor = launch(moodle, course, "tom", TwoEvaluatorsTest.MENTOR, List.of("amina"));
        Map<String, String> trainerApi = TwoEvaluatorsTest.api(trainer);
        Map<String, String> tutorApi = TwoEvaluatorsTest.api(tutor);
        List<String> b4 = IntStream.rangeClosed(1, 11).mapToObj(i -> "C9." + i).toList();

        b4.forEach(c -> assertThat(TwoEvaluatorsTest.judge(trainer, trainerApi, "amina", c, "{\"status\": \"ACQUIS\"}")
                        .statusCode())
                .isEqualTo(200));
        JsonNode alone = b4(trainer);
        assertThat(alone.get("evaluationState").asText()).isEqualTo("EN_COURS");
        assertThat(alone.get("acquis").asInt()).isZero();
        assertThat(alone.get("proposition").isNull()).isTrue();

        b4.forEach(c -> TwoEvaluatorsTest.judge(
                tutor, tutorApi, "amina", c, "{\"status\": \"" + (c.equals("C9.5") ? "NON_ACQUIS" : "ACQUIS") + "\"}"));
        JsonNode disagree = b4(trainer);
        assertThat(disagree.get("evaluationState").asText()).isEqualTo("EVALUE");
        assertThat(disagree.get("proposition").asText()).isEqualTo("DEFAVORABLE");
        assertThat(disagree.get("acquis").asInt()).isEqualTo(10);

        TwoEvaluatorsTest.judge(tutor, tutorApi, "amina", "C9.5", "{\"status\": \"ACQUIS\"}");
        JsonNode agree = b4(trainer);
        assertThat(agree.get("state").asText()).isEqualTo("PROPOSITION_FAVORABLE");
        assertThat(agree.get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(trainer.get("/app/learners/amina").body())
                .contains("ne compte ACQUIS que lorsque le tuteur entreprise et l&#39;évaluateur habilité");
    }

    static JsonNode b4(LtiClient client) {
        return TwoEvaluatorsTest.json(client.get("/api/v1/learners/amina/results"))
                .at("/blocs/3");
    }

    LtiClient launch(TestPlatform platform, String course, String sub, String role, List<String> mentees) {
        LtiClient client = browser();
        var response = client.launch(platform, sub, n -> {
            Map<String, Object> claims = platform.moodleLaunch(sub, role, n, course);
            if (mentees != null) {
                claims.put(LTI + "role_scope_mentor", mentees);
            }
            return claims;
        });
        assertThat(response.statusCode()).isEqualTo(302);
        return client;
    }
}
