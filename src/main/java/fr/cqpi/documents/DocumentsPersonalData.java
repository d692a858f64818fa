package fr.cqpi.documents;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of issued documents: kept whole (number, facts, PDF) for as long as a document must stay verifiable;
 * an erasure replaces only who issued it.
 */
@Component
class DocumentsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DocumentsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        return Map.of();
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) throws IOException {
        List<Map<String, Object>> documents =
                jdbc.sql("""
                        select id, number, kind, course_id, locale, facts::text as facts, pdf_sha256, issued_by_name,
                               issued_at
                        from issued_document where learner_id = :l order by id""").param("l", person.userId()).query().listOfRows();
        for (Map<String, Object> document : documents) {
            long id = ((Number) document.remove("id")).longValue();
            byte[] pdf = jdbc.sql("select pdf from issued_document where id = :id")
                    .param("id", id)
                    .query(byte[].class)
                    .single();
            String path = "documents/" + document.get("number") + ".pdf";
            archive.file(path, pdf);
            document.put("file", path);
        }
        archive.section(name(), Map.of("issued", documents));
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        return Map.of(
                "issued_document_authored",
                jdbc.sql("update issued_document set issued_by_sub = :p, issued_by_name = null where issued_by_sub = :s"
                                + " and " + PersonRef.inCourses("course_id"))
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update());
    }

    @Override
    public List<String> kept() {
        return List.of("privacy.kept.documents");
    }
}
