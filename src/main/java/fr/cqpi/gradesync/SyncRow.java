package fr.cqpi.gradesync;

import java.math.BigDecimal;
import java.time.Instant;

/** The sync state of one learner's bloc: what was sent, what is pending, what failed and why. */
public record SyncRow(
        String learnerId,
        String learnerName,
        String blocCode,
        String status,
        Instant sentAt,
        BigDecimal sentScore,
        String sentState,
        String lastError,
        int attempts,
        Instant dueAt) {}
