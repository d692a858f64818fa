package fr.cqpi.gradesync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.cqpi.course.Course;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.Courses;
import fr.cqpi.course.LearnerRef;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.Results;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.shared.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox to the platforms. Any number of instances run it: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so one state is sent by one instance; each platform has its
 * own lane and adaptive limit, so a slow or failing platform never holds up another.
 */
@Component
class OutboxWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final GradeSyncProperties properties;
    private final PlatformRegistry platforms;
    private final LineItems lineItems;
    private final EvaluationQueries evaluation;
    private final AdaptiveLimits limits;
    private final Courses courses;
    private final CourseMembers members;
    private final Scores scores;
    private final GradeSyncMetrics metrics;
    private final Clock clock;
    private final ThreadPoolTaskExecutor senders;
    /** Claims rows for lanes running low, away from the senders' threads. */
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grade-sync-claim");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Cache<Long, Platform> platformCache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    OutboxWorker(
            Outbox outbox,
            GradeSyncProperties properties,
            PlatformRegistry platforms,
            LineItems lineItems,
            EvaluationQueries evaluation,
            AdaptiveLimits limits,
            Courses courses,
            CourseMembers members,
            Scores scores,
            GradeSyncMetrics metrics,
            Clock clock,
            ThreadPoolTaskExecutorBuilder executors) {
        this.outbox = outbox;
        this.properties = properties;
        this.platforms = platforms;
        this.lineItems = lineItems;
        this.evaluation = evaluation;
        this.limits = limits;
        this.courses = courses;
        this.members = members;
        this.scores = scores;
        this.metrics = metrics;
        this.clock = clock;
        this.senders = executors
                .corePoolSize(properties.threads())
                .maxPoolSize(properties.threads())
                .threadNamePrefix("grade-sync-")
                .build();
        this.senders.setDaemon(true);
        this.senders.initialize();
    }

    /** A claimed row with what its send needs from the course module, and the learner's results read after the claim. */
    record Row(
            Outbox.Claimed claimed,
            String learnerSub,
            boolean showProgress,
            boolean gradeService,
            Results results,
            long claimedAtNanos) {

        long id() {
            return claimed.id();
        }

        long platformId() {
            return claimed.platformId();
        }

        long courseId() {
            return claimed.courseId();
        }

        long learnerId() {
            return claimed.learnerId();
        }

        String blocCode() {
            return claimed.blocCode();
        }

        long seq() {
            return claimed.seq();
        }

        int attempts() {
            return claimed.attempts();
        }

        Instant firstFailureAt() {
            return claimed.firstFailureAt();
        }

        Instant lastTimestamp() {
            return claimed.lastTimestamp();
        }
    }

    /**
     * A platform's claimed rows waiting for a free place under its limit. Each platform claims for its own lane only,
     * so a slow platform's backlog never takes the room of another's.
     */
    private static final class Lane {

        final Queue<Row> rows = new ConcurrentLinkedQueue<>();
        /** Rows claimed and not finished: queued or in flight. */
        final AtomicInteger held = new AtomicInteger();

        final AtomicBoolean claiming = new AtomicBoolean();
        final AtomicBoolean refillAsked = new AtomicBoolean();
        /** The last claim found fewer rows than it had room for: wait for the next poll. */
        volatile boolean drained;
    }

    @Scheduled(fixedDelayString = "${cqpi.gradesync.poll-interval:500ms}", initialDelayString = "PT2S")
    void poll() {
        if (!properties.enabled() || !polling.compareAndSet(false, true)) {
            return;
        }
        try {
            for (long platformId : outbox.platformsWithDueRows()) {
                refill(platformId);
            }
        } finally {
            polling.set(false);
        }
    }

    private Lane lane(long platformId) {
        return lanes.computeIfAbsent(platformId, id -> new Lane());
    }

    /**
     * How many rows a platform's lane holds: enough to keep its limit busy between claims, few enough that they are
     * sent well within their lease even when the platform is slow.
     */
    private int capacity(long platformId) {
        return Math.max(
                1, Math.min(properties.batchSize(), limits.of(platformId).limit() * 8));
    }

    /** Claims a platform's due rows up to the room of its lane (one claim at a time per lane) and starts sending. */
    void refill(long platformId) {
        Lane lane = lane(platformId);
        if (!lane.claiming.compareAndSet(false, true)) {
            return;
        }
        try {
            int room;
            while ((room = capacity(platformId) - lane.held.get()) > 0) {
                List<Row> claimed = claim(platformId, room);
                lane.held.addAndGet(claimed.size());
                lane.rows.addAll(claimed);
                lane.drained = claimed.size() < room;
                pump(platformId);
                if (lane.drained) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim the outbox rows of platform {}: {}", platformId, e.toString());
        } finally {
            lane.claiming.set(false);
        }
    }

    /**
     * Claims a platform's due rows for this instance and reads what their sends need in a few statements for the
     * whole batch (the learners, the courses, every learner's results once for all its blocs).
     */
    List<Row> claim(long platformId, int max) {
        List<Outbox.Claimed> claimed = outbox.claim(platformId, max, properties.claimFor());
        if (claimed.isEmpty()) {
            return List.of();
        }
        long claimedAt = System.nanoTime();
        Map<Long, LearnerRef> learners =
                members.refs(claimed.stream().map(Outbox.Claimed::learnerId).collect(Collectors.toSet()));
        Map<Long, Course> courseOf = new HashMap<>();
        Map<Long, Boolean> gradeService = new HashMap<>();
        Map<Long, Map<Long, Results>> results = new HashMap<>();
        claimed.stream()
                .collect(Collectors.groupingBy(
                        Outbox.Claimed::courseId, Collectors.mapping(Outbox.Claimed::learnerId, Collectors.toSet())))
                .forEach((courseId, learnerIds) -> {
                    Course course = courses.find(courseId).orElseThrow();
                    courseOf.put(courseId, course);
                    gradeService.put(courseId, course.agsLineItems() != null || lineItems.any(courseId));
                    // Read after the claim: a change committed since then has a later change_seq, so it goes again.
                    results.put(courseId, evaluation.resultsOf(courseId, learnerIds));
                });
        return claimed.stream()
                .map(c -> new Row(
                        c,
                        learners.get(c.learnerId()).sub(),
                        courseOf.get(c.courseId()).showProgressInGradebook(),
                        gradeService.get(c.courseId()),
                        results.get(c.courseId()).get(c.learnerId()),
                        claimedAt))
                .toList();
    }

    /** Starts as many sends on a platform's lane as its limit allows; asks for more rows when the lane runs low. */
    private void pump(long platformId) {
        Lane lane = lanes.get(platformId);
        AdaptiveLimits.Limit limit = limits.of(platformId);
        while (!lane.rows.isEmpty() && limit.tryAcquire()) {
            Row row = lane.rows.poll();
            if (row == null) {
                limit.released();
                break;
            }
            if (System.nanoTime() - row.claimedAtNanos() > properties.claimFor().toNanos() / 2) {
                // Its lease is running out: another claim (this instance's or another's) will send it.
                limit.released();
                lane.held.decrementAndGet();
                continue;
            }
            try {
                senders.execute(() -> {
                    try {
                        send(row, limit);
                    } finally {
                        lane.held.decrementAndGet();
                        pump(platformId);
                    }
                });
            } catch (TaskRejectedException stopping) {
                // Stopping: the row stays claimed until its lease ends, then it is sent again.
                limit.released();
                lane.held.decrementAndGet();
                return;
            }
        }
        if (!lane.drained
                && !lane.claiming.get()
                && lane.held.get() < capacity(platformId) / 2
                && lane.refillAsked.compareAndSet(false, true)) {
            try {
                claimer.execute(() -> {
                    lane.refillAsked.set(false);
                    refill(platformId);
                });
            } catch (RejectedExecutionException stopping) {
                // Stopping: nothing more is claimed.
            }
        }
    }

    void send(Row row, AdaptiveLimits.Limit limit) {
        Instant timestamp = null;
        boolean scoring = false;
        try {
            Platform platform = platformCache.get(
                    row.platformId(), id -> platforms.findById(id).orElseThrow());
            Results results = row.results();
            boolean activity = ActivityColumn.is(row.blocCode());
            Results.BlocResult result =
                    activity ? null : results.bloc(row.blocCode()).orElse(null);
            ActivityColumn.Overall overall = activity ? ActivityColumn.Overall.of(results.blocs()) : null;
            String cannotSend = !activity && result == null
                    ? "bloc " + row.blocCode() + " is no longer in the référentiel"
                    : !platform.enabled()
                            ? "the platform is disabled"
                            : !row.gradeService()
                                    ? "the platform offered no grade service (AGS) for this course"
                                    : null;
            List<String> targets =
                    cannotSend == null ? lineItems.forBloc(platform, row.courseId(), row.blocCode()) : List.of();
            if (cannotSend == null && targets.isEmpty()) {
                cannotSend = activity
                        ? "the activity has no gradebook column of its own (no lineitem in the launch's grade service)"
                        : "no gradebook column for this bloc (no resource link with the grade service)";
            }
            if (cannotSend != null) {
                fail(row, null, cannotSend, 0);
                limit.failed();
                return;
            }
            // Read after the results: the timestamp is never earlier than the change it reports.
            timestamp = ScoreTimestamps.next(clock.instant(), row.lastTimestamp());
            String score = PlatformHttp.write(
                    activity
                            ? scores.of(row.learnerSub(), overall, row.showProgress(), timestamp)
                            : scores.of(row.learnerSub(), result, row.showProgress(), timestamp));
            scoring = true;
            for (String target : targets) {
                try {
                    lineItems.call(
                            platform,
                            "POST",
                            LineItems.subResource(target, "scores"),
                            "application/json",
                            Scores.MEDIA_TYPE,
                            score);
                } catch (PlatformCallException e) {
                    if (e.kind() == PlatformCallException.Kind.PERMANENT && e.status() == 404) {
                        lineItems.forget(row.courseId(), target);
                    }
                    throw e;
                }
            }
            if (activity) {
                markSent(row, overall.score(), overall.state().name(), timestamp);
            } else {
                markSent(row, result.score(), result.state().name(), timestamp);
            }
            limit.succeeded();
        } catch (PlatformCallException e) {
            switch (e.kind()) {
                case THROTTLED -> limit.throttled();
                default -> limit.failed();
            }
            if (e.status() > 0) {
                metrics.refused(e.status());
            }
            if (scoring && e.status() == 409) {
                laterTimestamp(row, timestamp, e);
            } else {
                retryOrFail(row, timestamp, e);
            }
        } catch (RuntimeException e) {
            limit.failed();
            log.warn("Grade sync of outbox row {} failed: {}", row.id(), e.toString());
            retryOrFail(
                    row,
                    timestamp,
                    new PlatformCallException(
                            PlatformCallException.Kind.RETRYABLE,
                            0,
                            e.getClass().getSimpleName(),
                            null));
        }
    }

    /**
     * The platform holds a grade at least as recent as this score (Moodle: 409 « Refusing score with an earlier
     * timestamp »; it compares whole seconds, and a grade it stored as pending carries its own clock's time): the
     * current state goes again with a later timestamp, at the next second, then backing off; never FAILED for it.
     */
    private void laterTimestamp(Row row, Instant timestamp, PlatformCallException e) {
        Duration delay = row.attempts() == 0
                ? Duration.ZERO
                : Backoff.after(
                        row.attempts() - 1, properties.retryBase(), properties.retryMax(), ThreadLocalRandom.current());
        log.warn(
                "Platform refused the score of outbox row {} (timestamp {}): {}; sending the current state again"
                        + " with a later timestamp",
                row.id(),
                timestamp,
                e.getMessage());
        outbox.retryLater(row.claimed(), timestamp, delay, e, false);
    }

    /** Sent rows wait here a few milliseconds and are marked in one statement (one commit instead of one per score). */
    private final Queue<Outbox.Sent> sent = new ConcurrentLinkedQueue<>();

    private void markSent(Row row, java.math.BigDecimal score, String state, Instant timestamp) {
        sent.add(new Outbox.Sent(row.id(), row.seq(), score.toPlainString(), state, timestamp));
    }

    /**
     * Marks the sent rows. Until then they stay claimed; if this instance stops first, their lease expires and
     * the same state is sent again (with a later timestamp): a duplicate, never a loss. If the database is
     * unreachable, the batch waits for the next try: dropping it would send all of it again once the lease ends.
     */
    @Scheduled(fixedDelayString = "PT0.05S", initialDelayString = "PT2S")
    void flushSent() {
        List<Outbox.Sent> batch = new ArrayList<>();
        for (Outbox.Sent s; batch.size() < 2000 && (s = sent.poll()) != null; ) {
            batch.add(s);
        }
        try {
            outbox.markSent(batch);
        } catch (RuntimeException e) {
            sent.addAll(batch);
            log.warn("Could not mark {} sent scores yet, trying again: {}", batch.size(), e.toString());
        }
    }

    private void retryOrFail(Row row, Instant timestamp, PlatformCallException e) {
        Instant now = clock.instant();
        Instant firstFailure = row.firstFailureAt() != null ? row.firstFailureAt() : now;
        boolean giveUp = e.kind() == PlatformCallException.Kind.PERMANENT
                || Duration.between(firstFailure, now).compareTo(properties.giveUpAfter()) > 0;
        if (giveUp) {
            fail(row, timestamp, e.getMessage(), e.status());
            return;
        }
        Duration backoff = Backoff.after(
                row.attempts(), properties.retryBase(), properties.retryMax(), ThreadLocalRandom.current());
        if (e.retryAfter() != null && e.retryAfter().compareTo(backoff) > 0) {
            backoff = e.retryAfter();
        }
        log.warn("Grade sync of outbox row {} will be retried in {}: {}", row.id(), backoff, e.getMessage());
        outbox.retryLater(row.claimed(), timestamp, backoff, e, true);
    }

    private void fail(Row row, Instant timestamp, String reason, int status) {
        outbox.markFailed(row.claimed(), timestamp, reason, status);
        log.warn("Grade sync of outbox row {} failed: {}", row.id(), reason);
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
        claimer.shutdown();
        senders.shutdown();
        flushSent();
        if (!sent.isEmpty()) {
            log.warn("Could not mark {} sent scores before stopping; they will be sent again", sent.size());
        }
    }
}
