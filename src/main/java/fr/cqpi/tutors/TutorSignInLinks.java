package fr.cqpi.tutors;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.Courses;
import fr.cqpi.course.ToolRole;
import fr.cqpi.lti.ToolBaseUrl;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in links of invited tutors: a random token of 256 bits, of which only the SHA-256 is stored, valid for
 * {@link TutorsProperties#linkValidity()} and spent by its first use. Minting a link ends the earlier unused ones of
 * the invitation. The token travels only in the link's URL and the sign-in form; it is never logged.
 */
@Service
public class TutorSignInLinks {

    /** The page that opens a link: a GET shows a button, the POST spends the token (mail scanners only GET). */
    public static final String SIGN_IN_PATH = "/tutor/sign-in";

    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final InvitationRepository invitations;
    private final TutorAudit audit;
    private final CourseMembers members;
    private final Courses courses;
    private final ToolBaseUrl baseUrl;
    private final TutorsProperties properties;
    private final SecureRandom random = new SecureRandom();

    TutorSignInLinks(
            JdbcClient jdbc,
            InvitationRepository invitations,
            TutorAudit audit,
            CourseMembers members,
            Courses courses,
            ToolBaseUrl baseUrl,
            TutorsProperties properties) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.audit = audit;
        this.members = members;
        this.courses = courses;
        this.baseUrl = baseUrl;
        this.properties = properties;
    }

    /**
     * A fresh link for the invitation's tutor, ending the earlier unused ones; empty when the invitation is revoked,
     * expired or unknown.
     */
    @Transactional
    public Optional<URI> mint(long invitationId) {
        Optional<TutorInvitation> invitation = invitations.lock(invitationId).filter(TutorInvitation::isActive);
        if (invitation.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update tutor_sign_in_token set expires_at = now() where invitation_id = :i and used_at is null"
                        + " and expires_at > now()")
                .param("i", invitationId)
                .update();
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into tutor_sign_in_token (token_hash, invitation_id, expires_at)"
                        + " values (:h, :i, now() + :validity * interval '1 second')")
                .param("h", hash(token))
                .param("i", invitationId)
                .param("validity", properties.linkValidity().toSeconds())
                .update();
        audit.append(invitationId, "tool", "LINK_MINTED", null);
        return Optional.of(URI.create(baseUrl.get() + SIGN_IN_PATH + "?token=" + token));
    }

    /** Whether the link would sign in now, without spending it (the page of the GET). */
    @Transactional(readOnly = true)
    public Optional<SignInRefusal> check(String token) {
        return state(token).refusal();
    }

    /**
     * Spends the link: the tutor's identity in the course, or why not (never thrown: the refusal's audit commits).
     * A refusal is audited against its invitation when the token names one.
     */
    @Transactional
    public SignInResult signIn(String token) {
        TokenState state = state(token);
        if (state.refusal().isPresent()) {
            refused(state, state.refusal().get());
            return SignInResult.refused(state.refusal().get());
        }
        TutorInvitation invitation = invitations.lock(state.invitationId()).orElseThrow();
        int spent = jdbc.sql("update tutor_sign_in_token set used_at = now() where token_hash = :h and used_at is null"
                        + " and expires_at > now()")
                .param("h", hash(token))
                .update();
        if (spent == 0 || !invitation.isActive()) {
            SignInRefusal why = spent == 0 ? SignInRefusal.USED : refusalOf(invitation);
            refused(state, why);
            return SignInResult.refused(why);
        }
        Actor actor = actor(invitation);
        String title = courses.title(invitation.courseId()).orElse(null);
        audit.append(invitation.id(), actor.sub(), "SIGN_IN", null);
        return SignInResult.accepted(
                new TutorSignIn(invitation.id(), actor, title, invitation.email(), invitation.locale()));
    }

    /**
     * In the sign-in's own transaction, which commits a refusal too (a transaction of its own would wait for the
     * invitation's row this one may hold locked).
     */
    private void refused(TokenState state, SignInRefusal why) {
        audit.append(state.invitationId(), "anonymous", "SIGN_IN_REFUSED", why.name());
    }

    private Actor actor(TutorInvitation invitation) {
        long userId = invitation.effectiveUserId();
        String sub = members.refs(List.of(userId)).get(userId).sub();
        CourseMember member = members.member(invitation.courseId(), sub).orElseThrow();
        String name = invitation.confirmedUserId() != null ? member.displayName() : invitation.displayName();
        long platformId = courses.find(invitation.courseId()).orElseThrow().platformId();
        return new Actor(platformId, invitation.courseId(), userId, sub, name, ToolRole.TUTOR);
    }

    private static SignInRefusal refusalOf(TutorInvitation invitation) {
        return invitation.status() == TutorInvitation.Status.REVOKED ? SignInRefusal.REVOKED : SignInRefusal.EXPIRED;
    }

    /** What the store says of a token (no row, spent, past, or its invitation's state). */
    private TokenState state(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new TokenState(null, Optional.of(SignInRefusal.UNKNOWN));
        }
        record Row(long invitationId, boolean used, boolean expired) {}
        Optional<Row> row = jdbc.sql("select invitation_id, used_at is not null as used, expires_at <= now() as expired"
                        + " from tutor_sign_in_token where token_hash = :h")
                .param("h", hash(token))
                .query(Row.class)
                .optional();
        if (row.isEmpty()) {
            return new TokenState(null, Optional.of(SignInRefusal.UNKNOWN));
        }
        long id = row.get().invitationId();
        if (row.get().used()) {
            return new TokenState(id, Optional.of(SignInRefusal.USED));
        }
        TutorInvitation invitation = invitations.find(id).orElseThrow();
        if (!invitation.isActive()) {
            return new TokenState(id, Optional.of(refusalOf(invitation)));
        }
        if (row.get().expired()) {
            return new TokenState(id, Optional.of(SignInRefusal.EXPIRED));
        }
        return new TokenState(id, Optional.empty());
    }

    private record TokenState(Long invitationId, Optional<SignInRefusal> refusal) {}

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
