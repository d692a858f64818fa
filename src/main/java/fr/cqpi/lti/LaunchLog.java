package fr.cqpi.lti;

import fr.cqpi.shared.Texts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The recent launches, accepted or refused, for the administrator: when, which platform and course, which role, the
 * outcome and, for a refusal, its reason. Never a token, a nonce, a state or a person's name. Only the newest
 * {@link #KEPT} rows are kept, so an unknown site sending refused launches cannot fill the database.
 */
@Service
public class LaunchLog {

    private static final Logger log = LoggerFactory.getLogger(LaunchLog.class);
    static final int KEPT = 2000;
    static final String ACCEPTED = "ACCEPTED";
    private static final int TEXT = 200;

    /** One line of the log; {@code refusal} is null for an accepted launch. */
    public record Entry(
            Instant at,
            Long platformId,
            String platformName,
            String issuer,
            String contextId,
            String courseTitle,
            String role,
            String messageType,
            LaunchRefusal refusal,
            String detail) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    private final JdbcClient jdbc;
    private final AtomicInteger sincePruned = new AtomicInteger();

    LaunchLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An accepted launch, written in the same statement as the platform's last launch (a launch's statements are
     * counted by LaunchCostTest). The platform's date changes at most once a minute: every launch of a platform would
     * otherwise update (and lock until its commit) the same row, one launch after the other.
     */
    void accepted(LaunchContext launch) {
        jdbc.sql("""
                        with logged as (
                            insert into launch_log (platform_id, context_id, course_title, role, message_type, outcome)
                            values (:platform, :context, :title, :role, :type, 'ACCEPTED'))
                        update platform set last_launch_at = now()
                        where id = :platform and (last_launch_at is null or last_launch_at < now() - interval '1 minute')""")
                .param("platform", launch.platformId())
                .param("context", bounded(launch.contextId()))
                .param("title", bounded(launch.courseTitle()))
                .param("role", launch.role() == null ? null : launch.role().name())
                .param("type", bounded(launch.messageType()))
                .update();
    }

    /** A refused launch; never fails the refusal's page. */
    void refused(Long platformId, String claimedIssuer, LaunchRefusal refusal, String detail) {
        try {
            insert(
                    platformId,
                    platformId == null ? claimedIssuer : null,
                    null,
                    null,
                    null,
                    null,
                    refusal.name(),
                    detail);
        } catch (RuntimeException e) {
            log.warn("Refused launch not logged: {}", e.toString());
        }
    }

    private void insert(
            Long platformId,
            String issuer,
            String contextId,
            String courseTitle,
            String role,
            String messageType,
            String outcome,
            String detail) {
        jdbc.sql("""
                        insert into launch_log (platform_id, issuer, context_id, course_title, role, message_type, outcome, detail)
                        values (:platform, :issuer, :context, :title, :role, :type, :outcome, :detail)""")
                .param("platform", platformId)
                .param("issuer", bounded(issuer))
                .param("context", bounded(contextId))
                .param("title", bounded(courseTitle))
                .param("role", role)
                .param("type", bounded(messageType))
                .param("outcome", outcome)
                .param("detail", bounded(detail))
                .update();
        if (sincePruned.incrementAndGet() >= 100) {
            sincePruned.set(0);
            prune();
        }
    }

    /** Keeps the newest {@link #KEPT} rows (after refusals here, and every ten minutes by the purge). */
    void prune() {
        jdbc.sql("""
                        delete from launch_log where id <= (select id from launch_log order by id desc offset :kept limit 1)""").param("kept", KEPT).update();
    }

    private static String bounded(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Texts.clean(text.strip(), TEXT);
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return jdbc.sql("""
                        select l.at, l.platform_id, p.name, l.issuer, l.context_id, l.course_title, l.role, l.message_type,
                            l.outcome, l.detail
                        from launch_log l left join platform p on p.id = l.platform_id
                        order by l.at desc, l.id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    LaunchRefusal refusal = ACCEPTED.equals(outcome) ? null : refusal(outcome);
                    Timestamp at = rs.getTimestamp("at");
                    long platform = rs.getLong("platform_id");
                    return new Entry(
                            at.toInstant(),
                            rs.wasNull() ? null : platform,
                            rs.getString("name"),
                            rs.getString("issuer"),
                            rs.getString("context_id"),
                            rs.getString("course_title"),
                            rs.getString("role"),
                            rs.getString("message_type"),
                            refusal,
                            rs.getString("detail"));
                })
                .list();
    }

    private static LaunchRefusal refusal(String name) {
        try {
            return LaunchRefusal.valueOf(name);
        } catch (IllegalArgumentException e) {
            return LaunchRefusal.PLATFORM_ERROR;
        }
    }
}
