package fr.cqpi.evaluation;

import java.time.Instant;

/** One evaluator role's judgment of a criterion in the JSON API (version 0 and NON_EVALUE before any). */
record RoleJudgmentView(
        String evaluatorRole,
        String status,
        String modality,
        String comment,
        int version,
        String updatedBy,
        String updatedByName,
        Instant updatedAt,
        Long sessionId) {

    static RoleJudgmentView of(Judgment j) {
        return new RoleJudgmentView(
                j.evaluatorRole().name(),
                j.status().name(),
                j.modality(),
                j.comment(),
                j.version(),
                j.updatedBySub(),
                j.updatedByName(),
                j.updatedAt(),
                j.sessionId());
    }
}
