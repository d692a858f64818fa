package fr.cqpi.privacy;

import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.PersonalDataWrites;
import fr.cqpi.personaldata.RetentionPeriods;
import fr.cqpi.personaldata.RetentionRun;
import fr.cqpi.personaldata.Training;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deletes or anonymises what is past its retention period, by asking every module ({@link PersonalData#purge}), in
 * one transaction: all or nothing. Every instance schedules it; one runs it: a transaction-scoped advisory lock keeps
 * a second instance out while it runs, and the row it leaves in {@code retention_run} keeps any instance from running
 * again within {@code cqpi.retention.min-interval}.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** What one run purged: per module, the number of rows per kind of data. */
    public record Result(long id, Instant finishedAt, Map<String, Map<String, Integer>> purged) {

        public int total() {
            return purged.values().stream()
                    .flatMap(m -> m.values().stream())
                    .mapToInt(Integer::intValue)
                    .sum();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<PersonalData> modules;
    private final RetentionPeriods periods;
    private final Clock clock;
    private final JsonMapper json;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    RetentionJob(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            List<PersonalData> modules,
            RetentionPeriods periods,
            Clock clock,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.modules = modules;
        this.periods = periods;
        this.clock = clock;
        this.json = json;
    }

    @Scheduled(cron = "${cqpi.retention.cron:0 17 3 * * *}")
    void scheduled() {
        if (periods.enabled()) {
            runIfDue();
        }
    }

    /** Runs unless another instance is running it or ran it less than the minimum interval ago. */
    public Optional<Result> runIfDue() {
        return transaction.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('cqpi.retention', 0))")
                    .query(Boolean.class)
                    .single();
            if (!mine) {
                log.info("Retention: another instance is running it");
                return Optional.<Result>empty();
            }
            Instant now = clock.instant();
            boolean recent = jdbc.sql("select exists (select 1 from retention_run where finished_at > :since)")
                    .param("since", Timestamp.from(now.minus(periods.minInterval())))
                    .query(Boolean.class)
                    .single();
            if (recent) {
                return Optional.<Result>empty();
            }
            return Optional.of(run(now));
        });
    }

    private Result run(Instant now) {
        PersonalDataWrites.allow(jdbc);
        Map<Training, Instant> ends = new HashMap<>();
        Set<Training> holds = new HashSet<>();
        for (PersonalData module : modules) {
            module.lastActivities().forEach((training, at) -> ends.merge(training, at, (a, b) -> a.isAfter(b) ? a : b));
            holds.addAll(module.retentionHolds());
        }
        RetentionRun run = new RetentionRun(now, periods, ends, holds);
        Map<String, Map<String, Integer>> purged = new LinkedHashMap<>();
        for (PersonalData module : modules) {
            purged.put(module.name(), new LinkedHashMap<>(module.purge(run)));
        }
        long id = jdbc.sql("""
                        insert into retention_run (started_at, finished_at, instance, purged)
                        values (:started, now(), :instance, cast(:purged as jsonb)) returning id""")
                .param("started", Timestamp.from(now))
                .param("instance", instance)
                .param("purged", json.writeValueAsString(purged))
                .query(Long.class)
                .single();
        Result result = new Result(id, clock.instant(), purged);
        log.info("Retention run {}: {} rows deleted or anonymised {}", id, result.total(), purged);
        return result;
    }

    /** The latest runs, newest first, for the administration page. */
    public List<Result> recent(int limit) {
        return jdbc.sql("select id, finished_at, purged::text from retention_run order by finished_at desc limit :n")
                .param("n", limit)
                .query((rs, row) -> new Result(
                        rs.getLong("id"), rs.getTimestamp("finished_at").toInstant(), parse(rs.getString("purged"))))
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Integer>> parse(String purged) {
        return json.readValue(purged, LinkedHashMap.class);
    }

    public RetentionPeriods periods() {
        return periods;
    }
}
