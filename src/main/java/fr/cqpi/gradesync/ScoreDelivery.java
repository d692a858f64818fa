package fr.cqpi.gradesync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.cqpi.evaluation.Results;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.shared.Backoff;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed score to its gradebook columns and records what came of it: sent (marked in batches), sent
 * again with a later timestamp, retried after a back-off, or failed for good. {@link OutboxWorker} decides when.
 */
@Component
class ScoreDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScoreDelivery.class);

    private final Outbox outbox;
    private final GradeSyncProperties properties;
    private final PlatformRegistry platforms;
    private final LineItems lineItems;
    private final Scores scores;
    private final GradeSyncMetrics metrics;
    private final Clock clock;
    private final Cache<Long, Platform> platformCache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    ScoreDelivery(
            Outbox outbox,
            GradeSyncProperties properties,
            PlatformRegistry platforms,
            LineItems lineItems,
            Scores scores,
            GradeSyncMetrics metrics,
            Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.platforms = platforms;
        this.lineItems = lineItems;
        this.scores = scores;
        this.metrics = metrics;
        this.clock = clock;
    }

    void send(ClaimedScore row, AdaptiveLimits.Limit limit) {
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
    private void laterTimestamp(ClaimedScore row, Instant timestamp, PlatformCallException e) {
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

    private void markSent(ClaimedScore row, BigDecimal score, String state, Instant timestamp) {
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

    private void retryOrFail(ClaimedScore row, Instant timestamp, PlatformCallException e) {
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

    private void fail(ClaimedScore row, Instant timestamp, String reason, int status) {
        outbox.markFailed(row.claimed(), timestamp, reason, status);
        log.warn("Grade sync of outbox row {} failed: {}", row.id(), reason);
    }

    /** Marks what was sent before this instance stops; what is left is sent again once its lease ends. */
    @Override
    public void destroy() {
        flushSent();
        if (!sent.isEmpty()) {
            log.warn("Could not mark {} sent scores before stopping; they will be sent again", sent.size());
        }
    }
}
