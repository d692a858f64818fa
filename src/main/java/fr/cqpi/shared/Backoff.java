package fr.cqpi.shared;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long an outbox row waits before its next try: exponential, capped, with jitter. */
public final class Backoff {

    private Backoff() {}

    /**
     * The delay after {@code attempts} failed tries: {@code base} doubled each try up to {@code max}, with full
     * jitter between half and the whole of that step (so that instances retrying together spread out).
     */
    public static Duration after(int attempts, Duration base, Duration max, RandomGenerator random) {
        long step = Math.min(max.toMillis(), base.toMillis() << Math.min(attempts, 20));
        return Duration.ofMillis(step / 2 + random.nextLong(step / 2 + 1));
    }
}
