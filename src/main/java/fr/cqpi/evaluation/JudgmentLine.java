package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;
import java.time.Instant;
import java.time.LocalDate;

/** One stored judgment with its learner, its evaluator's role and its session, as exports list them. */
public record JudgmentLine(
        CourseMember learner,
        String criterionCode,
        JudgmentStatus status,
        String modality,
        String comment,
        String evaluatorName,
        Instant judgedAt,
        EvaluatorRole evaluatorRole,
        String sessionKind,
        LocalDate sessionDate) {}
