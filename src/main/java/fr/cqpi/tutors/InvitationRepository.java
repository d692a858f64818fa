package fr.cqpi.tutors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code tutor_invitation} and {@code tutor_invitation_learner}. */
@Repository
class InvitationRepository {

    private static final String SELECT = """
            select id, public_id, course_id, email, tutor_name, locale, tutor_user_id, invited_by_sub, created_at,
                expires_at, revoked_at, confirmed_user_id, confirmed_at,
                case when revoked_at is not null then 'REVOKED' when expires_at <= now() then 'EXPIRED'
                    else 'ACTIVE' end as status
            from tutor_invitation""";

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TutorInvitation> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(TutorInvitation.class)
                .optional();
    }

    /** Locked until the end of the transaction: revoking, confirming and minting a link do not cross. */
    Optional<TutorInvitation> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update")
                .param("id", id)
                .query(TutorInvitation.class)
                .optional();
    }

    Optional<TutorInvitation> inCourse(long courseId, UUID publicId) {
        return jdbc.sql(SELECT + " where course_id = :c and public_id = :p for update")
                .param("c", courseId)
                .param("p", publicId)
                .query(TutorInvitation.class)
                .optional();
    }

    List<TutorInvitation> ofCourse(long courseId) {
        return jdbc.sql(SELECT + " where course_id = :c order by created_at desc, id desc")
                .param("c", courseId)
                .query(TutorInvitation.class)
                .list();
    }

    Optional<TutorInvitation> activeFor(long courseId, String email) {
        return jdbc.sql(SELECT + " where course_id = :c and lower(email) = lower(:e) and revoked_at is null"
                        + " and expires_at > now() for update")
                .param("c", courseId)
                .param("e", email)
                .query(TutorInvitation.class)
                .optional();
    }

    /** Every active invitation of an address, whatever the course. */
    List<TutorInvitation> activeFor(String email) {
        return jdbc.sql(SELECT + " where lower(email) = lower(:e) and revoked_at is null and expires_at > now()")
                .param("e", email)
                .query(TutorInvitation.class)
                .list();
    }

    long insert(
            UUID publicId,
            long courseId,
            String email,
            String name,
            String locale,
            long tutorUserId,
            String bySub,
            Duration validity) {
        return jdbc.sql("""
                        insert into tutor_invitation (public_id, course_id, email, tutor_name, locale, tutor_user_id,
                            invited_by_sub, expires_at)
                        values (:p, :c, :e, :n, :l, :u, :by, now() + :validity * interval '1 second')
                        returning id""")
                .param("p", publicId)
                .param("c", courseId)
                .param("e", email)
                .param("n", name)
                .param("l", locale)
                .param("u", tutorUserId)
                .param("by", bySub)
                .param("validity", validity.toSeconds())
                .query(Long.class)
                .single();
    }

    /** Invited again: valid for the whole validity from now, under the name given now (if any). */
    void renew(long id, String name, Duration validity) {
        jdbc.sql("update tutor_invitation set expires_at = now() + :validity * interval '1 second',"
                        + " tutor_name = coalesce(:n, tutor_name) where id = :id")
                .param("validity", validity.toSeconds())
                .param("n", name)
                .param("id", id)
                .update();
    }

    void addLearners(long id, Set<Long> learnerIds) {
        jdbc.sql("insert into tutor_invitation_learner (invitation_id, learner_id)"
                        + " select :id, l from unnest(cast(:ids as bigint[])) l on conflict do nothing")
                .param("id", id)
                .param("ids", learnerIds.toArray(Long[]::new))
                .update();
    }

    Set<Long> learners(long id) {
        return Set.copyOf(jdbc.sql("select learner_id from tutor_invitation_learner where invitation_id = :id")
                .param("id", id)
                .query(Long.class)
                .list());
    }

    void revoke(long id, String bySub) {
        jdbc.sql("update tutor_invitation set revoked_at = now(), revoked_by_sub = :by where id = :id")
                .param("by", bySub)
                .param("id", id)
                .update();
    }

    void confirm(long id, long userId, String bySub) {
        jdbc.sql("update tutor_invitation set confirmed_user_id = :u, confirmed_by_sub = :by, confirmed_at = now()"
                        + " where id = :id")
                .param("u", userId)
                .param("by", bySub)
                .param("id", id)
                .update();
    }
}
