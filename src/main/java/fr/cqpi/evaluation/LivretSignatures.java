package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The livret d'évaluation of an evaluation session, signed by the three people it concerns: the évaluateur habilité,
 * the tuteur entreprise and the candidate. A signature keeps the signer's name, the signature they typed, when, and
 * the SHA-256 of what the livret said then — the candidate's judgments in that session, the last change of each
 * criterion by each role. A judgment changed afterwards changes that content: the signature then shows as made on an
 * earlier version, until its signer signs again.
 */
@Service
public class LivretSignatures {

    public static final int MAX_SIGNATURE_LENGTH = 200;

    /** Who signs: the two evaluator roles, and the candidate. */
    public enum SignerRole {
        EVALUATEUR,
        TUTEUR,
        CANDIDAT;

        static SignerRole of(Actor actor) {
            if (actor.isEvaluator()) {
                return EVALUATEUR;
            }
            return actor.isTutor() ? TUTEUR : CANDIDAT;
        }
    }

    /** A signature as it stands; {@code contentChanged}: the session's judgments changed since it was made. */
    public record Signature(
            SignerRole role, String signerName, String typedSignature, Instant signedAt, boolean contentChanged) {}

    /** An evaluation session in which the candidate was judged, and its latest signature per role. */
    public record SessionLivret(EvaluationSession session, Map<SignerRole, Signature> signatures) {

        public Signature of(SignerRole role) {
            return signatures.get(role);
        }
    }

    private final JdbcClient jdbc;
    private final LearnerAccess access;
    private final EvaluationSessions sessions;

    LivretSignatures(JdbcClient jdbc, LearnerAccess access, EvaluationSessions sessions) {
        this.jdbc = jdbc;
        this.access = access;
        this.sessions = sessions;
    }

    /** The role the actor signs in: the évaluateur habilité, the tuteur entreprise, or the candidate. */
    public static SignerRole roleOf(Actor actor) {
        return SignerRole.of(actor);
    }

    /** The sessions the candidate was judged in, the most recent first, with their signatures. */
    @Transactional(readOnly = true)
    public List<SessionLivret> of(Actor actor, String learnerSub) {
        CourseMember learner = access.toRead(actor, learnerSub);
        return ofLearner(actor.courseId(), learner.userId());
    }

    List<SessionLivret> ofLearner(long courseId, long learnerId) {
        Map<Long, Map<SignerRole, Signature>> latest = new HashMap<>();
        Map<Long, byte[]> contents = new HashMap<>();
        List<SessionLivret> livrets = new ArrayList<>();
        record Row(long sessionId, String role, String name, String typed, Instant at, byte[] hash) {}
        List<Row> rows = jdbc.sql("""
                        select distinct on (session_id, signer_role)
                               session_id, signer_role as role, signer_name as name, typed_signature as typed,
                               signed_at as at, content_hash as hash
                        from livret_signature where course_id = :c and learner_id = :l
                        order by session_id, signer_role, signed_at desc, id desc""")
                .param("c", courseId)
                .param("l", learnerId)
                .query(Row.class)
                .list();
        for (EvaluationSession session : sessions.inCourse(courseId)) {
            byte[] content = content(courseId, learnerId, session);
            if (content == null) {
                continue;
            }
            contents.put(session.id(), content);
            latest.put(session.id(), new EnumMap<>(SignerRole.class));
            livrets.add(new SessionLivret(session, latest.get(session.id())));
        }
        for (Row row : rows) {
            Map<SignerRole, Signature> of = latest.get(row.sessionId());
            if (of != null) {
                of.put(
                        SignerRole.valueOf(row.role()),
                        new Signature(
                                SignerRole.valueOf(row.role()),
                                row.name(),
                                row.typed(),
                                row.at(),
                                !Arrays.equals(row.hash(), contents.get(row.sessionId()))));
            }
        }
        return livrets;
    }

    /**
     * The actor signs the candidate's livret of a session, in their role: an évaluateur habilité, the candidate's
     * tuteur entreprise, or the candidate themselves. Nothing is stored when refused.
     */
    @Transactional
    public Signature sign(Actor actor, String learnerSub, Long sessionId, String typedSignature) {
        CourseMember learner = access.toRead(actor, learnerSub);
        String typed = typedSignature == null ? "" : typedSignature.strip();
        if (typed.isEmpty() || typed.length() > MAX_SIGNATURE_LENGTH) {
            throw new InvalidEvaluationInputException(
                    "signature", "type your signature (your name), at most " + MAX_SIGNATURE_LENGTH + " characters");
        }
        if (sessionId == null) {
            throw new InvalidEvaluationInputException("sessionId", "name the evaluation session to sign");
        }
        EvaluationSession session =
                sessions.find(actor.courseId(), sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
        byte[] content = content(actor.courseId(), learner.userId(), session);
        if (content == null) {
            throw new InvalidEvaluationInputException(
                    "sessionId", "the candidate was not judged in this session: there is no livret to sign");
        }
        SignerRole role = roleOf(actor);
        // Just made on the content it hashes: it cannot have changed since.
        Instant signedAt = jdbc.sql("""
                        insert into livret_signature (course_id, learner_id, session_id, signer_role, signer_sub,
                                                      signer_name, typed_signature, content_hash)
                        values (:c, :l, :s, :role, :sub, :name, :typed, :hash) returning signed_at""")
                .param("c", actor.courseId())
                .param("l", learner.userId())
                .param("s", session.id())
                .param("role", role.name())
                .param("sub", actor.sub())
                .param("name", actor.displayName())
                .param("typed", typed)
                .param("hash", content)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        return new Signature(role, actor.displayName(), typed, signedAt, false);
    }

    /**
     * The SHA-256 of the candidate's judgments in the session (criterion, role, status, modality, comment of the
     * last change of each criterion by each role), or null when they were not judged in it.
     */
    private byte[] content(long courseId, long learnerId, EvaluationSession session) {
        List<String> lines = jdbc.sql("""
                        select distinct on (criterion_code, evaluator_role)
                               concat_ws(chr(31), criterion_code, evaluator_role, after_status,
                                         coalesce(after_modality, ''), coalesce(after_comment, ''))
                        from judgment_audit
                        where course_id = :c and learner_id = :l
                          and (session_id = :s or (session_id is null and :earlier))
                        order by criterion_code, evaluator_role, changed_at desc, id desc""")
                .param("c", courseId)
                .param("l", learnerId)
                .param("s", session.id())
                .param("earlier", session.earlierJudgments())
                .query(String.class)
                .list();
        if (lines.isEmpty()) {
            return null;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((session.id() + "\n" + learnerId + "\n").getBytes(StandardCharsets.UTF_8));
            for (String line : lines) {
                sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
