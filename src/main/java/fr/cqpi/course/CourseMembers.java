package fr.cqpi.course;

import static fr.cqpi.shared.SqlInstants.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The learners of a course, always looked up within that course (never by a user id alone). Lists come in the
 * class list's order ({@link FamilyNameOrder}).
 */
@Service
public class CourseMembers {

    private static final String MEMBERS = """
            select u.id as user_id, u.sub, u.name, u.email, e.tool_role as role, e.active, u.last_launch_at,
                   coalesce(nullif(trim(coalesce(u.family_name, '') || ' ' || coalesce(u.given_name, '')), ''), u.name)
                       as sort_name,
                   exists (select 1 from tutor_assignment t where t.course_id = e.course_id and t.learner_id = u.id)
                       as tutored
            from enrolment e join lti_user u on u.id = e.user_id
            where e.course_id = :course
            """;
    private static final String SELECT = MEMBERS + " and e.tool_role = 'LEARNER'";

    private final JdbcClient jdbc;

    CourseMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CourseMember> learners(long courseId) {
        return sorted(jdbc.sql(SELECT)
                .param("course", courseId)
                .query(CourseMembers::member)
                .list());
    }

    public Optional<CourseMember> learner(long courseId, String sub) {
        return jdbc.sql(SELECT + " and u.sub = :sub")
                .param("course", courseId)
                .param("sub", sub)
                .query(CourseMembers::member)
                .optional();
    }

    /** A member of the course, whatever their role. */
    public Optional<CourseMember> member(long courseId, String sub) {
        return jdbc.sql(MEMBERS + " and u.sub = :sub")
                .param("course", courseId)
                .param("sub", sub)
                .query(CourseMembers::member)
                .optional();
    }

    /**
     * The members of a course who neither evaluate nor learn (tutors, guests: Mentor, Observer, an unknown role):
     * who a trainer may make a tutor. A learner is not one of them: designated, they would leave the cohort.
     */
    public List<CourseMember> tutorCandidates(long courseId) {
        // An invited tutor's person is the invitation's: their learners are the invitation's to say.
        return sorted(jdbc.sql(MEMBERS + " and e.tool_role not in ('EVALUATOR', 'LEARNER') and u.sub not like :invited")
                .param("invited", TutorAssignments.INVITED_SUB_PREFIX + "%")
                .param("course", courseId)
                .query(CourseMembers::member)
                .list());
    }

    /** A row of {@link #MEMBERS}, mapped by hand: the reflective record mapper cost a tenth of the cohort page. */
    private static CourseMember member(ResultSet rs, int row) throws SQLException {
        return new CourseMember(
                rs.getLong("user_id"),
                rs.getString("sub"),
                rs.getString("name"),
                rs.getString("email"),
                ToolRole.valueOf(rs.getString("role")),
                rs.getBoolean("active"),
                instant(rs, "last_launch_at"),
                rs.getString("sort_name"),
                rs.getBoolean("tutored"));
    }

    private static List<CourseMember> sorted(List<CourseMember> members) {
        return members.stream().sorted(FamilyNameOrder.members()).toList();
    }

    /** The learners of a course, active or not, by user id. */
    public Map<Long, CourseMember> learnersById(long courseId) {
        return learners(courseId).stream().collect(Collectors.toMap(CourseMember::userId, Function.identity()));
    }

    /** The learners the course's roster or launches say are in it now. */
    public List<LearnerRef> activeLearners(long courseId) {
        return jdbc
                .sql(SELECT + " and e.active order by u.id")
                .param("course", courseId)
                .query(CourseMembers::member)
                .list()
                .stream()
                .map(CourseMember::ref)
                .toList();
    }

    /** The LTI {@code sub} of each of these users (whatever their course). */
    public Map<Long, LearnerRef> refs(Collection<Long> userIds) {
        return jdbc
                .sql("select id as user_id, sub from lti_user where id = any(:ids)")
                .param("ids", userIds.toArray(Long[]::new))
                .query(LearnerRef.class)
                .list()
                .stream()
                .collect(Collectors.toMap(LearnerRef::userId, Function.identity()));
    }

    private static final String CONTACTS = """
            select u.id as user_id, coalesce(u.name, nullif(trim(coalesce(u.given_name, '') || ' '
                       || coalesce(u.family_name, '')), ''), u.sub) as name, u.email, u.locale as platform_locale,
                   e.tool_role as role
            from lti_user u""";

    /** How to reach members of a course, whatever their role; someone not in the course is not returned. */
    public Map<Long, Contact> contacts(long courseId, Collection<Long> userIds) {
        return jdbc
                .sql(CONTACTS
                        + " join enrolment e on e.user_id = u.id and e.course_id = :course where u.id = any(:ids)")
                .param("course", courseId)
                .param("ids", userIds.toArray(Long[]::new))
                .query(Contact.class)
                .list()
                .stream()
                .collect(Collectors.toMap(Contact::userId, Function.identity()));
    }

    /**
     * Who evaluates these learners: the course's active évaluateurs (trainers) and the tuteurs entreprise who follow
     * any of them, in id order.
     */
    public List<Contact> evaluatorContacts(long courseId, Collection<Long> learnerIds) {
        return jdbc.sql(CONTACTS + """
                         join enrolment e on e.user_id = u.id and e.course_id = :course
                        where (e.tool_role = 'EVALUATOR' and e.active)
                           or exists (select 1 from tutor_assignment t
                                      where t.course_id = :course and t.tutor_id = u.id and t.learner_id = any(:learners))
                        order by u.id""")
                .param("course", courseId)
                .param("learners", learnerIds.toArray(Long[]::new))
                .query(Contact.class)
                .list();
    }

    /** The course's tuteurs entreprise who follow at least one learner, in id order. */
    public List<Contact> tutorContacts(long courseId) {
        return jdbc.sql(CONTACTS + """
                         join enrolment e on e.user_id = u.id and e.course_id = :course and e.active
                        where exists (select 1 from tutor_assignment t where t.course_id = :course and t.tutor_id = u.id)
                        order by u.id""")
                .param("course", courseId)
                .query(Contact.class)
                .list();
    }
}
