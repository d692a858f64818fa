package fr.cqpi.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JudgmentRepository {

    private static final String COLUMNS =
            "id, criterion_code, status, modality, comment, version, updated_by_sub, updated_by_name, updated_at";

    private final JdbcClient jdbc;

    JudgmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the saves of one learner's judgments in one course, so results before/after are consistent. */
    void lockLearner(long courseId, long learnerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('judgment:' || :course || ':' || :learner))")
                .param("course", courseId)
                .param("learner", learnerId)
                .query()
                .singleRow();
    }

    Map<String, Judgment> findAll(long courseId, long learnerId, String referentielCode) {
        Map<String, Judgment> judgments = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from judgment where course_id = :course and learner_id = :learner"
                        + " and referentiel_code = :ref")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("ref", referentielCode)
                .query(JudgmentRepository::judgment)
                .list()
                .forEach(j -> judgments.put(j.criterionCode(), j));
        return judgments;
    }

    /** Every learner's statuses in a course, in one statement. */
    Map<Long, Map<String, JudgmentStatus>> statusesByLearner(long courseId, String referentielCode) {
        Map<Long, Map<String, JudgmentStatus>> byLearner = new HashMap<>();
        jdbc.sql(
                        "select learner_id, criterion_code, status from judgment where course_id = :course and referentiel_code = :ref")
                .param("course", courseId)
                .param("ref", referentielCode)
                .query(rs -> {
                    byLearner
                            .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getString(2), JudgmentStatus.valueOf(rs.getString(3)));
                });
        return byLearner;
    }

    Optional<Judgment> find(long courseId, long learnerId, String referentielCode, String criterionCode) {
        return jdbc.sql("select " + COLUMNS + " from judgment where course_id = :course and learner_id = :learner"
                        + " and referentiel_code = :ref and criterion_code = :code")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("ref", referentielCode)
                .param("code", criterionCode)
                .query(JudgmentRepository::judgment)
                .optional();
    }

    Judgment insert(
            long courseId,
            long learnerId,
            String referentielCode,
            String criterionCode,
            JudgmentStatus status,
            String modality,
            String comment,
            String bySub,
            String byName) {
        return jdbc.sql("""
                        insert into judgment (course_id, learner_id, referentiel_code, criterion_code, status, modality,
                                              comment, version, updated_by_sub, updated_by_name, updated_at)
                        values (:course, :learner, :ref, :code, :status, :modality, :comment, 1, :sub, :name, now())
                        returning\s""" + COLUMNS)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("ref", referentielCode)
                .param("code", criterionCode)
                .param("status", status.name())
                .param("modality", modality)
                .param("comment", comment)
                .param("sub", bySub)
                .param("name", byName)
                .query(JudgmentRepository::judgment)
                .single();
    }

    Judgment update(long id, JudgmentStatus status, String modality, String comment, String bySub, String byName) {
        return jdbc.sql("""
                        update judgment set status = :status, modality = :modality, comment = :comment,
                            version = version + 1, updated_by_sub = :sub, updated_by_name = :name, updated_at = now()
                        where id = :id returning\s""" + COLUMNS)
                .param("id", id)
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
                            after_modality, after_comment, evaluator_sub, evaluator_name, changed_at, request_id)
                        values (:judgment, :platform, :course, :learner, :learnerSub, :code, :bStatus, :bModality,
                            :bComment, :aStatus, :aModality, :aComment, :evaluatorSub, :evaluatorName, :at, :requestId)""")
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
                .update();
    }

    /** Up to {@code limit} changes, the most recent first, older than the change {@code before} when given. */
    List<AuditEntry> history(long courseId, long learnerId, Long before, int limit) {
        return jdbc.sql("""
                        select id, criterion_code, before_status, before_modality, before_comment, after_status,
                               after_modality, after_comment, evaluator_sub, evaluator_name, changed_at, request_id
                        from judgment_audit a where course_id = :course and learner_id = :learner
                          and (cast(:before as bigint) is null or (a.changed_at, a.id) < (
                               select b.changed_at, b.id from judgment_audit b
                               where b.id = :before and b.course_id = :course and b.learner_id = :learner))
                        order by changed_at desc, id desc limit :limit""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("before", before)
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
                        rs.getString(12)))
                .list();
    }

    /** When each learner of a course was last judged (a status other than NON_EVALUE), in one statement. */
    Map<Long, Instant> lastJudgedAtByLearner(long courseId, String referentielCode) {
        Map<Long, Instant> byLearner = new HashMap<>();
        jdbc.sql(
                        "select learner_id, max(updated_at) from judgment where course_id = :course and referentiel_code = :ref"
                                + " and status <> 'NON_EVALUE' group by learner_id")
                .param("course", courseId)
                .param("ref", referentielCode)
                .query(rs -> {
                    byLearner.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return byLearner;
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
                rs.getTimestamp("updated_at").toInstant());
    }
}
