package fr.cqpi.gradesync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Additive increase after a run of successes, halving on throttling, never below one nor above the maximum. */
class AdaptiveLimitsTest {

    @Test
    void requestsInFlightStopAtTheLimit() {
        var limit = new AdaptiveLimits.Limit(2, 8);
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isFalse();
        assertThat(limit.inFlight()).isEqualTo(2);
        limit.failed();
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.peak()).isEqualTo(2);
    }

    @Test
    void aRunOfSuccessesAsLongAsTheLimitGrowsItByOne() {
        var limit = new AdaptiveLimits.Limit(2, 8);
        succeed(limit, 1);
        assertThat(limit.limit()).isEqualTo(2);
        succeed(limit, 1);
        assertThat(limit.limit()).isEqualTo(3);
        succeed(limit, 3);
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void throttlingHalvesTheLimitDownToOne() {
        var limit = new AdaptiveLimits.Limit(8, 32);
        throttle(limit);
        assertThat(limit.limit()).isEqualTo(4);
        throttle(limit);
        throttle(limit);
        throttle(limit);
        assertThat(limit.limit()).isEqualTo(1);
    }

    @Test
    void aFailureResetsTheRunWithoutShrinking() {
        var limit = new AdaptiveLimits.Limit(2, 8);
        succeed(limit, 1);
        limit.tryAcquire();
        limit.failed();
        succeed(limit, 1);
        assertThat(limit.limit()).isEqualTo(2);
    }

    @Test
    void theLimitNeverExceedsTheMaximum() {
        var limit = new AdaptiveLimits.Limit(3, 4);
        succeed(limit, 50);
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(new AdaptiveLimits.Limit(0, 0).limit()).isEqualTo(1);
    }

    private static void succeed(AdaptiveLimits.Limit limit, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limit.tryAcquire()).isTrue();
            limit.succeeded();
        }
    }

    private static void throttle(AdaptiveLimits.Limit limit) {
        assertThat(limit.tryAcquire()).isTrue();
        limit.throttled();
    }
}
