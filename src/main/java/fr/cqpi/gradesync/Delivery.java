package fr.cqpi.gradesync;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where one learner's bloc (or overall result, {@code blocCode} {@code ALL}) stands on its way to the gradebook: what was sent, what is pending, what failed and
 * why, and the platform's last refusal (its HTTP status and message), kept after a later success.
 */
public record Delivery(
        String blocCode,
        OutboxStatus status,
        Instant sentAt,
        BigDecimal sentScore,
        String sentState,
        String lastError,
        int attempts,
        Instant dueAt,
        Outbox.Refusal lastRefusal) {

    /** The activity's own column (the overall result), not a bloc's: {@code blocCode} is {@code ALL}. */
    public boolean activityColumn() {
        return ActivityColumn.is(blocCode);
    }
}
