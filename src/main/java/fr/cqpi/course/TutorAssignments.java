package fr.cqpi.course;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which learners each tuteur entreprise follows in a course. A Mentor's launch brings the platform's list
 * ({@code role_scope_mentor}), which replaces the earlier platform assignments; a trainer designates a course
 * member as tutor of given learners, kept until a trainer removes it. A member designated by a trainer acts as a
 * tutor in that course whatever their LTI role (Moodle sends only Instructor or Learner), unless they evaluate.
 */
@Service
public class TutorAssignments {

    /** At most this many user ids are read from one launch's role_scope_mentor claim. */
    public static final int MAX_PLATFORM_MENTEES = 1000;

    /**
     * The {@code sub} the tool gives a tutor invited by e-mail, who is no user of the platform: this prefix and the
     * invitation's public id. No LMS sends such a sub in a launch: a launch's sub is the platform's own id.
     */
    public static final String INVITED_SUB_PREFIX = "tutor-invitation:";

    private final JdbcClient jdbc;
    private final Users users;

    TutorAssignments(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** One tutor following one learner, and who said so. */
    public record Assignment(
            String tutorSub,
            String tutorName,
            String learnerSub,
            String learnerName,
            String source,
            String assignedBySub,
            Instant assignedAt) {}

    public boolean follows(long courseId, long tutorId, long learnerId) {
        return jdbc.sql("select exists (select 1 from tutor_assignment"
                        + " where course_id = :c and tutor_id = :t and learner_id = :l)")
                .param("c", courseId)
                .param("t", tutorId)
                .param("l", learnerId)
                .query(Boolean.class)
                .single();
    }

    public Set<Long> learnersOf(long courseId, long tutorId) {
        return new HashSet<>(jdbc.sql("select learner_id from tutor_assignment where course_id = :c and tutor_id = :t")
                .param("c", courseId)
                .param("t", tutorId)
                .query(Long.class)
                .list());
    }

    /** Every assignment of the course, by tutor then learner, each by family name ({@link FamilyNameOrder}). */
    public List<Assignment> inCourse(long courseId) {
        record Sorted(Assignment assignment, String tutorKey, String learnerKey) {}
        return jdbc
                .sql("""
                        select t.sub, t.name, l.sub, l.name, a.source, a.assigned_by_sub, a.assigned_at,
                            coalesce(nullif(trim(coalesce(t.family_name, '') || ' ' || coalesce(t.given_name, '')), ''),
                                t.name, t.sub),
                            coalesce(nullif(trim(coalesce(l.family_name, '') || ' ' || coalesce(l.given_name, '')), ''),
                                l.name, l.sub)
                        from tutor_assignment a join lti_user t on t.id = a.tutor_id join lti_user l on l.id = a.learner_id
                        where a.course_id = :c""")
                .param("c", courseId)
                .query((rs, n) -> new Sorted(
                        new Assignment(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant()),
                        rs.getString(8),
                        rs.getString(9)))
                .list()
                .stream()
                .sorted(Comparator.comparing(Sorted::tutorKey, FamilyNameOrder.keys())
                        .thenComparing(s -> s.assignment().tutorSub())
                        .thenComparing(Sorted::learnerKey, FamilyNameOrder.keys())
                        .thenComparing(s -> s.assignment().learnerSub()))
                .map(Sorted::assignment)
                .toList();
    }

    /**
     * A trainer designates {@code tutor} (a member of the course who neither evaluates nor learns) as tutor of
     * {@code learner}; from now on the member acts as a tutor in the course.
     *
     * @return false when the assignment existed already (it is then the trainer's)
     */
    @Transactional
    public boolean assign(long courseId, CourseMember tutor, CourseMember learner, String bySub) {
        if (tutor.role() == ToolRole.EVALUATOR
                || tutor.role() == ToolRole.LEARNER
                || tutor.userId() == learner.userId()) {
            throw new IllegalArgumentException(
                    "a tutor is a member who neither evaluates nor learns, and not the learner");
        }
        int inserted = jdbc.sql("""
                        insert into tutor_assignment (course_id, tutor_id, learner_id, source, assigned_by_sub)
                        values (:c, :t, :l, 'TRAINER', :by)
                        on conflict (course_id, tutor_id, learner_id) do update set source = 'TRAINER',
                            assigned_by_sub = excluded.assigned_by_sub, assigned_at = now()
                        where tutor_assignment.source <> 'TRAINER'""")
                .param("c", courseId)
                .param("t", tutor.userId())
                .param("l", learner.userId())
                .param("by", bySub)
                .update();
        jdbc.sql("update enrolment set tool_role = 'TUTOR', updated_at = now()"
                        + " where course_id = :c and user_id = :t and tool_role in ('LEARNER', 'GUEST')")
                .param("c", courseId)
                .param("t", tutor.userId())
                .update();
        return inserted > 0;
    }

    /**
     * Removes an assignment. A member the trainers no longer designate for anyone gets back the role their LTI
     * roles give them (a learner of the roster who never launched is a learner again).
     *
     * @return false when there was no such assignment
     */
    @Transactional
    public boolean unassign(long courseId, long tutorId, long learnerId) {
        int deleted = jdbc.sql(
                        "delete from tutor_assignment where course_id = :c and tutor_id = :t and learner_id = :l")
                .param("c", courseId)
                .param("t", tutorId)
                .param("l", learnerId)
                .update();
        if (deleted > 0 && !designated(courseId, tutorId)) {
            jdbc.sql(
                            "select lti_roles, source from enrolment where course_id = :c and user_id = :t and tool_role = 'TUTOR'")
                    .param("c", courseId)
                    .param("t", tutorId)
                    .query((rs, n) -> {
                        List<String> roles = List.of((String[]) rs.getArray(1).getArray());
                        ToolRole role = ToolRole.of(roles);
                        if ("INVITATION".equals(rs.getString(2))) {
                            return ToolRole.TUTOR; // invited as a tutor, and nothing else: stays one
                        }
                        return role == ToolRole.GUEST && "ROSTER".equals(rs.getString(2)) ? ToolRole.LEARNER : role;
                    })
                    .optional()
                    .filter(role -> role != ToolRole.TUTOR)
                    .ifPresent(role -> jdbc.sql(
                                    "update enrolment set tool_role = :r, updated_at = now() where course_id = :c and user_id = :t")
                            .param("r", role.name())
                            .param("c", courseId)
                            .param("t", tutorId)
                            .update());
        }
        return deleted > 0;
    }

    /**
     * The person of a tutor invited by e-mail, made in the course's platform under a sub of the tool's own
     * ({@link #INVITED_SUB_PREFIX}) and enrolled as a tutor of the course.
     *
     * @return their user id
     */
    @Transactional
    public long enrolInvited(long platformId, long courseId, String sub, String name, String email) {
        if (!sub.startsWith(INVITED_SUB_PREFIX)) {
            throw new IllegalArgumentException("an invited tutor's sub starts with " + INVITED_SUB_PREFIX);
        }
        long userId = users.upsert(platformId, new Person(sub, name, null, null, email, null), false);
        jdbc.sql("""
                        insert into enrolment (course_id, user_id, tool_role, active, source, updated_at)
                        values (:c, :u, 'TUTOR', true, 'INVITATION', now())
                        on conflict (course_id, user_id) do nothing""").param("c", courseId).param("u", userId).update();
        return userId;
    }

    /** The learners an invitation names, assigned to its tutor (kept beside any other assignment of theirs). */
    @Transactional
    public void assignInvited(long courseId, long tutorId, Collection<Long> learnerIds, String bySub) {
        jdbc.sql("""
                        insert into tutor_assignment (course_id, tutor_id, learner_id, source, assigned_by_sub)
                        select :c, :t, l, 'INVITATION', :by from unnest(cast(:ids as bigint[])) l where l <> :t
                        on conflict do nothing""")
                .param("c", courseId)
                .param("t", tutorId)
                .param("ids", learnerIds.toArray(Long[]::new))
                .param("by", bySub)
                .update();
    }

    /** Withdraws what an invitation gave its tutor; what the platform or a trainer gave them stays. */
    @Transactional
    public void unassignInvited(long courseId, long tutorId, Collection<Long> learnerIds) {
        jdbc.sql("delete from tutor_assignment where course_id = :c and tutor_id = :t and source = 'INVITATION'"
                        + " and learner_id = any(:ids)")
                .param("c", courseId)
                .param("t", tutorId)
                .param("ids", learnerIds.toArray(Long[]::new))
                .update();
    }

    /** Whether a trainer designated this member as tutor of someone in the course. */
    boolean designated(long courseId, long userId) {
        return jdbc.sql("select exists (select 1 from tutor_assignment"
                        + " where course_id = :c and tutor_id = :t and source = 'TRAINER')")
                .param("c", courseId)
                .param("t", userId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The platform's list of the learners a Mentor follows (the launch's {@code role_scope_mentor}): the platform
     * assignments become exactly these; a trainer's own assignments stay. Learners not known yet are added as
     * people of the platform (their enrolment comes with the roster or their launch).
     */
    void fromPlatform(long platformId, long courseId, long tutorId, Collection<String> learnerSubs) {
        List<Long> ids = new ArrayList<>();
        for (String sub : learnerSubs) {
            if (ids.size() == MAX_PLATFORM_MENTEES) {
                break;
            }
            Person learner = new Person(sub, null, null, null, null, null);
            if (learner.sub() == null) {
                continue;
            }
            long id = users.upsert(platformId, learner, false);
            if (id != tutorId) {
                ids.add(id);
            }
        }
        Long[] present = ids.toArray(Long[]::new);
        jdbc.sql("delete from tutor_assignment where course_id = :c and tutor_id = :t and source = 'PLATFORM'"
                        + " and not (learner_id = any(:ids))")
                .param("c", courseId)
                .param("t", tutorId)
                .param("ids", present)
                .update();
        jdbc.sql("""
                        insert into tutor_assignment (course_id, tutor_id, learner_id, source)
                        select :c, :t, l, 'PLATFORM' from unnest(cast(:ids as bigint[])) l
                        on conflict do nothing""")
                .param("c", courseId)
                .param("t", tutorId)
                .param("ids", present)
                .update();
    }
}
