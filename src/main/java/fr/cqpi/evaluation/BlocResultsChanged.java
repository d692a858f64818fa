package fr.cqpi.evaluation;

import fr.cqpi.course.LearnerRef;
import fr.cqpi.evaluation.Results.BlocResult;
import java.util.List;

/**
 * Published inside the transaction that changed a learner's judgments, when a bloc's score or state
 * changed; listeners that must not lose it (the grade-sync outbox) write in the same transaction.
 */
public record BlocResultsChanged(long platformId, long courseId, LearnerRef learner, List<BlocResult> changedBlocs) {}
