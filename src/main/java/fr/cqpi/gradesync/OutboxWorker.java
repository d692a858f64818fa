package fr.cqpi.gradesync;

import fr.cqpi.course.Course;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.Courses;
import fr.cqpi.course.LearnerRef;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.Results;
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
 * own lane and adaptive limit, so a slow or failing platform never holds up another. {@link ScoreDelivery} sends
 * each score.
 */
@Component
class OutboxWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final GradeSyncProperties properties;
    private final LineItems lineItems;
    private final EvaluationQueries evaluation;
    private final AdaptiveLimits limits;
    private final Courses courses;
    private final CourseMembers members;
    private final ScoreDelivery delivery;
    private final ThreadPoolTaskExecutor senders;
    /** Claims rows for lanes running low, away from the senders' threads. */
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grade-sync-claim");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();

    OutboxWorker(
            Outbox outbox,
            GradeSyncProperties properties,
            LineItems lineItems,
            EvaluationQueries evaluation,
            AdaptiveLimits limits,
            Courses courses,
            CourseMembers members,
            ScoreDelivery delivery,
            ThreadPoolTaskExecutorBuilder executors) {
        this.outbox = outbox;
        this.properties = properties;
        this.lineItems = lineItems;
        this.evaluation = evaluation;
        this.limits = limits;
        this.courses = courses;
        this.members = members;
        this.delivery = delivery;
        this.senders = executors
                .corePoolSize(properties.threads())
                .maxPoolSize(properties.threads())
                .threadNamePrefix("grade-sync-")
                .build();
        this.senders.setDaemon(true);
        this.senders.initialize();
    }

    /**
     * A platform's claimed rows waiting for a free place under its limit. Each platform claims for its own lane only,
     * so a slow platform's backlog never takes the room of another's.
     */
    private static final class Lane {

        final Queue<ClaimedScore> rows = new ConcurrentLinkedQueue<>();
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
                List<ClaimedScore> claimed = claim(platformId, room);
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
    List<ClaimedScore> claim(long platformId, int max) {
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
                .map(c -> new ClaimedScore(
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
            ClaimedScore row = lane.rows.poll();
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
                        delivery.send(row, limit);
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
    }
}
