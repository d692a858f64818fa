package fr.cqpi.notifications;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox holds addresses and the parameters of each message (names among them): a notification no longer to be
 * sent is deleted after its period; a person's are found by their address, and by their user id where the message's
 * coalescing key ends with it (the messages about one learner or to one evaluator).
 */
@Component
class NotificationsPersonalData implements PersonalData {

    /** The types whose coalescing key ends with {@code :<lti_user id>} of the person told. */
    private static final List<String> KEYED_BY_USER =
            List.of(DocumentIssuedMail.TYPE, JuryDecisionMail.TYPE, DivergencesBeforeJuryMail.TYPE);

    private static final String THE_PERSONS = """
            (lower(recipient) = lower(cast(:email as text))
             or (type = any(string_to_array(:keyed, ',')) and coalesce_key like '%:' || :user))""";

    private final JdbcClient jdbc;

    NotificationsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        return Map.of(
                "notification",
                jdbc.sql("delete from notification where status <> 'PENDING' and updated_at < :cutoff")
                        .param("cutoff", Timestamp.from(run.cutoff(run.periods().notifications())))
                        .update());
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        archive.section(
                name(),
                Map.of(
                        "sent",
                        jdbc.sql("select type, status, created_at, sent_at, updated_at from notification where "
                                        + THE_PERSONS + " order by created_at, id")
                                .param("email", person.email())
                                .param("keyed", String.join(",", KEYED_BY_USER))
                                .param("user", Long.toString(person.userId()))
                                .query()
                                .listOfRows()));
    }

    /** Pending ones included: nothing is sent to an erased person (new ones find no address: NO_ADDRESS). */
    @Override
    public Map<String, Integer> erase(PersonRef person) {
        return Map.of(
                "notification",
                jdbc.sql("delete from notification where " + THE_PERSONS)
                        .param("email", person.email())
                        .param("keyed", String.join(",", KEYED_BY_USER))
                        .param("user", Long.toString(person.userId()))
                        .update());
    }
}
