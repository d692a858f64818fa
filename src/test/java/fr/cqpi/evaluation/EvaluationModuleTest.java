package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseLaunches;
import fr.cqpi.support.ModuleCourse;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The evaluation module started with only the modules it may use (course, referentiel, personaldata, shared) and
 * the embedded database: no LTI, no web layer, no grade sync. A judgment saved through its service is stored and
 * announces the bloc whose result it changed. The jury, which provides {@link StandingDecisions}, is not started:
 * here no jury has decided anything.
 * ModularityTest verifies the module structure; it is not verified again here.
 */
@ApplicationModuleTest(
        mode = BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"database", "shared"},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        verifyAutomatically = false)
@ActiveProfiles("test")
class EvaluationModuleTest {

    /** What the jury module says of a course where no jury has sat. */
    @TestConfiguration
    static class NoJuryYet {

        @Bean
        StandingDecisions noDecisionStands() {
            return new StandingDecisions() {
                @Override
                public Map<String, Decision> of(long courseId, long learnerId) {
                    return Map.of();
                }

                @Override
                public Map<String, DecidedBloc> decidedBlocs(long courseId, long learnerId) {
                    return Map.of();
                }

                @Override
                public Map<Long, Map<String, Decision>> of(long courseId, Collection<Long> learnerIds) {
                    return Map.of();
                }

                @Override
                public Map<Long, Map<String, Decision>> inCourse(long courseId) {
                    return Map.of();
                }
            };
        }
    }

    private final JudgmentService judgments;
    private final ModuleCourse course;

    EvaluationModuleTest(JudgmentService judgments, JdbcClient jdbc, CourseLaunches launches) {
        this.judgments = judgments;
        this.course = new ModuleCourse(jdbc, launches);
    }

    @Test
    void aJudgmentChangesItsBlocsResultAndSaysSo(Scenario scenario) {
        Actor trainer = course.trainer("claire");
        Actor learner = course.learner("amina");

        scenario.stimulate(() -> judgments.record(
                        trainer, "amina", "C1.1", new JudgmentInput("ACQUIS", "OBSERVATION", "Bien", 0), "req-1"))
                .andWaitForEventOfType(BlocResultsChanged.class)
                .matching(changed -> changed.learner().userId() == learner.userId())
                .toArriveAndVerify((changed, saved) -> {
                    assertThat(changed.courseId()).isEqualTo(trainer.courseId());
                    assertThat(changed.changedBlocs())
                            .singleElement()
                            .satisfies(bloc -> assertThat(bloc.code()).isEqualTo("B1"));
                    assertThat(saved.judgments())
                            .singleElement()
                            .satisfies(j -> assertThat(j.version()).isEqualTo(1));
                });
    }
}
