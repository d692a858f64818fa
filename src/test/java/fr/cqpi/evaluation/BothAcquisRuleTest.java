package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Json;
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
        launched(moodle, "amina", LEARNER, course);
        LtiClient trainer = launched(moodle, "claire", INSTRUCTOR, course);
        LtiClient tutor = launched(moodle, "tom", MENTOR, course, TestPlatform.mentorOf("amina"));
        Map<String, String> trainerApi = trainer.apiHeaders();
        Map<String, String> tutorApi = tutor.apiHeaders();
        List<String> b4 = IntStream.rangeClosed(1, 11).mapToObj(i -> "C9." + i).toList();

        b4.forEach(c -> assertThat(trainer.judge(trainerApi, "amina", c, Json.object("status", "ACQUIS"))
                        .statusCode())
                .isEqualTo(200));
        JsonNode alone = b4(trainer);
        assertThat(alone.get("evaluationState").asText()).isEqualTo("EN_COURS");
        assertThat(alone.get("acquis").asInt()).isZero();
        assertThat(alone.get("proposition").isNull()).isTrue();

        b4.forEach(c ->
                tutor.judge(tutorApi, "amina", c, Json.object("status", c.equals("C9.5") ? "NON_ACQUIS" : "ACQUIS")));
        JsonNode disagree = b4(trainer);
        assertThat(disagree.get("evaluationState").asText()).isEqualTo("EVALUE");
        assertThat(disagree.get("proposition").asText()).isEqualTo("DEFAVORABLE");
        assertThat(disagree.get("acquis").asInt()).isEqualTo(10);

        tutor.judge(tutorApi, "amina", "C9.5", Json.object("status", "ACQUIS"));
        JsonNode agree = b4(trainer);
        assertThat(agree.get("state").asText()).isEqualTo("PROPOSITION_FAVORABLE");
        assertThat(agree.get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(trainer.get("/app/learners/amina").body())
                .contains("ne compte ACQUIS que lorsque le tuteur entreprise et l&#39;évaluateur habilité");
    }

    static JsonNode b4(LtiClient client) {
        return Json.read(client.get("/api/v1/learners/amina/results")).at("/blocs/3");
    }
}
