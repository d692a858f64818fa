package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;
import java.time.Instant;

/** One stored judgment with its learner, as exports list them. */
public record JudgmentLine(
        CourseMember learner,
        String criterionCode,
        JudgmentStatus status,
        String modality,
        String comment,
        String evaluatorName,
        Instant judgedAt) {}
