package fr.cqpi.evidence;

import fr.cqpi.course.LearnerRef;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceRepository {

    private static final String COLUMNS = """
            e.id, e.bloc_code, e.criterion_code, e.kind, e.title, e.content_type, e.size_bytes, e.url,
            e.added_by_sub, e.added_by_name, e.added_as, e.added_at""";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewEvidence(
            long courseId,
            long learnerId,
            String referentielCode,
            String blocCode,
            String criterionCode,
            Evidence.Kind kind,
            String title,
            String contentType,
            byte[] content,
            String sha256,
            String url,
            String bySub,
            String byName,
            Evidence.AddedAs as) {}

    long insert(NewEvidence e) {
        return jdbc.sql("""
                        insert into evidence (course_id, learner_id, referentiel_code, bloc_code, criterion_code, kind,
                            title, content_type, size_bytes, sha256, content, url, added_by_sub, added_by_name, added_as)
                        values (:course, :learner, :referentiel, :bloc, :criterion, :kind, :title, :contentType, :size,
                            :sha256, :content, :url, :by, :byName, :as)
                        returning id""")
                .param("course", e.courseId())
                .param("learner", e.learnerId())
                .param("referentiel", e.referentielCode())
                .param("bloc", e.blocCode())
                .param("criterion", e.criterionCode())
                .param("kind", e.kind().name())
                .param("title", e.title())
                .param("contentType", e.contentType())
                .param("size", e.content() == null ? null : (long) e.content().length)
                .param("sha256", e.sha256())
                .param("content", e.content())
                .param("url", e.url())
                .param("by", e.bySub())
                .param("byName", e.byName())
                .param("as", e.as().name())
                .query(Long.class)
                .single();
    }

    /** The evidence not withdrawn of a learner, by bloc then in the order attached. */
    List<Evidence> ofLearner(long courseId, LearnerRef learner) {
        return jdbc.sql("select " + COLUMNS + """
                         from evidence e
                        where e.course_id = :course and e.learner_id = :learner and e.withdrawn_at is null
                        order by e.bloc_code, e.id""")
                .param("course", courseId)
                .param("learner", learner.userId())
                .query(evidence(learner))
                .list();
    }

    Optional<Evidence> find(long courseId, LearnerRef learner, long id) {
        return jdbc.sql("select " + COLUMNS + """
                         from evidence e
                        where e.course_id = :course and e.learner_id = :learner and e.id = :id
                          and e.withdrawn_at is null""")
                .param("course", courseId)
                .param("learner", learner.userId())
                .param("id", id)
                .query(evidence(learner))
                .optional();
    }

    Optional<EvidenceFile> content(long courseId, long learnerId, long id) {
        return jdbc.sql("""
                        select title, content_type, content from evidence
                        where course_id = :course and learner_id = :learner and id = :id and kind = 'FILE'
                          and withdrawn_at is null""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("id", id)
                .query((rs, n) ->
                        new EvidenceFile(rs.getString("title"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    int countActive(long courseId, long learnerId) {
        return jdbc.sql("""
                        select count(*) from evidence
                        where course_id = :course and learner_id = :learner and withdrawn_at is null""")
                .param("course", courseId)
                .param("learner", learnerId)
                .query(Integer.class)
                .single();
    }

    boolean withdraw(long id, String bySub, String byName) {
        return jdbc.sql("""
                        update evidence set withdrawn_by_sub = :by, withdrawn_by_name = :byName, withdrawn_at = now()
                        where id = :id and withdrawn_at is null""")
                        .param("id", id)
                        .param("by", bySub)
                        .param("byName", byName)
                        .update()
                == 1;
    }

    void audit(
            long evidenceId, String action, String actorSub, String actorName, Evidence.AddedAs as, String requestId) {
        jdbc.sql("""
                        insert into evidence_audit (evidence_id, course_id, learner_id, action, bloc_code, criterion_code,
                            kind, title, content_type, size_bytes, sha256, url, actor_sub, actor_name, actor_as, request_id)
                        select id, course_id, learner_id, :action, bloc_code, criterion_code, kind, title, content_type,
                            size_bytes, sha256, url, :actor, :actorName, :as, :request
                        from evidence where id = :id""")
                .param("id", evidenceId)
                .param("action", action)
                .param("actor", actorSub)
                .param("actorName", actorName)
                .param("as", as.name())
                .param("request", requestId)
                .update();
    }

    /** Evidence of {@code learner}, whose LTI id {@code course} owns (not read from its table here). */
    private static RowMapper<Evidence> evidence(LearnerRef learner) {
        return (rs, n) -> new Evidence(
                rs.getLong("id"),
                learner.sub(),
                rs.getString("bloc_code"),
                rs.getString("criterion_code"),
                Evidence.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("content_type"),
                rs.getObject("size_bytes", Long.class),
                rs.getString("url"),
                rs.getString("added_by_name") != null ? rs.getString("added_by_name") : rs.getString("added_by_sub"),
                rs.getString("added_by_sub"),
                Evidence.AddedAs.valueOf(rs.getString("added_as")),
                rs.getTimestamp("added_at").toInstant());
    }
}
