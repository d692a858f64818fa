package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.ToolIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Evaluation state and proposition through the API, the pages and the gradebook; never a decision by itself. */
class BlocStatesTest extends ToolIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    static List<String> b4() {
        return IntStream.rangeClosed(1, 11).mapToObj(i -> "C9." + i).toList();
    }

    JsonNode b4Result(AgsCourse course, String learner) {
        return Json.read(course.trainer
                        .get("/api/v1/learners/" + learner + "/results")
                        .body())
                .at("/blocs/3");
    }

    @Test
    void aBlocAllEnCoursIsInProgressNeverAFailure() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines");
        b4().forEach(c -> course.judge("ines", c, "EN_COURS"));

        JsonNode b4 = b4Result(course, "ines");
        assertThat(b4.get("code").asText()).isEqualTo("B4");
        assertThat(b4.get("state").asText()).isEqualTo("EN_COURS");
        assertThat(b4.get("evaluationState").asText()).isEqualTo("EN_COURS");
        assertThat(b4.get("proposition").isNull()).isTrue();
        assertThat(b4.get("decision").isNull()).isTrue();

        // The outbox sends the latest state of the bloc (changes in between may be merged).
        JsonNode last = course.lastScore("ines", 4, WAIT, s -> true);
        assertThat(last.get("scoreGiven").decimalValue()).isEqualByComparingTo("0");
        assertThat(last.get("activityProgress").asText()).isEqualTo("InProgress");
        assertThat(last.get("gradingProgress").asText()).isEqualTo("Pending");
        assertThat(last.get("comment").asText()).startsWith("Bloc en cours d'évaluation");
    }

    @Test
    void anEvaluatedBlocCarriesTheEvaluatorsPropositionNotAValidation() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "yanis", "lea");
        b4().forEach(c -> course.judge("yanis", c, "ACQUIS"));
        b4().forEach(c -> course.judge("lea", c, c.equals("C9.5") ? "NON_ACQUIS" : "ACQUIS"));

        JsonNode favorable = b4Result(course, "yanis");
        assertThat(favorable.get("state").asText()).isEqualTo("PROPOSITION_FAVORABLE");
        assertThat(favorable.get("evaluationState").asText()).isEqualTo("EVALUE");
        assertThat(favorable.get("proposition").asText()).isEqualTo("FAVORABLE");
        assertThat(favorable.get("decision").isNull()).isTrue();
        JsonNode defavorable = b4Result(course, "lea");
        assertThat(defavorable.get("state").asText()).isEqualTo("PROPOSITION_DEFAVORABLE");
        assertThat(defavorable.get("proposition").asText()).isEqualTo("DEFAVORABLE");

        JsonNode last = course.lastScore(
                "yanis", 4, WAIT, s -> s.get("scoreGiven").decimalValue().intValue() == 100);
        assertThat(last.get("scoreGiven").decimalValue()).isEqualByComparingTo("100");
        assertThat(last.get("activityProgress").asText()).isEqualTo("Completed");
        assertThat(last.get("gradingProgress").asText()).isEqualTo("FullyGraded");
        assertThat(last.get("comment").asText()).startsWith("Bloc évalué, proposition favorable au jury");

        // The learner's « Ma grille » and the trainer's cohort say proposition, never « Validé ».
        String mine = course.learner("yanis").get("/app/me").body();
        assertThat(mine).contains("Proposition favorable").contains("seul le jury valide un bloc");
        assertThat(mine).doesNotContain("Validé");
        // The cohort's table (its state filter lists every state a bloc can have, « Validé par le jury » included).
        String page = course.trainer.get("/app/cohort").body();
        String cohort = page.substring(page.indexOf("id=\"cohort-table\""));
        assertThat(cohort).contains("Proposition favorable").contains("Proposition défavorable");
        assertThat(cohort).doesNotContain("Validé");
    }
}
