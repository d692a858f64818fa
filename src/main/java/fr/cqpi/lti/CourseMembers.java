package fr.cqpi.lti;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The learners of a course, always looked up within that course (never by a user id alone). */
@Service
public class CourseMembers {

    private static final String SELECT = """
            select u.id, u.sub, u.name, u.email, e.tool_role, e.active, u.last_launch_at
            from enrolment e join lti_user u on u.id = e.user_id
            where e.course_id = :course and e.tool_role = 'LEARNER'
            """;

    private final JdbcClient jdbc;

    CourseMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CourseMember> learners(long courseId) {
        return jdbc.sql(SELECT + " order by lower(coalesce(u.name, u.sub)), u.id")
                .param("course", courseId)
                .query(CourseMembers::member)
                .list();
    }

    public Optional<CourseMember> learner(long courseId, String sub) {
        return jdbc.sql(SELECT + " and u.sub = :sub")
                .param("course", courseId)
                .param("sub", sub)
                .query(CourseMembers::member)
                .optional();
    }

    private static CourseMember member(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_launch_at");
        return new CourseMember(
                rs.getLong("id"),
                rs.getString("sub"),
                rs.getString("name"),
                rs.getString("email"),
                ToolRole.valueOf(rs.getString("tool_role")),
                rs.getBoolean("active"),
                last == null ? null : last.toInstant());
    }
}
