package fr.cqpi.course;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A course's learners as its platform's roster lists them. */
@Service
public class Roster {

    private final JdbcClient jdbc;
    private final Users users;

    Roster(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * Stores a complete roster of a course's learners: learners no longer in it left the course and are marked
     * inactive (their judgments are kept); a person enrolled with another role at launch keeps that role.
     */
    @Transactional
    public void store(long platformId, long courseId, List<RosterEntry> learners) {
        Set<Long> present = new HashSet<>();
        for (RosterEntry entry : learners) {
            long userId = users.upsert(platformId, entry.person(), false);
            if (entry.active()) {
                present.add(userId);
            }
            jdbc.sql("""
                            insert into enrolment (course_id, user_id, tool_role, active, source, updated_at)
                            values (:c, :u, 'LEARNER', :active, 'ROSTER', now())
                            on conflict (course_id, user_id) do update set active = excluded.active, updated_at = now()
                            where enrolment.tool_role = 'LEARNER'""")
                    .param("c", courseId)
                    .param("u", userId)
                    .param("active", entry.active())
                    .update();
        }
        jdbc.sql("""
                        update enrolment set active = false, updated_at = now()
                        where course_id = :c and tool_role = 'LEARNER' and active and not (user_id = any(:present))""")
                .param("c", courseId)
                .param("present", present.toArray(Long[]::new))
                .update();
        jdbc.sql("update course set roster_synced_at = now() where id = :c")
                .param("c", courseId)
                .update();
    }

    /** When the course's roster was last read, if ever. */
    public Optional<Instant> syncedAt(long courseId) {
        return jdbc.sql("select roster_synced_at from course where id = :id")
                .param("id", courseId)
                .query(Instant.class)
                .optional();
    }
}
