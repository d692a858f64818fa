package fr.cqpi.evaluation;

import fr.cqpi.referentiel.Referentiel;
import java.time.Instant;

/**
 * A criterion's judgment in the JSON API, with where the criterion stands in the référentiel: a grid's line, what a
 * save answers, and the value that stands when a save came with a stale version.
 */
record JudgmentView(
        String criterionCode,
        String competenceCode,
        String blocCode,
        String text,
        String status,
        String modality,
        String comment,
        int version,
        String updatedBy,
        String updatedByName,
        Instant updatedAt,
        String evaluatorRole,
        Long sessionId,
        RoleJudgmentView tutorJudgment,
        Boolean divergent) {

    /** The judgment alone, without the tutor's beside it. */
    static JudgmentView of(Referentiel referentiel, Judgment j) {
        String code = j.criterionCode();
        return of(
                referentiel.blocOfCriterion(code).orElseThrow(),
                referentiel.competenceOfCriterion(code).orElseThrow(),
                referentiel.criterion(code).orElseThrow(),
                j,
                null,
                null);
    }

    static JudgmentView of(
            Referentiel.Bloc bloc,
            Referentiel.Competence competence,
            Referentiel.Criterion criterion,
            Judgment j,
            RoleJudgmentView tutor,
            Boolean divergent) {
        return new JudgmentView(
                criterion.code(),
                competence.code(),
                bloc.code(),
                criterion.text(),
                j.status().name(),
                j.modality(),
                j.comment(),
                j.version(),
                j.updatedBySub(),
                j.updatedByName(),
                j.updatedAt(),
                j.evaluatorRole().name(),
                j.sessionId(),
                tutor,
                divergent);
    }
}
