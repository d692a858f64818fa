package fr.cqpi.evaluation;

import fr.cqpi.shared.RequestMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JudgmentRepository {

    private static final String COLUMNS = "id, criterion_code, status, modality, comment, version, updated_by_sub,"
            + " updated_by_name, updated_at, evaluator_role, session_id";

    private final JdbcClient jdbc;

    JudgmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Long> countsByCourse() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select course_id, count(*) from judgment group by course_id").query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    /** Serialises the saves of one learner's judgments in one course, so results before/after are consistent. */
    void lockLearner(long courseId, long learnerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('judgment:' || :course || ':' || :learner))")
                .param("course", courseId)
                .param("learner", learnerId)
                .query()
                .singleRow();
    }

    /**
     * Both evaluator roles' latest judgments of a learner; read once per page (RequestMemo): the grid, its documents'
     * offers and its livret each need them.
     */
    EvaluatorJudgments findAll(long courseId, long learnerId, String referentielCode) {
        return RequestMemo.get(
                "judgments:" + courseId + ":" + learnerId + ":" + referentielCode,
                () -> read(courseId, learnerId, referentielCode));
    }

    private EvaluatorJudgments read(long courseId, long learnerId, String referentielCode) {
        EvaluatorJudgments judgments = new EvaluatorJudgments();
        jdbc.sql("select " + COLUMNS + " from judgment where course_id = :course and learner_id = :learner"
                        + " and referentiel_code = :ref")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("ref", referentielCode)
                .query(JudgmentRepository::judgment)
                .list()
                .forEach(judgments::put);
        return judgments;
    }

    /** The course's judgment revision (V29's trigger raises it on every write to its judgments); 0 before any. */
    long revision(long courseId) {
        return jdbc.sql("select revision from judgment_revision where course_id = :course")
                .param("course", courseId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /**
     * Every judgment of a course read once for the cohort: the statuses, when each learner was last judged, and
     * who judged whom.
     */
    CourseJudgments inCourse(long courseId, String referentielCode) {
        CourseJudgments course = new CourseJudgments();
        jdbc.sql("select learner_id, criterion_code, status, evaluator_role, updated_by_sub, updated_by_name,"
                        + " updated_at from judgment where course_id = :course and referentiel_code = :ref")
                .param("course", courseId)
                .param("ref", referentielCode)
                .query(rs -> {
                    put(course.statuses(), rs);
                    JudgmentStatus status = JudgmentStatus.valueOf(rs.getString(3));
                    if (status != JudgmentStatus.NON_EVALUE) {
                        course.judged(
                                rs.getLong(1),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant());
                    }
                });
        return course;
    }

    /** Some learners' statuses in a course by evaluator role, in one statement (grade sync's batches). */
    Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statusesOf(
            long courseId, Collection<Long> learnerIds, String referentielCode) {
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> byLearner = new HashMap<>();
        // One probe of the (course, learner, référentiel, …) unique index per learner: "offset 0" keeps the subquery
        // apart, so that a planner misled by stale statistics cannot read the whole course once per learner instead.
        jdbc.sql("""
                        select l.id, j.criterion_code, j.status, j.evaluator_role
                        from unnest(cast(:learners as bigint[])) as l(id)
                        cross join lateral (select criterion_code, status, evaluator_role from judgment
                                            where course_id = :course and learner_id = l.id and referentiel_code = :ref
                                            offset 0) j""")
                .param("course", courseId)
                .param("learners", learnerIds.toArray(Long[]::new))
                .param("ref", referentielCode)
                .query(rs -> {
                    put(byLearner, rs);
                });
        return byLearner;
    }

    /**
     * Every learner's statuses as judged in one session (the last change of each criterion by each role in it), in
     * one statement. The session that holds the judgments made before sessions existed also has the audit entries
     * without session.
     */
    Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statusesInSession(
            long courseId, String referentielCode, EvaluationSession session) {
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> byLearner = new HashMap<>();
        jdbc.sql("""
                        select distinct on (a.learner_id, a.criterion_code, a.evaluator_role)
                               a.learner_id, a.criterion_code, a.after_status, a.evaluator_role
                        from judgment_audit a join judgment j on j.id = a.judgment_id
                        where a.course_id = :course and j.referentiel_code = :ref
                          and (a.session_id = :session or (a.session_id is null and :earlier))
                        order by a.learner_id, a.criterion_code, a.evaluator_role, a.changed_at desc, a.id desc""")
                .param("course", courseId)
                .param("ref", referentielCode)
                .param("session", session.id())
                .param("earlier", session.earlierJudgments())
                .query(rs -> {
                    put(byLearner, rs);
                });
        return byLearner;
    }

    private static void put(Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> byLearner, ResultSet rs)
            throws SQLException {
        byLearner
                .computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(EvaluatorRole.class))
                .computeIfAbsent(EvaluatorRole.valueOf(rs.getString(4)), k -> new HashMap<>())
                .put(rs.getString(2), JudgmentStatus.valueOf(rs.getString(3)));
    }

    Judgment insert(
            long courseId,
            long learnerId,
            String referentielCode,
            String criterionCode,
            EvaluatorRole role,
            long sessionId,
            JudgmentStatus status,
            String modality,
            String comment,
            String bySub,
            String byName) {
        return jdbc.sql("""
                        insert into judgment (course_id, learner_id, referentiel_code, criterion_code, evaluator_role,
                                              session_id, status, modality, comment, version, updated_by_sub,
                                              updated_by_name, updated_at)
                        values (:course, :learner, :ref, :code, :role, :session, :status, :modality, :comment, 1, :sub,
                                :name, now())
                        returning\s""" + COLUMNS)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("ref", referentielCode)
                .param("code", criterionCode)
                .param("role", role.name())
                .param("session", sessionId)
                .param("status", status.name())
                .param("modality", modality)
                .param("comment", comment)
                .param("sub", bySub)
                .param("name", byName)
                .query(JudgmentRepository::judgment)
                .single();
    }

    Judgment update(
            long id,
            long sessionId,
            JudgmentStatus status,
            String modality,
            String comment,
            String bySub,
            String byName) {
        return jdbc.sql("""
                        update judgment set status = :status, modality = :modality, comment = :comment,
                            session_id = :session, version = version + 1, updated_by_sub = :sub,
                            updated_by_name = :name, updated_at = now()
                        where id = :id returning\s""" + COLUMNS)
                .param("id", id)
                .param("session", sessionId)
                .param("status", status.name())
                .param("modality", modality)
                .param("comment", comment)
                .param("sub", bySub)
                .param("name", byName)
                .query(JudgmentRepository::judgment)
                .single();
    }

    void audit(
            Judgment before,
            Judgment after,
            long platformId,
            long courseId,
            long learnerId,
            String learnerSub,
            String evaluatorSub,
            String evaluatorName,
            String requestId) {
        jdbc.sql("""
                        insert into judgment_audit (judgment_id, platform_id, course_id, learner_id, learner_sub,
                            criterion_code, before_status, before_modality, before_comment, after_status,
                            after_modality, after_comment, evaluator_sub, evaluator_name, changed_at, request_id,
                            evaluator_role, session_id)
                        values (:judgment, :platform, :course, :learner, :learnerSub, :code, :bStatus, :bModality,
                            :bComment, :aStatus, :aModality, :aComment, :evaluatorSub, :evaluatorName, :at, :requestId,
                            :role, :session)""")
                .param("judgment", after.id())
                .param("platform", platformId)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("learnerSub", learnerSub)
                .param("code", after.criterionCode())
                .param("bStatus", before == null ? null : before.status().name())
                .param("bModality", before == null ? null : before.modality())
                .param("bComment", before == null ? null : before.comment())
                .param("aStatus", after.status().name())
                .param("aModality", after.modality())
                .param("aComment", after.comment())
                .param("evaluatorSub", evaluatorSub)
                .param("evaluatorName", evaluatorName)
                .param("at", Timestamp.from(after.updatedAt()))
                .param("requestId", requestId)
                .param("role", after.evaluatorRole().name())
                .param("session", after.sessionId())
                .update();
    }

    /**
     * Up to {@code limit} changes, the most recent first, older than the change {@code before} when given, of one
     * session when {@code session} is given.
     */
    List<AuditEntry> history(long courseId, long learnerId, Long before, EvaluationSession session, int limit) {
        return jdbc.sql("""
                        select id, criterion_code, before_status, before_modality, before_comment, after_status,
                               after_modality, after_comment, evaluator_sub, evaluator_name, changed_at, request_id,
                               evaluator_role, session_id
                        from judgment_audit a where course_id = :course and learner_id = :learner
                          and (cast(:session as bigint) is null or a.session_id = :session
                               or (a.session_id is null and :earlier))
                          and (cast(:before as bigint) is null or (a.changed_at, a.id) < (
                               select b.changed_at, b.id from judgment_audit b
                               where b.id = :before and b.course_id = :course and b.learner_id = :learner))
                        order by changed_at desc, id desc limit :limit""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("before", before)
                .param("session", session == null ? null : session.id())
                .param("earlier", session != null && session.earlierJudgments())
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant(),
                        rs.getString(12),
                        EvaluatorRole.valueOf(rs.getString(13)),
                        (Long) rs.getObject(14)))
                .list();
    }

    private static Judgment judgment(ResultSet rs, int n) throws SQLException {
        return new Judgment(
                rs.getLong("id"),
                rs.getString("criterion_code"),
                JudgmentStatus.valueOf(rs.getString("status")),
                rs.getString("modality"),
                rs.getString("comment"),
                rs.getInt("version"),
                rs.getString("updated_by_sub"),
                rs.getString("updated_by_name"),
                rs.getTimestamp("updated_at").toInstant(),
                EvaluatorRole.valueOf(rs.getString("evaluator_role")),
                (Long) rs.getObject("session_id"));
    }
}
