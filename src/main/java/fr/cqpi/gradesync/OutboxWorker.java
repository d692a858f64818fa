package fr.cqpi.gradesync;

import fr.cqpi.course.Course;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.Courses;
import fr.cqpi.course.LearnerRef;
import fr.cqpi.evaluation.BlocState;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.Results;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.shared.ShortCache;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox to the platforms. Any number of instances run it: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so one state is sent by one instance; each platform has its
 * own lane and adaptive limit, so a slow or failing platform never holds up another.
 */
@Component
class OutboxWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final JdbcClient jdbc;
    private final GradeSyncProperties properties;
    private final PlatformRegistry platforms;
    private final LineItems lineItems;
    private final EvaluationQueries evaluation;
    private final AdaptiveLimits limits;
    private final Courses courses;
    private final CourseMembers members;
    private final Clock clock;
    private final ExecutorService senders;
    private final Map<Long, Queue<Row>> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final ShortCache<Long, Platform> platformCache = new ShortCache<>(Duration.ofSeconds(5));

    OutboxWorker(
            JdbcClient jdbc,
            GradeSyncProperties properties,
            PlatformRegistry platforms,
            LineItems lineItems,
            EvaluationQueries evaluation,
            AdaptiveLimits limits,
            Courses courses,
            CourseMembers members,
            Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.members = members;
        this.clock = clock;
        this.properties = properties;
        this.platforms = platforms;
        this.lineItems = lineItems;
        this.evaluation = evaluation;
        this.limits = limits;
        this.senders = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread t = new Thread(r, "grade-sync");
            t.setDaemon(true);
            return t;
        });
    }

    record Row(
            long id,
            long platformId,
            long courseId,
            long learnerId,
            String blocCode,
            long seq,
            Instant changedAt,
            int attempts,
            Instant firstFailureAt,
            String learnerSub,
            boolean showProgress,
            boolean gradeService) {}

    @Scheduled(fixedDelayString = "${cqpi.gradesync.poll-interval:500ms}", initialDelayString = "PT2S")
    void poll() {
        if (!properties.enabled() || !polling.compareAndSet(false, true)) {
            return;
        }
        try {
            int room;
            while ((room = properties.batchSize() - queued.get()) > 0) {
                List<Row> claimed = claim(room);
                claimed.forEach(this::enqueue);
                if (claimed.size() < room) {
                    break;
                }
            }
        } finally {
            polling.set(false);
        }
    }

    private record Claimed(
            long id,
            long platformId,
            long courseId,
            long learnerId,
            String blocCode,
            long changeSeq,
            Instant changedAt,
            int attempts,
            Instant firstFailureAt) {}

    /** Claims due rows for this instance; the lease lets another instance take them over if this one dies. */
    List<Row> claim(int max) {
        List<Claimed> claimed = jdbc.sql("""
                        update grade_outbox set claimed_until = now() + cast(:lease as interval), claimed_seq = change_seq
                        where id in (select id from grade_outbox
                                     where status = 'PENDING' and due_at <= now()
                                       and (claimed_until is null or claimed_until < now())
                                     order by due_at limit :max for update skip locked)
                        returning id, platform_id, course_id, learner_id, bloc_code, change_seq, changed_at, attempts,
                                  first_failure_at""")
                .param("lease", properties.claimFor().toSeconds() + " seconds")
                .param("max", max)
                .query(Claimed.class)
                .list();
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, LearnerRef> learners =
                members.refs(claimed.stream().map(Claimed::learnerId).collect(Collectors.toSet()));
        Map<Long, Course> courseOf = new HashMap<>();
        Map<Long, Boolean> gradeService = new HashMap<>();
        for (long courseId : claimed.stream().map(Claimed::courseId).collect(Collectors.toSet())) {
            Course course = courses.find(courseId).orElseThrow();
            courseOf.put(courseId, course);
            gradeService.put(courseId, course.agsLineItems() != null || lineItems.any(courseId));
        }
        return claimed.stream()
                .map(c -> new Row(
                        c.id(),
                        c.platformId(),
                        c.courseId(),
                        c.learnerId(),
                        c.blocCode(),
                        c.changeSeq(),
                        c.changedAt(),
                        c.attempts(),
                        c.firstFailureAt(),
                        learners.get(c.learnerId()).sub(),
                        courseOf.get(c.courseId()).showProgressInGradebook(),
                        gradeService.get(c.courseId())))
                .toList();
    }

    private void enqueue(Row row) {
        queued.incrementAndGet();
        lanes.computeIfAbsent(row.platformId(), id -> new ConcurrentLinkedQueue<>())
                .add(row);
        pump(row.platformId());
    }

    /** Starts as many sends on a platform's lane as its limit allows. */
    private void pump(long platformId) {
        Queue<Row> lane = lanes.get(platformId);
        AdaptiveLimits.Limit limit = limits.of(platformId);
        while (!lane.isEmpty() && limit.tryAcquire()) {
            Row row = lane.poll();
            if (row == null) {
                limit.failed();
                return;
            }
            senders.execute(() -> {
                try {
                    send(row, limit);
                } finally {
                    queued.decrementAndGet();
                    pump(platformId);
                }
            });
        }
    }

    void send(Row row, AdaptiveLimits.Limit limit) {
        try {
            Platform platform = platformCache.get(
                    row.platformId(), id -> platforms.findById(id).orElseThrow());
            Results.BlocResult result = evaluation
                    .resultsOf(row.courseId(), row.learnerId())
                    .bloc(row.blocCode())
                    .orElse(null);
            if (result == null) {
                markFailed(row, "bloc " + row.blocCode() + " is no longer in the référentiel");
                limit.failed();
                return;
            }
            if (!platform.enabled()) {
                markFailed(row, "the platform is disabled");
                limit.failed();
                return;
            }
            if (!row.gradeService()) {
                markFailed(row, "the platform offered no grade service (AGS) for this course");
                limit.failed();
                return;
            }
            List<String> targets = lineItems.forBloc(platform, row.courseId(), row.blocCode());
            if (targets.isEmpty()) {
                markFailed(row, "no gradebook column for this bloc (no resource link with the grade service)");
                limit.failed();
                return;
            }
            String score = score(row, result);
            for (String target : targets) {
                try {
                    lineItems.call(
                            platform,
                            "POST",
                            LineItems.subResource(target, "scores"),
                            "application/json",
                            "application/vnd.ims.lis.v1.score+json",
                            score);
                } catch (PlatformCallException e) {
                    if (e.kind() == PlatformCallException.Kind.PERMANENT && e.status() == 404) {
                        lineItems.forget(row.courseId(), target);
                    }
                    throw e;
                }
            }
            markSent(row, result);
            limit.succeeded();
        } catch (PlatformCallException e) {
            switch (e.kind()) {
                case THROTTLED -> limit.throttled();
                default -> limit.failed();
            }
            retryOrFail(row, e);
        } catch (RuntimeException e) {
            limit.failed();
            log.warn("Grade sync of outbox row {} failed: {}", row.id(), e.toString());
            retryOrFail(
                    row,
                    new PlatformCallException(
                            PlatformCallException.Kind.RETRYABLE,
                            0,
                            e.getClass().getSimpleName(),
                            null));
        }
    }

    private String score(Row row, Results.BlocResult result) {
        boolean showProgress = row.showProgress();
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("userId", row.learnerSub());
        score.put("scoreGiven", result.score());
        score.put("scoreMaximum", new BigDecimal(100));
        score.put(
                "activityProgress",
                switch (result.state()) {
                    case NON_COMMENCE -> "Initialized";
                    case EN_COURS -> "InProgress";
                    case VALIDE, NON_VALIDE -> "Completed";
                });
        score.put("gradingProgress", result.state().isDecided() || showProgress ? "FullyGraded" : "Pending");
        score.put(
                "comment",
                stateInWords(result.state()) + " — " + result.acquis()
                        + (result.acquis() > 1 ? " critères acquis sur " : " critère acquis sur ") + result.total());
        score.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(row.changedAt()));
        return lineItems.write(score);
    }

    static String stateInWords(BlocState state) {
        return switch (state) {
            case NON_COMMENCE -> "Bloc non commencé";
            case EN_COURS -> "Bloc en cours d'évaluation";
            case VALIDE -> "Bloc validé";
            case NON_VALIDE -> "Bloc non validé";
        };
    }

    private record Sent(long id, long seq, String score, String state) {}

    /** Sent rows wait here a few milliseconds and are marked in one statement (one commit instead of one per score). */
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();

    private void markSent(Row row, Results.BlocResult result) {
        sent.add(new Sent(
                row.id(),
                row.seq(),
                result.score().toPlainString(),
                result.state().name()));
    }

    /**
     * Marks the sent rows. Until then they stay claimed; if this instance stops first, their lease expires and
     * the same state is sent again: a duplicate, never a loss.
     */
    @Scheduled(fixedDelayString = "PT0.05S", initialDelayString = "PT2S")
    void flushSent() {
        List<Sent> batch = new java.util.ArrayList<>();
        for (Sent s; batch.size() < 2000 && (s = sent.poll()) != null; ) {
            batch.add(s);
        }
        if (batch.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update grade_outbox o set status = case when o.change_seq = v.seq then 'SENT' else 'PENDING' end,
                            sent_at = now(), sent_seq = v.seq, sent_score = cast(v.score as numeric), sent_state = v.state,
                            attempts = 0, first_failure_at = null, last_error = null, claimed_until = null, due_at = now()
                        from unnest(cast(:ids as bigint[]), cast(:seqs as bigint[]), cast(:scores as text[]),
                                    cast(:states as text[])) as v(id, seq, score, state)
                        where o.id = v.id""")
                .param("ids", batch.stream().map(Sent::id).toArray(Long[]::new))
                .param("seqs", batch.stream().map(Sent::seq).toArray(Long[]::new))
                .param("scores", batch.stream().map(Sent::score).toArray(String[]::new))
                .param("states", batch.stream().map(Sent::state).toArray(String[]::new))
                .update();
    }

    private void retryOrFail(Row row, PlatformCallException e) {
        Instant now = clock.instant();
        Instant firstFailure = row.firstFailureAt() != null ? row.firstFailureAt() : now;
        boolean giveUp = e.kind() == PlatformCallException.Kind.PERMANENT
                || Duration.between(firstFailure, now).compareTo(properties.giveUpAfter()) > 0;
        if (giveUp) {
            markFailed(row, e.getMessage());
            return;
        }
        Duration backoff =
                backoff(row.attempts(), properties.retryBase(), properties.retryMax(), ThreadLocalRandom.current());
        if (e.retryAfter() != null && e.retryAfter().compareTo(backoff) > 0) {
            backoff = e.retryAfter();
        }
        jdbc.sql("""
                        update grade_outbox set attempts = attempts + 1, first_failure_at = coalesce(first_failure_at, now()),
                            last_error = :error, claimed_until = null, due_at = now() + cast(:delay as interval)
                        where id = :id""")
                .param("id", row.id())
                .param("error", e.getMessage())
                .param("delay", backoff.toMillis() + " milliseconds")
                .update();
    }

    /** Exponential backoff with full jitter between half and the whole of the step. */
    static Duration backoff(int attempts, Duration retryBase, Duration retryMax, RandomGenerator random) {
        long base = retryBase.toMillis();
        long step = Math.min(retryMax.toMillis(), base << Math.min(attempts, 20));
        return Duration.ofMillis(step / 2 + random.nextLong(step / 2 + 1));
    }

    private void markFailed(Row row, String reason) {
        jdbc.sql("""
                        update grade_outbox set status = case when change_seq = :seq then 'FAILED' else 'PENDING' end,
                            last_error = :reason, claimed_until = null, first_failure_at = coalesce(first_failure_at, now()),
                            due_at = now() where id = :id""")
                .param("id", row.id())
                .param("seq", row.seq())
                .param("reason", reason)
                .update();
        log.info("Grade sync of outbox row {} failed: {}", row.id(), reason);
    }

    /** Requests in flight and the current limit per platform, for the sync page and the benchmark. */
    Map<Long, int[]> lanesState() {
        Map<Long, int[]> state = new LinkedHashMap<>();
        lanes.keySet().forEach(id -> {
            AdaptiveLimits.Limit limit = limits.of(id);
            state.put(id, new int[] {limit.inFlight(), limit.limit(), limit.peak()});
        });
        return state;
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
        try {
            flushSent();
        } catch (RuntimeException e) {
            log.info(
                    "Could not mark {} sent scores before stopping; they will be sent again: {}",
                    sent.size(),
                    e.getMessage());
        }
    }
}
