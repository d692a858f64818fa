package fr.cqpi.evaluation;

import java.time.Instant;

/** One change of one judgment, as the audit trail keeps it: by which evaluator role, in which session (null before sessions). */
public record AuditEntry(
        long id,
        String criterionCode,
        String beforeStatus,
        String beforeModality,
        String beforeComment,
        String afterStatus,
        String afterModality,
        String afterComment,
        String evaluatorSub,
        String evaluatorName,
        Instant changedAt,
        String requestId,
        EvaluatorRole evaluatorRole,
        Long sessionId) {}
