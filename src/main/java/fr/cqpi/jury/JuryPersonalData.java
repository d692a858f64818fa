package fr.cqpi.jury;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import fr.cqpi.personaldata.Training;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The jury's sessions, decisions and recours: part of the certification's record. A decision is kept for the jury
 * period; past it, only what verification needs stays (candidate, bloc, outcome, date): motives, préconisations,
 * recours grounds, members' names and who recorded them are cleared. An erasure keeps decisions and recours.
 */
@Component
class JuryPersonalData implements PersonalData {

    /** What replaces a cleared text where the column may not be empty. */
    static final String CLEARED = "-";

    private final JdbcClient jdbc;

    JuryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "jury";
    }

    @Override
    public Map<Training, Instant> lastActivities() {
        Map<Training, Instant> last = new HashMap<>();
        jdbc.sql("""
                        select course_id, learner_id, max(at) as at from (
                            select course_id, learner_id, decided_at as at from jury_decision
                            union all select course_id, learner_id, recorded_at from jury_recours) a
                        group by course_id, learner_id""").query(rs -> {
            last.put(
                    new Training(rs.getLong("course_id"), rs.getLong("learner_id")),
                    rs.getTimestamp("at").toInstant());
        });
        return last;
    }

    /** A recours not yet decided, or a bloc whose standing decision adjourns the candidate: evaluation goes on. */
    @Override
    public Set<Training> retentionHolds() {
        Set<Training> holds = new HashSet<>();
        jdbc.sql("""
                        select r.course_id, r.learner_id from jury_recours r
                        where not exists (select 1 from jury_decision d where d.recours_id = r.id)
                        union
                        select course_id, learner_id from (
                            select distinct on (course_id, learner_id, bloc_code) course_id, learner_id, outcome
                            from jury_decision order by course_id, learner_id, bloc_code, id desc) latest
                        where outcome = 'AJOURNE'""").query(rs -> {
            holds.add(new Training(rs.getLong("course_id"), rs.getLong("learner_id")));
        });
        return holds;
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        Timestamp before = Timestamp.from(run.cutoff(run.periods().juryDecisions()));
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put(
                "jury_decision_cleared",
                jdbc.sql("""
                                update jury_decision set reason = :cleared, preconisations = null,
                                       decided_by_sub = :cleared, decided_by_name = null, request_id = null
                                where decided_at < :t and decided_by_sub <> :cleared""").param("cleared", CLEARED).param("t", before).update());
        purged.put(
                "jury_recours_cleared",
                jdbc.sql("""
                                update jury_recours set grounds = :cleared, recorded_by_sub = :cleared
                                where recorded_at < :t and recorded_by_sub <> :cleared""").param("cleared", CLEARED).param("t", before).update());
        purged.put(
                "jury_session_cleared",
                jdbc.sql("""
                                update jury_session set created_by_sub = :cleared
                                where created_at < :t and created_by_sub <> :cleared""").param("cleared", CLEARED).param("t", before).update());
        jdbc.sql("""
                        update jury_member set name = :cleared where name <> :cleared
                        and session_id in (select id from jury_session where created_at < :t)""").param("cleared", CLEARED).param("t", before).update();
        return purged;
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "candidacies", jdbc.sql("""
                                select s.course_id, s.held_on, s.place from jury_candidate c
                                join jury_session s on s.id = c.session_id where c.learner_id = :l order by s.held_on""").param("l", person.userId()).query().listOfRows());
        data.put("decisions", jdbc.sql("""
                                select d.course_id, d.referentiel_code, d.bloc_code, d.outcome, d.votes_for,
                                       d.votes_against, d.votes_abstention, d.casting_vote, d.reason,
                                       d.preconisations, d.proposition, d.decided_by_name, d.decided_at,
                                       s.held_on as session_held_on
                                from jury_decision d join jury_session s on s.id = d.session_id
                                where d.learner_id = :l order by d.id""").param("l", person.userId()).query().listOfRows());
        data.put("recours", jdbc.sql("""
                                select course_id, bloc_code, filed_on, grounds, recorded_at from jury_recours
                                where learner_id = :l order by id""").param("l", person.userId()).query().listOfRows());
        archive.section(name(), data);
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        int authored = jdbc.sql("update jury_decision set decided_by_sub = :p, decided_by_name = null"
                                + " where decided_by_sub = :s and " + PersonRef.inCourses("course_id"))
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update()
                + jdbc.sql("update jury_recours set recorded_by_sub = :p where recorded_by_sub = :s and "
                                + PersonRef.inCourses("course_id"))
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update()
                + jdbc.sql("update jury_session set created_by_sub = :p where created_by_sub = :s and "
                                + PersonRef.inCourses("course_id"))
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update();
        return Map.of("jury_authored", authored);
    }

    @Override
    public List<String> kept() {
        return List.of("privacy.kept.jury");
    }
}
