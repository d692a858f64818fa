package fr.cqpi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Retries back off exponentially with jitter between half and the whole of the step, capped. */
class BackoffTest {

    static final Duration BASE = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofMinutes(10);

    /** Always draws the lowest, or always the highest, jitter. */
    static RandomGenerator lowest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
    }

    static RandomGenerator highest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
    }

    @Test
    void eachAttemptDoublesTheStep() {
        assertThat(Backoff.after(0, BASE, MAX, highest())).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(1, BASE, MAX, highest())).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.after(3, BASE, MAX, highest())).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void theJitterKeepsAtLeastHalfTheStep() {
        assertThat(Backoff.after(0, BASE, MAX, lowest())).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.after(3, BASE, MAX, lowest())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theStepNeverExceedsTheMaximumEvenAfterManyAttempts() {
        assertThat(Backoff.after(9, BASE, MAX, highest())).isEqualTo(MAX);
        assertThat(Backoff.after(1000, BASE, MAX, highest())).isEqualTo(MAX);
        assertThat(Backoff.after(1000, BASE, MAX, lowest())).isEqualTo(MAX.dividedBy(2));
    }
}
