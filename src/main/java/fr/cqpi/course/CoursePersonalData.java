package fr.cqpi.course;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import fr.cqpi.personaldata.Training;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People and their places in courses (identity from the platform, enrolments, tutors' learners). A learner's
 * enrolment goes with their evaluation data; an identity no course holds any more, unused for the evaluation
 * period, is replaced by a pseudonym (decisions and issued documents may still reference the row).
 */
@Component
class CoursePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CoursePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "course";
    }

    /** A learner's last launch (of any course of the platform: the only date the platform's launches give). */
    @Override
    public Map<Training, Instant> lastActivities() {
        Map<Training, Instant> last = new HashMap<>();
        jdbc.sql("""
                        select e.course_id, e.user_id, u.last_launch_at from enrolment e
                        join lti_user u on u.id = e.user_id
                        where e.tool_role = 'LEARNER' and u.last_launch_at is not null""").query(rs -> {
            last.put(
                    new Training(rs.getLong("course_id"), rs.getLong("user_id")),
                    rs.getTimestamp("last_launch_at").toInstant());
        });
        return last;
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        List<Training> ended = run.endedBefore(run.periods().evaluation());
        Map<String, Integer> purged = new LinkedHashMap<>();
        int enrolments = 0;
        if (!ended.isEmpty()) {
            jdbc.sql("delete from tutor_assignment where " + Training.in("course_id", "learner_id"))
                    .param("courses", Training.courses(ended))
                    .param("learners", Training.learners(ended))
                    .update();
            enrolments = jdbc.sql("delete from enrolment where tool_role = 'LEARNER' and "
                            + Training.in("course_id", "user_id"))
                    .param("courses", Training.courses(ended))
                    .param("learners", Training.learners(ended))
                    .update();
        }
        purged.put("enrolment", enrolments);
        purged.put(
                "lti_user_pseudonymised",
                jdbc.sql("""
                                update lti_user u set sub = :prefix || u.id, name = null, given_name = null,
                                       family_name = null, email = null, locale = null, last_launch_at = null
                                where not exists (select 1 from enrolment e where e.user_id = u.id)
                                and (u.last_launch_at is null or u.last_launch_at < :t)
                                and u.sub not like :expired and u.sub not like :erased""")
                        .param("prefix", Pseudonyms.EXPIRED_PREFIX)
                        .param("expired", Pseudonyms.EXPIRED_PREFIX + "%")
                        .param("erased", Pseudonyms.ERASED_PREFIX + "%")
                        .param("t", Timestamp.from(run.cutoff(run.periods().evaluation())))
                        .update());
        return purged;
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identity", jdbc.sql("""
                                select sub, name, given_name, family_name, email, locale, last_launch_at
                                from lti_user where id = :u""").param("u", person.userId()).query().singleRow());
        data.put("enrolments", jdbc.sql("""
                                select c.id as course_id, c.title as course_title, e.tool_role, e.lti_roles::text,
                                       e.active, e.source, e.updated_at
                                from enrolment e join course c on c.id = e.course_id where e.user_id = :u
                                order by c.id""").param("u", person.userId()).query().listOfRows());
        data.put(
                "tutorAssignments",
                jdbc.sql("""
                                select course_id, case when tutor_id = :u then 'TUTOR' else 'LEARNER' end as as_role,
                                       source, assigned_at
                                from tutor_assignment where tutor_id = :u or learner_id = :u order by course_id""").param("u", person.userId()).query().listOfRows());
        archive.section(name(), data);
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put(
                "tutor_assignment",
                jdbc.sql("delete from tutor_assignment where tutor_id = :u or learner_id = :u")
                        .param("u", person.userId())
                        .update());
        jdbc.sql("update tutor_assignment set assigned_by_sub = :p where assigned_by_sub = :s and "
                        + PersonRef.inCourses("course_id"))
                .param("p", person.pseudonym())
                .param("s", person.sub())
                .param("courses", person.courses())
                .update();
        erased.put(
                "enrolment",
                jdbc.sql("delete from enrolment where user_id = :u")
                        .param("u", person.userId())
                        .update());
        erased.put(
                "lti_user",
                jdbc.sql("""
                                update lti_user set sub = :p, name = null, given_name = null, family_name = null,
                                       email = null, locale = null, last_launch_at = null
                                where id = :u""")
                        .param("p", person.pseudonym())
                        .param("u", person.userId())
                        .update());
        return erased;
    }
}
