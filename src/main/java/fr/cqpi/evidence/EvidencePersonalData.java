package fr.cqpi.evidence;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import fr.cqpi.personaldata.Training;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence files and links and their history: kept for the evidence period of a training; a withdrawn item for its
 * own (short) period after the withdrawal.
 */
@Component
class EvidencePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    EvidencePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public Map<Training, Instant> lastActivities() {
        Map<Training, Instant> last = new HashMap<>();
        jdbc.sql("""
                        select course_id, learner_id, max(greatest(added_at, withdrawn_at)) as at from evidence
                        group by course_id, learner_id""").query(rs -> {
            last.put(
                    new Training(rs.getLong("course_id"), rs.getLong("learner_id")),
                    rs.getTimestamp("at").toInstant());
        });
        return last;
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        Timestamp withdrawnBefore = Timestamp.from(run.cutoff(run.periods().withdrawnEvidence()));
        jdbc.sql("delete from evidence_audit where evidence_id in (select id from evidence where withdrawn_at < :t)")
                .param("t", withdrawnBefore)
                .update();
        purged.put(
                "evidence_withdrawn",
                jdbc.sql("delete from evidence where withdrawn_at < :t")
                        .param("t", withdrawnBefore)
                        .update());
        List<Training> ended = run.endedBefore(run.periods().evidence());
        int items = 0;
        if (!ended.isEmpty()) {
            jdbc.sql("delete from evidence_audit where " + Training.in("course_id", "learner_id"))
                    .param("courses", Training.courses(ended))
                    .param("learners", Training.learners(ended))
                    .update();
            items = jdbc.sql("delete from evidence where " + Training.in("course_id", "learner_id"))
                    .param("courses", Training.courses(ended))
                    .param("learners", Training.learners(ended))
                    .update();
        }
        purged.put("evidence", items);
        return purged;
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) throws IOException {
        List<Map<String, Object>> items =
                jdbc.sql("""
                        select id, course_id, referentiel_code, bloc_code, criterion_code, kind, title, content_type,
                               size_bytes, sha256, url, added_by_name, added_as, added_at, withdrawn_by_name,
                               withdrawn_at
                        from evidence where learner_id = :l order by id""").param("l", person.userId()).query().listOfRows();
        for (Map<String, Object> item : items) {
            if (!"FILE".equals(item.get("kind"))) {
                continue;
            }
            long id = ((Number) item.get("id")).longValue();
            // One file in memory at a time (at most cqpi.evidence.max-file-size), written to the archive at once.
            byte[] content = jdbc.sql("select content from evidence where id = :id")
                    .param("id", id)
                    .query(byte[].class)
                    .single();
            String extension = FileType.ofContentType((String) item.get("content_type"))
                    .map(FileType::extension)
                    .orElse("bin");
            String path = "evidence/" + id + "." + extension;
            archive.file(path, content);
            item.put("file", path);
        }
        archive.section(name(), Map.of("items", items));
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        jdbc.sql("delete from evidence_audit where learner_id = :l")
                .param("l", person.userId())
                .update();
        erased.put(
                "evidence",
                jdbc.sql("delete from evidence where learner_id = :l")
                        .param("l", person.userId())
                        .update());
        erased.put(
                "evidence_authored",
                replace("evidence", "added_by_sub", "added_by_name", person)
                        + replace("evidence", "withdrawn_by_sub", "withdrawn_by_name", person)
                        + replace("evidence_audit", "actor_sub", "actor_name", person));
        return erased;
    }

    private int replace(String table, String subColumn, String nameColumn, PersonRef person) {
        return jdbc.sql("update " + table + " set " + subColumn + " = :p, " + nameColumn + " = null where " + subColumn
                        + " = :s and " + PersonRef.inCourses("course_id"))
                .param("p", person.pseudonym())
                .param("s", person.sub())
                .param("courses", person.courses())
                .update();
    }
}
