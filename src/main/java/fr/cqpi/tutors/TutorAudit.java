package fr.cqpi.tutors;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what and when with tutor invitations: the évaluateurs' invitations, revocations and confirmations, every
 * sign-in and its refusals, every request of an invited tutor's session. Never a token.
 */
@Repository
public class TutorAudit {

    /** One line of the trail. */
    public record Entry(Long invitationId, Instant at, String actor, String action, String detail) {}

    private static final int MAX_DETAIL = 500;

    private final JdbcClient jdbc;

    TutorAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recorded even when what it tells of is then refused (its own transaction). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Long invitationId, String actor, String action, String detail) {
        append(invitationId, actor, action, detail);
    }

    /** Recorded with what it tells of (the caller's transaction). */
    void append(Long invitationId, String actor, String action, String detail) {
        jdbc.sql("insert into tutor_audit (invitation_id, actor, action, detail) values (:i, :a, :w, :d)")
                .param("i", invitationId)
                .param("a", actor)
                .param("w", action)
                .param("d", detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .update();
    }

    /** When the invitation's tutor last signed in, if ever. */
    public Optional<Instant> lastSignIn(long invitationId) {
        return jdbc.sql("select max(at) from tutor_audit where invitation_id = :i and action = 'SIGN_IN'")
                .param("i", invitationId)
                .query(Instant.class)
                .optional();
    }

    /** The trail of one invitation, oldest first. */
    public List<Entry> of(long invitationId) {
        return jdbc.sql("select invitation_id, at, actor, action, detail from tutor_audit where invitation_id = :i"
                        + " order by id")
                .param("i", invitationId)
                .query(Entry.class)
                .list();
    }
}
