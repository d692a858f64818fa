package fr.cqpi.gradesync;

import fr.cqpi.evaluation.Results;
import java.time.Instant;

/**
 * A claimed outbox row with what its send needs from the course module, and the learner's results read after the
 * claim.
 */
record ClaimedScore(
        Outbox.Claimed claimed,
        String learnerSub,
        boolean showProgress,
        boolean gradeService,
        Results results,
        long claimedAtNanos) {

    long id() {
        return claimed.id();
    }

    long platformId() {
        return claimed.platformId();
    }

    long courseId() {
        return claimed.courseId();
    }

    long learnerId() {
        return claimed.learnerId();
    }

    String blocCode() {
        return claimed.blocCode();
    }

    long seq() {
        return claimed.seq();
    }

    int attempts() {
        return claimed.attempts();
    }

    Instant firstFailureAt() {
        return claimed.firstFailureAt();
    }

    Instant lastTimestamp() {
        return claimed.lastTimestamp();
    }
}
