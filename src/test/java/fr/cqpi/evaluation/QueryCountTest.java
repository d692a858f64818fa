package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.StatementCounter;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** The cohort and grid pages issue the same number of SQL statements whatever the cohort size (no N+1). */
@Import(StatementCounter.Config.class)
class QueryCountTest extends ToolIntegrationTest {

    @Test
    void cohortAndGridPagesDoNotGrowWithTheCohort() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient trainer = browser();
        trainer.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-q"));
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", moodle.platform().id())
                .query(Long.class)
                .single();

        TestCohorts.addJudgedLearners(jdbc, moodle.platform().id(), courseId, "learner-", 0, 3);
        int smallCohort = statementsFor(trainer, "/app/cohort");
        int smallGrid = statementsFor(trainer, "/app/learners/learner-0");

        TestCohorts.addJudgedLearners(jdbc, moodle.platform().id(), courseId, "learner-", 3, 40);
        int largeCohort = statementsFor(trainer, "/app/cohort");
        int largeGrid = statementsFor(trainer, "/app/learners/learner-39");

        // 37 more learners must not add statements; one of slack for a per-instance cache (référentiel version,
        // one second) that a loaded machine lets expire between every request of statementsFor.
        assertThat(largeCohort).isBetween(smallCohort - 1, smallCohort + 1);
        assertThat(largeGrid).isBetween(smallGrid - 1, smallGrid + 1);
        assertThat(largeCohort).isBetween(3, 14);
        assertThat(largeGrid).isBetween(3, 17); // its panels written in (PageCostTest)
    }

    /** The fewest statements of three requests: short per-instance caches (référentiel version) may expire between two. */
    int statementsFor(LtiClient client, String path) {
        client.get(path);
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            var response = client.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, StatementCounter.count());
        }
        return fewest;
    }
}
