package fr.cqpi.evaluation;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import fr.cqpi.personaldata.Training;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Judgments, their comments and history, and evaluation sessions: kept for the evaluation period of a training. */
@Component
class EvaluationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    EvaluationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Map<Training, Instant> lastActivities() {
        Map<Training, Instant> last = new HashMap<>();
        jdbc.sql("select course_id, learner_id, max(updated_at) as at from judgment group by course_id, learner_id")
                .query(rs -> {
                    last.put(
                            new Training(rs.getLong("course_id"), rs.getLong("learner_id")),
                            rs.getTimestamp("at").toInstant());
                });
        return last;
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        List<Training> ended = run.endedBefore(run.periods().evaluation());
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("judgment_audit", deleteOf("judgment_audit", ended));
        purged.put("judgment", deleteOf("judgment", ended));
        purged.put("livret_signature", deleteOf("livret_signature", ended));
        // A past session that no judgment names any more (never the course's current one).
        purged.put(
                "evaluation_session",
                jdbc.sql("""
                                delete from evaluation_session s where not s.is_current and s.created_at < :cutoff
                                and not exists (select 1 from judgment j where j.session_id = s.id)
                                and not exists (select 1 from judgment_audit a where a.session_id = s.id)
                                and not exists (select 1 from livret_signature l where l.session_id = s.id)""")
                        .param(
                                "cutoff",
                                java.sql.Timestamp.from(run.cutoff(run.periods().evaluation())))
                        .update());
        return purged;
    }

    private int deleteOf(String table, List<Training> trainings) {
        if (trainings.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from " + table + " where " + Training.in("course_id", "learner_id"))
                .param("courses", Training.courses(trainings))
                .param("learners", Training.learners(trainings))
                .update();
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("judgments", jdbc.sql("""
                                select j.course_id, j.referentiel_code, j.criterion_code, j.evaluator_role, j.status,
                                       j.modality, j.comment, j.updated_by_name, j.updated_at, s.kind as session_kind,
                                       s.held_on as session_held_on
                                from judgment j left join evaluation_session s on s.id = j.session_id
                                where j.learner_id = :l order by j.course_id, j.criterion_code, j.evaluator_role""").param("l", person.userId()).query().listOfRows());
        data.put("history", jdbc.sql("""
                                select course_id, criterion_code, evaluator_role, before_status, before_modality,
                                       before_comment, after_status, after_modality, after_comment, evaluator_name,
                                       changed_at
                                from judgment_audit where learner_id = :l order by changed_at, id""").param("l", person.userId()).query().listOfRows());
        data.put(
                "livretSignatures",
                jdbc.sql("""
                                select course_id, session_id, signer_role, signer_name, typed_signature, signed_at
                                from livret_signature where learner_id = :l order by signed_at, id""").param("l", person.userId()).query().listOfRows());
        // As an evaluator or tuteur: how many judgments they recorded, not the learners' data.
        data.put(
                "judgmentsRecordedAsEvaluator",
                jdbc.sql("select count(*) from judgment_audit where evaluator_sub = :s and "
                                + PersonRef.inCourses("course_id"))
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .query(Long.class)
                        .single());
        archive.section(name(), data);
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put(
                "judgment_audit",
                jdbc.sql("delete from judgment_audit where learner_id = :l")
                        .param("l", person.userId())
                        .update());
        erased.put(
                "judgment",
                jdbc.sql("delete from judgment where learner_id = :l")
                        .param("l", person.userId())
                        .update());
        erased.put(
                "judgment_authored",
                replace("judgment", "updated_by_sub", "updated_by_name", person)
                        + replace("judgment_audit", "evaluator_sub", "evaluator_name", person));
        erased.put(
                "livret_signature",
                jdbc.sql("delete from livret_signature where learner_id = :l")
                        .param("l", person.userId())
                        .update());
        // Signatures they gave on others' livrets: the fact stays (the livret was signed), not who they were.
        erased.put(
                "livret_signature_signed",
                jdbc.sql("update livret_signature set signer_sub = :p, signer_name = :p, typed_signature = :p"
                                + " where signer_sub = :s and " + PersonRef.inCourses("course_id"))
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update());
        erased.put(
                "evaluation_session_authored",
                jdbc.sql("update evaluation_session set created_by_sub = :p where created_by_sub = :s and "
                                + PersonRef.inCourses("course_id"))
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update());
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
