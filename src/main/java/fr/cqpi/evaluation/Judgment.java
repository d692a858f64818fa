package fr.cqpi.evaluation;

import java.time.Instant;

/** The current judgment of one criterion for one learner in one course. */
public record Judgment(
        long id,
        String criterionCode,
        JudgmentStatus status,
        String modality,
        String comment,
        int version,
        String updatedBySub,
        String updatedByName,
        Instant updatedAt) {

    /** What a criterion shows before anyone judged it. */
    public static Judgment notEvaluated(String criterionCode) {
        return new Judgment(0, criterionCode, JudgmentStatus.NON_EVALUE, null, null, 0, null, null, null);
    }
}
