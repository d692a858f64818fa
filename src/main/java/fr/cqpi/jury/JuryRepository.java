package fr.cqpi.jury;

import fr.cqpi.course.LearnerRef;
import fr.cqpi.evaluation.DecidedBloc;
import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.Proposition;
import fr.cqpi.shared.RequestMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JuryRepository {

    private final JdbcClient jdbc;

    JuryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SessionRow(long id, LocalDate heldOn, String place, boolean presidentCastingVote, int revision) {}

    long insertSession(long courseId, LocalDate heldOn, String place, boolean presidentCastingVote, String bySub) {
        return jdbc.sql("""
                        insert into jury_session (course_id, held_on, place, president_casting_vote, created_by_sub)
                        values (:course, :heldOn, :place, :castingVote, :by) returning id""")
                .param("course", courseId)
                .param("heldOn", heldOn)
                .param("place", place)
                .param("castingVote", presidentCastingVote)
                .param("by", bySub)
                .query(Long.class)
                .single();
    }

    void insertMember(long sessionId, int position, JuryMember member) {
        jdbc.sql("""
                        insert into jury_member (session_id, position, name, college, role, email)
                        values (:session, :position, :name, :college, :role, :email)""")
                .param("session", sessionId)
                .param("position", position)
                .param("name", member.name())
                .param("college", member.college().name())
                .param("role", member.role().name())
                .param("email", member.email())
                .update();
    }

    void insertCandidate(long sessionId, long learnerId) {
        jdbc.sql("insert into jury_candidate (session_id, learner_id) values (:session, :learner)")
                .param("session", sessionId)
                .param("learner", learnerId)
                .update();
    }

    private static final String SESSION_COLUMNS =
            "select id, held_on, place, president_casting_vote, revision from jury_session where course_id = :course";

    /** A new date or place: the session's revision goes up by one. @return the new revision */
    int reschedule(long sessionId, LocalDate heldOn, String place) {
        return jdbc.sql("""
                        update jury_session set held_on = :heldOn, place = :place, revision = revision + 1
                        where id = :id returning revision""")
                .param("id", sessionId)
                .param("heldOn", heldOn)
                .param("place", place)
                .query(Integer.class)
                .single();
    }

    boolean hasDecisions(long sessionId) {
        return jdbc.sql("select exists (select 1 from jury_decision where session_id = :id)")
                .param("id", sessionId)
                .query(Boolean.class)
                .single();
    }

    List<SessionRow> sessions(long courseId) {
        return jdbc.sql(SESSION_COLUMNS + " order by held_on desc, id desc")
                .param("course", courseId)
                .query(JuryRepository::session)
                .list();
    }

    Optional<SessionRow> session(long courseId, long sessionId) {
        return jdbc.sql(SESSION_COLUMNS + " and id = :id")
                .param("course", courseId)
                .param("id", sessionId)
                .query(JuryRepository::session)
                .optional();
    }

    private static SessionRow session(ResultSet rs, int n) throws SQLException {
        return new SessionRow(
                rs.getLong("id"),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("place"),
                rs.getBoolean("president_casting_vote"),
                rs.getInt("revision"));
    }

    List<JuryMember> members(long sessionId) {
        return jdbc.sql(
                        "select name, college, role, email from jury_member where session_id = :session order by position")
                .param("session", sessionId)
                .query((rs, n) -> new JuryMember(
                        rs.getString("name"),
                        College.valueOf(rs.getString("college")),
                        MemberRole.valueOf(rs.getString("role")),
                        rs.getString("email")))
                .list();
    }

    List<Long> candidates(long sessionId) {
        return jdbc.sql("select learner_id from jury_candidate where session_id = :session order by learner_id")
                .param("session", sessionId)
                .query(Long.class)
                .list();
    }

    long insertDecision(
            long sessionId,
            long courseId,
            long learnerId,
            String referentielCode,
            String blocCode,
            Outcome outcome,
            Vote vote,
            String reason,
            String preconisations,
            Proposition proposition,
            Long recoursId,
            String bySub,
            String byName,
            String requestId) {
        return jdbc.sql("""
                        insert into jury_decision (session_id, course_id, learner_id, referentiel_code, bloc_code,
                            outcome, votes_for, votes_against, votes_abstention, casting_vote, reason, preconisations,
                            proposition, recours_id, decided_by_sub, decided_by_name, request_id)
                        values (:session, :course, :learner, :referentiel, :bloc, :outcome, :for, :against,
                            :abstention, :castingVote, :reason, :preconisations, :proposition, :recours, :by, :byName,
                            :request)
                        returning id""")
                .param("session", sessionId)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("referentiel", referentielCode)
                .param("bloc", blocCode)
                .param("outcome", outcome.name())
                .param("for", vote.forIt())
                .param("against", vote.against())
                .param("abstention", vote.abstention())
                .param("castingVote", vote.castingVote())
                .param("reason", reason)
                .param("preconisations", preconisations)
                .param("proposition", proposition == null ? null : proposition.name())
                .param("recours", recoursId)
                .param("by", bySub)
                .param("byName", byName)
                .param("request", requestId)
                .query(Long.class)
                .single();
    }

    private static final String DECISION_COLUMNS = """
            select d.id, d.session_id, d.learner_id, d.bloc_code, d.outcome, d.votes_for, d.votes_against,
                d.votes_abstention, d.casting_vote, d.reason, d.preconisations, d.proposition, d.recours_id,
                d.decided_by_name, d.decided_by_sub, d.decided_at
            from jury_decision d""";

    /** Every decision on the learner in the course, oldest first. */
    List<JuryDecision> decisions(long courseId, LearnerRef learner) {
        return jdbc.sql(DECISION_COLUMNS + " where d.course_id = :course and d.learner_id = :learner order by d.id")
                .param("course", courseId)
                .param("learner", learner.userId())
                .query(decision(id -> learner.sub()))
                .list();
    }

    /** The learners the session decided on: whose LTI ids {@link #decisionsOfSession} needs. */
    List<Long> learnersOfSession(long sessionId) {
        return jdbc.sql("select distinct learner_id from jury_decision where session_id = :session")
                .param("session", sessionId)
                .query(Long.class)
                .list();
    }

    /** The session's decisions, oldest first; {@code learners} names each learner the session decided on. */
    List<JuryDecision> decisionsOfSession(long sessionId, Map<Long, LearnerRef> learners) {
        return jdbc.sql(DECISION_COLUMNS + " where d.session_id = :session order by d.id")
                .param("session", sessionId)
                .query(decision(id -> learners.get(id).sub()))
                .list();
    }

    /** {@code subOf} gives a learner's LTI id, which {@code course} owns, from their user id. */
    private static RowMapper<JuryDecision> decision(LongFunction<String> subOf) {
        return (rs, n) -> decision(rs, subOf.apply(rs.getLong("learner_id")));
    }

    private static JuryDecision decision(ResultSet rs, String learnerSub) throws SQLException {
        String proposition = rs.getString("proposition");
        String by = rs.getString("decided_by_name");
        return new JuryDecision(
                rs.getLong("id"),
                rs.getLong("session_id"),
                learnerSub,
                rs.getString("bloc_code"),
                Outcome.valueOf(rs.getString("outcome")),
                new Vote(
                        rs.getInt("votes_for"),
                        rs.getInt("votes_against"),
                        rs.getInt("votes_abstention"),
                        rs.getBoolean("casting_vote")),
                rs.getString("reason"),
                rs.getString("preconisations"),
                proposition == null ? null : Proposition.valueOf(proposition),
                (Long) rs.getObject("recours_id"),
                by != null ? by : rs.getString("decided_by_sub"),
                rs.getTimestamp("decided_at").toInstant());
    }

    /** Learner id → bloc → the decision that stands (the latest, unless it reopened the bloc); every learner's when null. */
    Map<Long, Map<String, Decision>> standing(long courseId, Collection<Long> learnerIds) {
        Map<Long, Map<String, Decision>> standing = new HashMap<>();
        String select = "select distinct on (learner_id, bloc_code) learner_id, bloc_code, outcome from jury_decision"
                + " where course_id = :course";
        String order = " order by learner_id, bloc_code, id desc";
        (learnerIds == null
                        ? jdbc.sql(select + order)
                        : jdbc.sql(select + " and learner_id = any(cast(:learners as bigint[]))" + order)
                                .param("learners", learnerIds.toArray(Long[]::new)))
                .param("course", courseId)
                .query(rs -> {
                    Decision decision = Outcome.valueOf(rs.getString("outcome")).standing();
                    if (decision != null) {
                        standing.computeIfAbsent(rs.getLong("learner_id"), k -> new HashMap<>())
                                .put(rs.getString("bloc_code"), decision);
                    }
                });
        return standing;
    }

    /**
     * Bloc → the decision that stands on one learner's bloc, with the date its jury sat; read once per page
     * (RequestMemo): the grid, its documents' offers and its livret each ask.
     */
    Map<String, DecidedBloc> decidedBlocs(long courseId, long learnerId) {
        return RequestMemo.get(
                "decided-blocs:" + courseId + ":" + learnerId, () -> readDecidedBlocs(courseId, learnerId));
    }

    private Map<String, DecidedBloc> readDecidedBlocs(long courseId, long learnerId) {
        Map<String, DecidedBloc> decided = new HashMap<>();
        jdbc.sql("""
                        select distinct on (d.bloc_code) d.bloc_code, d.outcome, s.held_on
                        from jury_decision d join jury_session s on s.id = d.session_id
                        where d.course_id = :course and d.learner_id = :learner
                        order by d.bloc_code, d.id desc""").param("course", courseId).param("learner", learnerId).query(rs -> {
            Decision decision = Outcome.valueOf(rs.getString("outcome")).standing();
            if (decision != null) {
                decided.put(
                        rs.getString("bloc_code"), new DecidedBloc(decision, rs.getObject("held_on", LocalDate.class)));
            }
        });
        return Map.copyOf(decided);
    }

    long insertRecours(
            long courseId, long learnerId, String blocCode, LocalDate filedOn, String grounds, String bySub) {
        return jdbc.sql("""
                        insert into jury_recours (course_id, learner_id, bloc_code, filed_on, grounds, recorded_by_sub)
                        values (:course, :learner, :bloc, :filedOn, :grounds, :by) returning id""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .param("filedOn", filedOn)
                .param("grounds", grounds)
                .param("by", bySub)
                .query(Long.class)
                .single();
    }

    List<Recours> recours(long courseId, LearnerRef learner) {
        return jdbc.sql("""
                        select r.id, r.bloc_code, r.filed_on, r.grounds, r.recorded_by_sub, r.recorded_at,
                            (select d.id from jury_decision d where d.recours_id = r.id) as decision_id
                        from jury_recours r
                        where r.course_id = :course and r.learner_id = :learner order by r.id""")
                .param("course", courseId)
                .param("learner", learner.userId())
                .query((rs, n) -> new Recours(
                        rs.getLong("id"),
                        learner.sub(),
                        rs.getString("bloc_code"),
                        rs.getObject("filed_on", LocalDate.class),
                        rs.getString("grounds"),
                        rs.getString("recorded_by_sub"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        (Long) rs.getObject("decision_id")))
                .list();
    }
}
