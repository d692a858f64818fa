package fr.cqpi.lti;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The launch log (no identity, kept for its period) and the sessions of a person (their launch context: name,
 * e-mail, LTI id), ended when the person is erased.
 */
@Component
class LtiPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    LtiPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "lti";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        return Map.of(
                "launch_log",
                jdbc.sql("delete from launch_log where at < :t")
                        .param("t", Timestamp.from(run.cutoff(run.periods().launchLog())))
                        .update());
    }

    /** The launch log names no one, and a session lasts minutes: nothing to give back. */
    @Override
    public void export(PersonRef person, PersonalArchive archive) {}

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        return Map.of(
                "spring_session",
                jdbc.sql("delete from spring_session where principal_name = :name")
                        .param("name", LaunchAuthentication.principalName(person.platformId(), person.sub()))
                        .update());
    }
}
