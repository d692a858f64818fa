package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.StatementCounter;
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
        long courseId = jdbc.sql("select id from course where platform_id = :p").param("p", moodle.platform().id())
                .query(Long.class).single();

        addLearners(moodle, courseId, 0, 3);
        int smallCohort = statementsFor(trainer, "/app/cohort");
        int smallGrid = statementsFor(trainer, "/app/learners/learner-0");

        addLearners(moodle, courseId, 3, 40);
        int largeCohort = statementsFor(trainer, "/app/cohort");
        int largeGrid = statementsFor(trainer, "/app/learners/learner-39");

        assertThat(largeCohort).isEqualTo(smallCohort);
        assertThat(largeGrid).isEqualTo(smallGrid);
        assertThat(largeCohort).isBetween(3, 14);
        assertThat(largeGrid).isBetween(3, 14);
    }

    int statementsFor(LtiClient client, String path) {
        client.get(path);
        StatementCounter.reset();
        var response = client.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return StatementCounter.count();
    }

    /** Learners with every criterion judged, straight into the tables (what launches and saves would leave). */
    void addLearners(TestPlatform platform, long courseId, int from, int to) {
        for (int i = from; i < to; i++) {
            long userId = jdbc.sql("insert into lti_user (platform_id, sub, name) values (:p, :sub, :name) returning id")
                    .param("p", platform.platform().id()).param("sub", "learner-" + i).param("name", "Learner " + i)
                    .query(Long.class).single();
            jdbc.sql("insert into enrolment (course_id, user_id, tool_role) values (:c, :u, 'LEARNER')")
                    .param("c", courseId).param("u", userId).update();
            jdbc.sql("""
                            insert into judgment (course_id, learner_id, referentiel_code, criterion_code, status, version,
                                                  updated_by_sub, updated_at)
                            select :c, :u, 'cqpi-assistant', k.code, 'ACQUIS', 1, 'teacher', now()
                            from criterion k join referentiel_version v on v.id = k.referentiel_version_id
                            where v.version = (select max(version) from referentiel_version)""")
                    .param("c", courseId).param("u", userId).update();
        }
    }
}
