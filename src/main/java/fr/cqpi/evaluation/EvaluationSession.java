package fr.cqpi.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dated evaluation session of a course; every judgment is made in one. {@code current}: where new judgments go.
 * {@code earlierJudgments}: the session that holds what was judged before sessions existed.
 */
public record EvaluationSession(
        long id,
        SessionKind kind,
        LocalDate heldOn,
        String label,
        boolean current,
        boolean earlierJudgments,
        String createdBySub,
        Instant createdAt) {}
