package fr.cqpi.notifications;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The only place that reads or changes the {@code notification} table. */
@Repository
class NotificationStore {

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NotificationStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds a notification in the caller's transaction. With a {@code coalesceKey}, a pending one with that key takes
     * the new parameters instead (one message tells what happened since it was written).
     */
    void add(String type, Recipient to, Map<String, String> params, String coalesceKey, String messageId) {
        jdbc.sql("""
                        insert into notification (type, recipient, locale, params, coalesce_key, status, message_id)
                        values (:type, :recipient, :locale, cast(:params as jsonb), :key, :status, :messageId)
                        on conflict (coalesce_key) where status = 'PENDING'
                        do update set params = excluded.params, locale = excluded.locale, updated_at = now()""")
                .param("type", type)
                .param("recipient", to.email())
                .param("locale", to.locale().toLanguageTag())
                .param("params", json.writeValueAsString(params))
                .param("key", coalesceKey)
                .param(
                        "status",
                        (to.email() == null ? NotificationStatus.NO_ADDRESS : NotificationStatus.PENDING).name())
                .param("messageId", messageId)
                .update();
    }

    /**
     * Takes the next due notification for this transaction: locked until it commits, skipped by every other
     * instance meanwhile, and taken again by any of them if this one dies before committing.
     */
    Optional<Claimed> claimNext() {
        return jdbc.sql("""
                        select id, type, recipient, locale, params::text, message_id, attempts, first_failure_at is not null
                        from notification where status = 'PENDING' and due_at <= now()
                        order by due_at, id limit 1 for update skip locked""")
                .query((rs, n) -> new Claimed(
                        new Notification(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                Locale.forLanguageTag(rs.getString(4)),
                                json.readValue(rs.getString(5), PARAMS),
                                rs.getString(6)),
                        rs.getInt(7)))
                .optional();
    }

    record Claimed(Notification notification, int attempts) {}

    void markSent(long id) {
        finish(id, NotificationStatus.SENT, null);
    }

    void cancel(long id) {
        finish(id, NotificationStatus.CANCELLED, null);
    }

    void markFailed(long id, String error) {
        finish(id, NotificationStatus.FAILED, error);
    }

    private void finish(long id, NotificationStatus status, String error) {
        jdbc.sql("""
                        update notification set status = :status, last_error = coalesce(:error, last_error),
                            sent_at = case when :status = 'SENT' then now() end, updated_at = now()
                        where id = :id""")
                .param("id", id)
                .param("status", status.name())
                .param("error", error)
                .update();
    }

    /** A failed try: due again after {@code delay}. @return whether it has been failing for longer than {@code giveUpAfter} */
    boolean retryLater(long id, Duration delay, String error, Duration giveUpAfter) {
        return jdbc.sql("""
                        update notification set attempts = attempts + 1, last_error = :error, updated_at = now(),
                            first_failure_at = coalesce(first_failure_at, now()),
                            due_at = now() + cast(:delay as interval)
                        where id = :id
                        returning first_failure_at < now() - cast(:giveUp as interval)""")
                .param("id", id)
                .param("error", error)
                .param("delay", delay.toMillis() + " milliseconds")
                .param("giveUp", giveUpAfter.toMillis() + " milliseconds")
                .query(Boolean.class)
                .single();
    }

    long count(NotificationStatus status) {
        return jdbc.sql("select count(*) from notification where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }
}
