package fr.cqpi.jury;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseLaunches;
import fr.cqpi.evaluation.JudgmentInput;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.support.ModuleCourse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The jury module started with the modules it may use and theirs (course, evaluation, evidence, lti, referentiel,
 * personaldata, shared) and the embedded database: no documents, credentials, notifications or grade sync. A
 * decision recorded on a proposed bloc validates it and announces itself to whoever listens.
 * ModularityTest verifies the module structure; it is not verified again here.
 */
@ApplicationModuleTest(
        mode = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"database", "shared"},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        verifyAutomatically = false)
@ActiveProfiles("test")
class JuryModuleTest {

    private final Jury jury;
    private final JudgmentService judgments;
    private final ModuleCourse course;

    JuryModuleTest(Jury jury, JudgmentService judgments, JdbcClient jdbc, CourseLaunches launches) {
        this.jury = jury;
        this.judgments = judgments;
        this.course = new ModuleCourse(jdbc, launches);
    }

    @Test
    void aDecisionRecordedValidatesTheBlocAndIsPublished(Scenario scenario) {
        Actor trainer = course.trainer("claire");
        Actor sarah = course.learner("sarah");
        IntStream.rangeClosed(1, 11)
                .forEach(i -> judgments.record(
                        trainer, "sarah", "C9." + i, new JudgmentInput("ACQUIS", "ENTRETIEN", null, null), null));
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        JurySession session = jury.createSession(
                trainer,
                new JuryInputs.Session(
                        today,
                        "Lyon, OPCO",
                        List.of(
                                new JuryInputs.Member("Claire Martin", "EMPLOYEURS", "PRESIDENT"),
                                new JuryInputs.Member("Paul Durand", "SALARIES", "REPRESENTANT_SALARIES"),
                                new JuryInputs.Member("Nadia Benali", "EMPLOYEURS", "REPRESENTANT_EMPLOYEURS"),
                                new JuryInputs.Member("Luc Moreau", "AUCUN", "RAPPORTEUR")),
                        List.of("sarah"),
                        false));

        scenario.stimulate(() -> jury.decide(
                        trainer,
                        session.id(),
                        new JuryInputs.Decide(
                                "sarah", "B4", "VALIDE", 3, 0, 0, "Entretien convaincant", null, null, false),
                        "req-1"))
                .andWaitForEventOfType(JuryDecisionRecorded.class)
                .matching(recorded -> recorded.sessionId() == session.id())
                .toArriveAndVerify((recorded, decided) -> {
                    assertThat(recorded.learner().userId()).isEqualTo(sarah.userId());
                    assertThat(recorded.courseId()).isEqualTo(trainer.courseId());
                    assertThat(recorded.decisionId())
                            .isEqualTo(decided.decision().id());
                    assertThat(decided.bloc().state().name()).isEqualTo("VALIDE");
                });
    }
}
