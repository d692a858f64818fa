package fr.cqpi.jury;

import fr.cqpi.course.LearnerRef;
import java.time.LocalDate;

/**
 * A jury decision was recorded on a candidate's bloc; published in the transaction that records it. Says who and
 * where, not what was decided.
 */
public record JuryDecisionRecorded(
        long platformId,
        long courseId,
        long sessionId,
        LocalDate heldOn,
        long decisionId,
        LearnerRef learner,
        String learnerName) {}
