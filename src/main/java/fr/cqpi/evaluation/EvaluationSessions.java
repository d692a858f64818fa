package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.shared.RequestMemo;
import fr.cqpi.shared.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation sessions of a course. One is current: judgments go there unless the evaluator names another. A
 * course's first judgment opens a default current session (an évaluation intermédiaire of that day), so that
 * launches and API clients that know nothing of sessions keep working. Évaluateurs habilités open sessions and
 * choose the current one; tutors judge in them.
 */
@Service
public class EvaluationSessions {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    public static final int MAX_LABEL_LENGTH = 200;
    private static final String COLUMNS =
            "id, kind, held_on, label, is_current, earlier_judgments, created_by_sub, created_at";

    private final JdbcClient jdbc;
    private final LearnerAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EvaluationSessions(JdbcClient jdbc, LearnerAccess access, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    /** The course's sessions, the most recent first. */
    @Transactional(readOnly = true)
    public List<EvaluationSession> list(Actor actor) {
        access.requireJudge(actor);
        return inCourse(actor.courseId());
    }

    /** Read once per page (RequestMemo): the grid, its session bar and its livret each list them. */
    List<EvaluationSession> inCourse(long courseId) {
        return RequestMemo.get(
                "evaluation-sessions:" + courseId,
                () -> List.copyOf(jdbc.sql("select " + COLUMNS + " from evaluation_session where course_id = :c"
                                + " order by held_on desc, id desc")
                        .param("c", courseId)
                        .query(EvaluationSessions::session)
                        .list()));
    }

    Optional<EvaluationSession> find(long courseId, long id) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_session where course_id = :c and id = :id")
                .param("c", courseId)
                .param("id", id)
                .query(EvaluationSessions::session)
                .optional();
    }

    /** Opens a session of the course, which becomes the current one. */
    @Transactional
    public EvaluationSession open(Actor actor, String kind, String heldOn, String label) {
        access.requireEvaluator(actor);
        SessionKind k = kind(kind);
        LocalDate day = heldOn == null || heldOn.isBlank() ? today() : day(heldOn);
        String l = label == null || label.isBlank() ? null : label.strip();
        if (l != null && (l.codePointCount(0, l.length()) > MAX_LABEL_LENGTH || !Texts.storable(l))) {
            throw new InvalidEvaluationInputException(
                    "label", "label: at most " + MAX_LABEL_LENGTH + " characters, no control character");
        }
        lockCourse(actor.courseId());
        clearCurrent(actor.courseId());
        EvaluationSession opened = jdbc.sql(
                        "insert into evaluation_session (course_id, kind, held_on, label, is_current, created_by_sub)"
                                + " values (:c, :kind, :day, :label, true, :by) returning " + COLUMNS)
                .param("c", actor.courseId())
                .param("kind", k.name())
                .param("day", day)
                .param("label", l)
                .param("by", actor.sub())
                .query(EvaluationSessions::session)
                .single();
        events.publishEvent(new EvaluationSessionOpened(actor.courseId(), opened.id(), opened.kind(), opened.heldOn()));
        return opened;
    }

    /** Makes a session of the course the current one. */
    @Transactional
    public EvaluationSession makeCurrent(Actor actor, long id) {
        access.requireEvaluator(actor);
        lockCourse(actor.courseId());
        find(actor.courseId(), id).orElseThrow(() -> new SessionNotFoundException(id));
        clearCurrent(actor.courseId());
        jdbc.sql("update evaluation_session set is_current = true where id = :id")
                .param("id", id)
                .update();
        return find(actor.courseId(), id).orElseThrow();
    }

    /** The current session of the course, if one was opened. */
    @Transactional(readOnly = true)
    public Optional<EvaluationSession> current(long courseId) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_session where course_id = :c and is_current")
                .param("c", courseId)
                .query(EvaluationSessions::session)
                .optional();
    }

    /**
     * The session a judgment goes to: the one named (of the course), else the current one, opened as an
     * évaluation intermédiaire of today when the course has none (concurrent first saves open one only).
     */
    EvaluationSession forJudgment(long courseId, Long requested, String bySub) {
        if (requested != null) {
            return find(courseId, requested)
                    .orElseThrow(() -> new InvalidEvaluationInputException(
                            "sessionId", "no evaluation session " + requested + " in this course"));
        }
        return current(courseId).orElseGet(() -> {
            lockCourse(courseId);
            jdbc.sql("""
                            insert into evaluation_session (course_id, kind, held_on, is_current, created_by_sub)
                            values (:c, 'EVALUATION_INTERMEDIAIRE', :day, true, :by)
                            on conflict (course_id) where is_current do nothing""")
                    .param("c", courseId)
                    .param("day", today())
                    .param("by", bySub)
                    .update();
            return current(courseId).orElseThrow();
        });
    }

    /** Serialises the changes of a course's current session. */
    private void lockCourse(long courseId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('evaluation_session:' || :c))")
                .param("c", courseId)
                .query()
                .singleRow();
    }

    private void clearCurrent(long courseId) {
        jdbc.sql("update evaluation_session set is_current = false where course_id = :c and is_current")
                .param("c", courseId)
                .update();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(FRANCE));
    }

    private static SessionKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidEvaluationInputException(
                    "kind", "kind is required: one of " + Arrays.toString(SessionKind.values()));
        }
        try {
            return SessionKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidEvaluationInputException(
                    "kind", "unknown kind '" + kind + "': one of " + Arrays.toString(SessionKind.values()));
        }
    }

    private static LocalDate day(String value) {
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw new InvalidEvaluationInputException("heldOn", "heldOn must be a date from 2000 to 2100");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new InvalidEvaluationInputException("heldOn", "heldOn must be a date YYYY-MM-DD");
        }
    }

    private static EvaluationSession session(ResultSet rs, int n) throws SQLException {
        return new EvaluationSession(
                rs.getLong("id"),
                SessionKind.valueOf(rs.getString("kind")),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("label"),
                rs.getBoolean("is_current"),
                rs.getBoolean("earlier_judgments"),
                rs.getString("created_by_sub"),
                rs.getTimestamp("created_at").toInstant());
    }
}
