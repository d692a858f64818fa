package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.referentiel.Referentiel;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A learner's results kept with a copy of the course's judgments: the same as computed, never for other inputs. */
class CourseJudgmentsTest {

    final Referentiel referentiel = ResultCalculatorTest.referentiel(2);

    CourseJudgments judged(JudgmentStatus... statuses) {
        CourseJudgments course = new CourseJudgments();
        Map<String, JudgmentStatus> byCriterion = Map.of("C1.1", statuses[0], "C1.2", statuses[1], "C2.1", statuses[2]);
        Map<EvaluatorRole, Map<String, JudgmentStatus>> byRole = new EnumMap<>(EvaluatorRole.class);
        byRole.put(EvaluatorRole.EVALUATEUR, byCriterion);
        course.statuses().put(7L, byRole);
        return course;
    }

    @Test
    void resultsAreThoseComputedAndKeptForTheSameInputs() {
        CourseJudgments course = judged(JudgmentStatus.ACQUIS, JudgmentStatus.ACQUIS, JudgmentStatus.ACQUIS);
        Results first = course.results(7L, referentiel, Map.of());
        assertThat(first).isEqualTo(CourseJudgments.compute(course.statuses().get(7L), referentiel, Map.of()));
        assertThat(first.blocs().get(0).state()).isEqualTo(BlocState.PROPOSITION_FAVORABLE);
        assertThat(course.results(7L, referentiel, Map.of())).isSameAs(first);
        // A learner never judged: every criterion « non évalué ».
        assertThat(course.results(8L, referentiel, Map.of()).blocs().get(0).state())
                .isEqualTo(BlocState.NON_COMMENCE);
    }

    @Test
    void aJuryDecisionOrAnotherReferentielIsComputedAgain() {
        CourseJudgments course = judged(JudgmentStatus.ACQUIS, JudgmentStatus.ACQUIS, JudgmentStatus.ACQUIS);
        Results before = course.results(7L, referentiel, Map.of());
        Results decided = course.results(7L, referentiel, Map.of("B1", Decision.VALIDE));
        assertThat(decided.blocs().get(0).state()).isEqualTo(BlocState.VALIDE);
        assertThat(course.results(7L, referentiel, Map.of()).blocs().get(0).state())
                .isEqualTo(before.blocs().get(0).state());
        Referentiel stricter = ResultCalculatorTest.referentiel(0);
        assertThat(course.results(7L, stricter, Map.of())).isNotSameAs(course.results(7L, referentiel, Map.of()));
        assertThat(course.results(7L, stricter, Map.of()).blocs().get(0).score().scale())
                .isZero();
    }
}
