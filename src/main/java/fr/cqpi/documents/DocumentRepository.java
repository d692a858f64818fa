package fr.cqpi.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

@Repository
class DocumentRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DocumentRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored document; {@code learnerId} is the holder's user id in the tool (null for a procès-verbal). */
    record Row(
            long id,
            String number,
            String token,
            DocumentKind kind,
            long courseId,
            Long learnerId,
            Long juryId,
            String locale,
            String issuedBy,
            Instant issuedAt,
            String pdfSha256) {}

    long nextSerial() {
        return jdbc.sql("select nextval('issued_document_number_seq')")
                .query(Long.class)
                .single();
    }

    void insert(
            String number,
            String token,
            DocumentKind kind,
            long courseId,
            Long learnerId,
            Long juryId,
            String locale,
            DocumentFacts facts,
            byte[] pdf,
            String sha256,
            String bySub,
            String byName,
            Instant at) {
        jdbc.sql("""
                        insert into issued_document (number, token, kind, course_id, learner_id, jury_session_id, locale,
                            facts, pdf, pdf_sha256, issued_by_sub, issued_by_name, issued_at)
                        values (:number, :token, :kind, :course, :learner, :jury, :locale, cast(:facts as jsonb), :pdf,
                            :sha, :bySub, :byName, :at)""")
                .param("number", number)
                .param("token", token)
                .param("kind", kind.name())
                .param("course", courseId)
                .param("learner", learnerId)
                .param("jury", juryId)
                .param("locale", locale)
                .param("facts", write(facts))
                .param("pdf", pdf)
                .param("sha", sha256)
                .param("bySub", bySub)
                .param("byName", byName)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    private static final String COLUMNS = """
            select d.id, d.number, d.token, d.kind, d.course_id, d.learner_id, d.jury_session_id, d.locale,
                d.issued_by_name, d.issued_at, d.pdf_sha256
            from issued_document d""";

    List<Row> ofLearner(long courseId, long learnerId) {
        return jdbc.sql(COLUMNS + " where d.course_id = :course and d.learner_id = :learner order by d.id desc")
                .param("course", courseId)
                .param("learner", learnerId)
                .query(DocumentRepository::row)
                .list();
    }

    List<Row> ofSession(long courseId, long sessionId) {
        return jdbc.sql(COLUMNS + " where d.course_id = :course and d.jury_session_id = :jury order by d.id desc")
                .param("course", courseId)
                .param("jury", sessionId)
                .query(DocumentRepository::row)
                .list();
    }

    Optional<Row> inCourse(long courseId, String number) {
        return jdbc.sql(COLUMNS + " where d.course_id = :course and d.number = :number")
                .param("course", courseId)
                .param("number", number)
                .query(DocumentRepository::row)
                .optional();
    }

    Optional<Row> byNumber(String number) {
        return jdbc.sql(COLUMNS + " where d.number = :number")
                .param("number", number)
                .query(DocumentRepository::row)
                .optional();
    }

    byte[] pdf(long id) {
        return jdbc.sql("select pdf from issued_document where id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    DocumentFacts facts(long id) {
        String text = jdbc.sql("select facts::text from issued_document where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        try {
            return json.readValue(text, DocumentFacts.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("unreadable facts of document " + id, e);
        }
    }

    private String write(DocumentFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("token"),
                DocumentKind.valueOf(rs.getString("kind")),
                rs.getLong("course_id"),
                rs.getObject("learner_id", Long.class),
                rs.getObject("jury_session_id", Long.class),
                rs.getString("locale"),
                rs.getString("issued_by_name"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getString("pdf_sha256"));
    }
}
