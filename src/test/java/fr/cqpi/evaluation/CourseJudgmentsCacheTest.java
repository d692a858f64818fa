package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cohort's copy of a course's judgments stands only while nothing wrote to them: any write to the table — a
 * save, another instance's, an erasure, plain SQL — is seen at the next read, and a write to another course is not.
 */
class CourseJudgmentsCacheTest extends ToolIntegrationTest {

    private static final String REF = "cqpi-assistant";

    @Autowired
    CourseJudgmentsCache cache;

    @Test
    void aCopyStandsUntilAnyWriteToItsCourse() {
        TestPlatform moodle = newPlatform("moodle");
        launched(moodle, "teacher", INSTRUCTOR, "course-cache");
        launched(moodle, "teacher", INSTRUCTOR, "course-other");
        long courseId = course(moodle, "course-cache");
        long otherId = course(moodle, "course-other");
        TestCohorts.addJudgedLearners(jdbc, moodle.platform().id(), courseId, "cache-learner-", 0, 2);
        long learner = learner(moodle, "cache-learner-0");
        String criterion = jdbc.sql("select min(criterion_code) from judgment where learner_id = :l")
                .param("l", learner)
                .query(String.class)
                .single();

        CourseJudgments first = cache.inCourse(courseId, REF);
        assertThat(first.statuses()).containsKeys(learner, learner(moodle, "cache-learner-1"));
        assertThat(first.size()).isEqualTo(2 * 80);
        assertThat(cache.inCourse(courseId, REF)).as("no write: the same copy").isSameAs(first);

        // A write to another course leaves this course's copy standing.
        TestCohorts.addJudgedLearners(jdbc, moodle.platform().id(), otherId, "cache-other-", 0, 1);
        assertThat(cache.inCourse(courseId, REF)).isSameAs(first);

        // Plain SQL, as another instance or any code path would write.
        jdbc.sql("update judgment set status = 'NON_EVALUE' where learner_id = :l and criterion_code = :k")
                .param("l", learner)
                .param("k", criterion)
                .update();
        CourseJudgments afterUpdate = cache.inCourse(courseId, REF);
        assertThat(afterUpdate).isNotSameAs(first);
        assertThat(afterUpdate
                        .statuses()
                        .get(learner)
                        .get(EvaluatorRole.EVALUATEUR)
                        .get(criterion))
                .isEqualTo(JudgmentStatus.NON_EVALUE);

        // A learner's judgments erased: gone from the next read.
        jdbc.sql("delete from judgment_audit where learner_id = :l")
                .param("l", learner)
                .update();
        jdbc.sql("delete from judgment where learner_id = :l")
                .param("l", learner)
                .update();
        CourseJudgments afterErasure = cache.inCourse(courseId, REF);
        assertThat(afterErasure.statuses()).doesNotContainKey(learner);
        assertThat(afterErasure.lastJudgedAt()).doesNotContainKey(learner);
        assertThat(afterErasure.size()).isEqualTo(80);
    }

    private long course(TestPlatform platform, String contextId) {
        return jdbc.sql("select id from course where platform_id = :p and context_id = :c")
                .param("p", platform.platform().id())
                .param("c", contextId)
                .query(Long.class)
                .single();
    }

    private long learner(TestPlatform platform, String sub) {
        return jdbc.sql("select id from lti_user where platform_id = :p and sub = :s")
                .param("p", platform.platform().id())
                .param("s", sub)
                .query(Long.class)
                .single();
    }
}
