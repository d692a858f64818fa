package fr.cqpi.gradesync;

import static fr.cqpi.shared.SqlInstants.instant;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grade-sync outbox, one row per learner and bloc (or the activity's own column): the only place that
 * reads or changes {@code grade_outbox}. A row is PENDING while a state waits, SENT when the current state is in
 * the gradebook, FAILED when retrying cannot help; {@code change_seq} tells whether it changed during a send.
 */
@Repository
class Outbox {

    /**
     * When a row may be sent again: now, but never in the same whole second as its last score, so that the next
     * timestamp can be later than that one without being in the future.
     */
    private static final String NEXT_DUE =
            "greatest(now(), coalesce(date_trunc('second', grade_outbox.score_timestamp) + interval '1 second', now()))";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row claimed for sending. */
    record Claimed(
            long id,
            long platformId,
            long courseId,
            long learnerId,
            String blocCode,
            long seq,
            int attempts,
            Instant firstFailureAt,
            Instant lastTimestamp) {}

    /** A row as the sync page shows it (the learner by id: the course module knows their names). */
    record Entry(long learnerId, Delivery delivery) {}

    /** A score the platform accepted. */
    record Sent(long id, long seq, String score, String state, Instant timestamp) {}

    /** A platform's refusal as stored: its HTTP status and message. */
    record Refusal(int status, String message, Instant at) {}

    /** Marks a learner's bloc to be sent; in the caller's transaction (the judgment's). */
    void markDirty(long platformId, long courseId, long learnerId, String blocCode) {
        jdbc.sql("""
                        insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status)
                        values (:platform, :course, :learner, :bloc, :pending)
                        on conflict (course_id, learner_id, bloc_code) do update set status = :pending,
                            change_seq = grade_outbox.change_seq + 1, changed_at = now(), due_at = %s, attempts = 0,
                            first_failure_at = null, last_error = null""".formatted(NEXT_DUE))
                .param("platform", platformId)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .param("pending", OutboxStatus.PENDING.name())
                .update();
    }

    /**
     * Adds the overall-result row of every learner who has a bloc row and none yet (the activity's column appeared
     * after their blocs were sent). @return rows added
     */
    int addActivityRows(long courseId, String activityCode) {
        return jdbc.sql("""
                        insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status)
                        select distinct platform_id, course_id, learner_id, :activity, :pending from grade_outbox
                        where course_id = :course and bloc_code <> :activity
                        on conflict (course_id, learner_id, bloc_code) do nothing""")
                .param("course", courseId)
                .param("activity", activityCode)
                .param("pending", OutboxStatus.PENDING.name())
                .update();
    }

    /**
     * The platforms with rows due and not claimed, in one pass over the index per platform (a loose index scan: a
     * few probes, however many rows wait).
     */
    List<Long> platformsWithDueRows() {
        return jdbc.sql("""
                        with recursive due(platform_id) as (
                            select min(platform_id) from grade_outbox
                            where status = :pending and due_at <= now() and (claimed_until is null or claimed_until < now())
                          union all
                            select (select min(o.platform_id) from grade_outbox o
                                    where o.status = :pending and o.platform_id > due.platform_id and o.due_at <= now()
                                      and (o.claimed_until is null or o.claimed_until < now()))
                            from due where due.platform_id is not null)
                        select platform_id from due where platform_id is not null""")
                .param("pending", OutboxStatus.PENDING.name())
                .query(Long.class)
                .list();
    }

    /**
     * Claims a platform's due rows for this instance, oldest first; the lease lets another instance take them over if
     * this one dies.
     */
    List<Claimed> claim(long platformId, int max, Duration lease) {
        return jdbc.sql("""
                        update grade_outbox set claimed_until = now() + cast(:lease as interval), claimed_seq = change_seq
                        where id in (select id from grade_outbox
                                     where platform_id = :platform and status = :pending and due_at <= now()
                                       and (claimed_until is null or claimed_until < now())
                                     order by due_at limit :max for update skip locked)
                        returning id, platform_id, course_id, learner_id, bloc_code, change_seq, attempts,
                                  first_failure_at, score_timestamp""")
                .param("lease", lease.toSeconds() + " seconds")
                .param("platform", platformId)
                .param("max", max)
                .param("pending", OutboxStatus.PENDING.name())
                .query((rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        instant(rs, 8),
                        instant(rs, 9)))
                .list();
    }

    /** Marks sent rows in one statement; a row that changed during its send stays PENDING. */
    void markSent(List<Sent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update grade_outbox o set status = case when o.change_seq = v.seq then :sent else :pending end,
                            sent_at = now(), sent_seq = v.seq, sent_score = cast(v.score as numeric), sent_state = v.state,
                            score_timestamp = v.ts, attempts = 0, first_failure_at = null, last_error = null,
                            claimed_until = null,
                            due_at = greatest(now(), date_trunc('second', v.ts) + interval '1 second')
                        from unnest(cast(:ids as bigint[]), cast(:seqs as bigint[]), cast(:scores as text[]),
                                    cast(:states as text[]), cast(:timestamps as timestamptz[])) as v(id, seq, score, state, ts)
                        where o.id = v.id""")
                .param("ids", batch.stream().map(Sent::id).toArray(Long[]::new))
                .param("seqs", batch.stream().map(Sent::seq).toArray(Long[]::new))
                .param("scores", batch.stream().map(Sent::score).toArray(String[]::new))
                .param("states", batch.stream().map(Sent::state).toArray(String[]::new))
                .param(
                        "timestamps",
                        batch.stream().map(s -> Timestamp.from(s.timestamp())).toArray(Timestamp[]::new))
                .param("sent", OutboxStatus.SENT.name())
                .param("pending", OutboxStatus.PENDING.name())
                .update();
    }

    /**
     * A failed try that another may fix: due again after {@code delay}. {@code countsTowardsGivingUp} is false for
     * a refused timestamp, which a later timestamp always fixes.
     */
    void retryLater(
            Claimed row, Instant timestamp, Duration delay, PlatformCallException e, boolean countsTowardsGivingUp) {
        jdbc.sql("""
                        update grade_outbox set attempts = attempts + 1,
                            first_failure_at = case when :counts then coalesce(first_failure_at, now()) else first_failure_at end,
                            last_error = :error, claimed_until = null,
                            score_timestamp = coalesce(cast(:ts as timestamptz), score_timestamp),
                            refusal_status = case when :status > 0 then :status else refusal_status end,
                            refusal = case when :status > 0 then :error else refusal end,
                            refused_at = case when :status > 0 then now() else refused_at end,
                            due_at = greatest(now() + cast(:delay as interval),
                                              coalesce(date_trunc('second', cast(:ts as timestamptz)) + interval '1 second', now()))
                        where id = :id""")
                .param("id", row.id())
                .param("counts", countsTowardsGivingUp)
                .param("error", e.getMessage())
                .param("ts", timestamp == null ? null : Timestamp.from(timestamp))
                .param("status", e.status())
                .param("delay", delay.toMillis() + " milliseconds")
                .update();
    }

    /** Retrying cannot help: FAILED until a trainer retries (unless it changed meanwhile: then it goes again). */
    void markFailed(Claimed row, Instant timestamp, String reason, int refusalStatus) {
        jdbc.sql("""
                        update grade_outbox set status = case when change_seq = :seq then :failed else :pending end,
                            last_error = :reason, claimed_until = null, first_failure_at = coalesce(first_failure_at, now()),
                            score_timestamp = coalesce(cast(:ts as timestamptz), score_timestamp),
                            refusal_status = case when :status > 0 then :status else refusal_status end,
                            refusal = case when :status > 0 then :reason else refusal end,
                            refused_at = case when :status > 0 then now() else refused_at end,
                            due_at = %s
                        where id = :id""".formatted(NEXT_DUE))
                .param("id", row.id())
                .param("seq", row.seq())
                .param("reason", reason)
                .param("ts", timestamp == null ? null : Timestamp.from(timestamp))
                .param("status", refusalStatus)
                .param("failed", OutboxStatus.FAILED.name())
                .param("pending", OutboxStatus.PENDING.name())
                .update();
    }

    /** « Réessayer »: failed rows of a course (all, or one learner's bloc) go again, with a later timestamp. */
    int retryFailed(long courseId, Long learnerId, String blocCode) {
        return jdbc.sql("""
                        update grade_outbox set status = :pending, due_at = %s, attempts = 0,
                            first_failure_at = null, claimed_until = null
                        where course_id = :course and status = :failed
                          and (cast(:learner as bigint) is null or (learner_id = :learner and bloc_code = :bloc))""".formatted(NEXT_DUE))
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .param("pending", OutboxStatus.PENDING.name())
                .param("failed", OutboxStatus.FAILED.name())
                .update();
    }

    /** Scores refused because their column had been deleted go again, once the column exists again. */
    int retryRefusedForMissingColumn(long courseId) {
        return jdbc.sql("""
                        update grade_outbox set status = :pending, due_at = %s, attempts = 0,
                            first_failure_at = null, claimed_until = null
                        where course_id = :c and status = :failed and refusal_status = 404""".formatted(NEXT_DUE))
                .param("c", courseId)
                .param("pending", OutboxStatus.PENDING.name())
                .param("failed", OutboxStatus.FAILED.name())
                .update();
    }

    /** Every row of a course. */
    List<Entry> rowsOf(long courseId) {
        return jdbc.sql("""
                        select learner_id, bloc_code, status, sent_at, sent_score, sent_state, last_error, attempts, due_at,
                               refusal_status, refusal, refused_at
                        from grade_outbox where course_id = :course""")
                .param("course", courseId)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        new Delivery(
                                rs.getString(2),
                                OutboxStatus.valueOf(rs.getString(3)),
                                instant(rs, 4),
                                rs.getBigDecimal(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getInt(8),
                                instant(rs, 9),
                                rs.getObject(10) == null
                                        ? null
                                        : new Refusal(rs.getInt(10), rs.getString(11), instant(rs, 12)))))
                .list();
    }

    /** The latest grade-sync error of each platform, for the tool's administrator. */
    Map<Long, String> lastErrorByPlatform() {
        Map<Long, String> errors = new HashMap<>();
        jdbc.sql("""
                        select distinct on (platform_id) platform_id, last_error from grade_outbox
                        where last_error is not null order by platform_id, coalesce(first_failure_at, changed_at) desc""").query(rs -> {
            errors.put(rs.getLong(1), rs.getString(2));
        });
        return errors;
    }

    /** Rows in a status, across every course (for the metrics). */
    long count(OutboxStatus status) {
        return jdbc.sql("select count(*) from grade_outbox where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }
}
