package fr.cqpi.support;

import java.time.Duration;

/** Waits for something asynchronous (the outbox workers) to become true, failing with the last assertion. */
public final class Eventually {

    private Eventually() {}

    public static void within(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw last != null ? last : new AssertionError("timed out");
    }
}
