package fr.cqpi.gradesync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Requests in flight per platform, adapting like TCP (additive increase, multiplicative decrease):
 * start small, halve on throttling (429, 503, Canvas's 403 "Rate Limit Exceeded"), grow by one after
 * a run of successes. Per instance: each instance is polite on its own.
 */
@Component
class AdaptiveLimits {

    private final GradeSyncProperties properties;
    private final Map<Long, Limit> limits = new ConcurrentHashMap<>();

    AdaptiveLimits(GradeSyncProperties properties) {
        this.properties = properties;
    }

    Limit of(long platformId) {
        return limits.computeIfAbsent(
                platformId, id -> new Limit(properties.initialConcurrency(), properties.maxConcurrency()));
    }

    static final class Limit {

        private final int max;
        private int limit;
        private int inFlight;
        private int successes;
        private int peak;

        Limit(int initial, int max) {
            this.limit = Math.max(1, initial);
            this.max = Math.max(this.limit, max);
        }

        synchronized boolean tryAcquire() {
            if (inFlight >= limit) {
                return false;
            }
            inFlight++;
            peak = Math.max(peak, inFlight);
            return true;
        }

        synchronized void succeeded() {
            inFlight--;
            if (++successes >= limit && limit < max) {
                limit++;
                successes = 0;
            }
        }

        synchronized void throttled() {
            inFlight--;
            limit = Math.max(1, limit / 2);
            successes = 0;
        }

        synchronized void failed() {
            inFlight--;
            successes = 0;
        }

        /** A place taken and given back unused (nothing was sent): says nothing of the platform. */
        synchronized void released() {
            inFlight--;
        }

        synchronized int limit() {
            return limit;
        }

        synchronized int inFlight() {
            return inFlight;
        }

        synchronized int peak() {
            return peak;
        }
    }
}
