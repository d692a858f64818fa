package fr.cqpi.gradesync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.cqpi.course.LearnerRef;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The sync state of one learner's bloc: what was sent, what is pending, what failed and why, and the platform's
 * last refusal (its HTTP status and message), kept after a later success.
 */
public record SyncRow(
        @JsonIgnore LearnerRef learner,
        String learnerName,
        String blocCode,
        OutboxStatus status,
        Instant sentAt,
        BigDecimal sentScore,
        String sentState,
        String lastError,
        int attempts,
        Instant dueAt,
        Outbox.Refusal lastRefusal) {

    /** A learner's bloc, as the platform knows the learner (by their LTI {@code sub}). */
    public record LearnerBloc(String learnerSub, String blocCode) {}

    /** The learner's LTI {@code sub}, as the API has always named it. */
    @JsonProperty("learnerId")
    public String learnerId() {
        return learner.sub();
    }

    public LearnerBloc key() {
        return new LearnerBloc(learner.sub(), blocCode);
    }
}
