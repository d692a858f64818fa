package fr.cqpi.evaluation;

import java.time.Instant;

/**
 * The latest judgment of one criterion for one learner in one course by one evaluator role, and the session it was
 * made in.
 */
public record Judgment(
        long id,
        String criterionCode,
        JudgmentStatus status,
        String modality,
        String comment,
        int version,
        String updatedBySub,
        String updatedByName,
        Instant updatedAt,
        EvaluatorRole evaluatorRole,
        Long sessionId) {

    /** What a criterion shows before the évaluateur habilité judged it. */
    public static Judgment notEvaluated(String criterionCode) {
        return notEvaluated(criterionCode, EvaluatorRole.EVALUATEUR);
    }

    /** What a criterion shows before this evaluator role judged it. */
    public static Judgment notEvaluated(String criterionCode, EvaluatorRole role) {
        return new Judgment(0, criterionCode, JudgmentStatus.NON_EVALUE, null, null, 0, null, null, null, role, null);
    }
}
