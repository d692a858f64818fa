package fr.cqpi.jury;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The blocs whose standing decision (the latest on the bloc) is VALIDE, with the decision and the jury session that
 * took it: what a credential of the bloc states. Read-only, for the other modules.
 */
@Service
public class ValidatedBlocs {

    /** A bloc validated by a jury: the decision that stands, its session and the day that session sat. */
    public record ValidatedBloc(
            long decisionId,
            long courseId,
            long learnerId,
            String blocCode,
            String referentielCode,
            long sessionId,
            LocalDate juryDate,
            String juryPlace,
            Instant decidedAt) {}

    private static final String STANDING = """
            select * from (
                select distinct on (d.course_id, d.learner_id, d.bloc_code)
                    d.id, d.course_id, d.learner_id, d.bloc_code, d.referentiel_code, d.outcome, d.session_id,
                    s.held_on, s.place, d.decided_at
                from jury_decision d join jury_session s on s.id = d.session_id
                where %s
                order by d.course_id, d.learner_id, d.bloc_code, d.id desc) standing
            where outcome = 'VALIDE'
            order by id""";

    private final JdbcClient jdbc;

    ValidatedBlocs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bloc's standing decision if it is VALIDE. */
    public Optional<ValidatedBloc> standing(long courseId, long learnerId, String blocCode) {
        return jdbc.sql(STANDING.formatted("d.course_id = :course and d.learner_id = :learner and d.bloc_code = :bloc"))
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .query(ValidatedBlocs::row)
                .optional();
    }

    /** Every bloc of every course whose standing decision is VALIDE, oldest decision first. */
    public List<ValidatedBloc> all() {
        return jdbc.sql(STANDING.formatted("true")).query(ValidatedBlocs::row).list();
    }

    private static ValidatedBloc row(ResultSet rs, int n) throws SQLException {
        return new ValidatedBloc(
                rs.getLong("id"),
                rs.getLong("course_id"),
                rs.getLong("learner_id"),
                rs.getString("bloc_code"),
                rs.getString("referentiel_code"),
                rs.getLong("session_id"),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("place"),
                rs.getTimestamp("decided_at").toInstant());
    }
}
