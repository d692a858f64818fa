package fr.cqpi.gradesync;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import fr.cqpi.personaldata.Training;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The results sent to the platform's gradebook (grade outbox): kept as long as the judgments they come from. */
@Component
class GradeSyncPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    GradeSyncPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "gradesync";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        List<Training> ended = run.endedBefore(run.periods().evaluation());
        if (ended.isEmpty()) {
            return Map.of("grade_outbox", 0);
        }
        return Map.of(
                "grade_outbox",
                jdbc.sql("delete from grade_outbox where " + Training.in("course_id", "learner_id"))
                        .param("courses", Training.courses(ended))
                        .param("learners", Training.learners(ended))
                        .update());
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        archive.section(
                name(),
                Map.of(
                        "resultsSentToThePlatform",
                        jdbc.sql("""
                                        select course_id, bloc_code, status, sent_score, sent_state, sent_at,
                                               last_error
                                        from grade_outbox where learner_id = :l order by course_id, bloc_code""").param("l", person.userId()).query().listOfRows()));
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        return Map.of(
                "grade_outbox",
                jdbc.sql("delete from grade_outbox where learner_id = :l")
                        .param("l", person.userId())
                        .update());
    }
}
