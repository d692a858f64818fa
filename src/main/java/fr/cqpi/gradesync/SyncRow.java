package fr.cqpi.gradesync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.cqpi.course.LearnerRef;

/** A learner's bloc on its way to the gradebook, with the learner's name as the sync page shows it. */
public record SyncRow(
        @JsonIgnore LearnerRef learner,
        String learnerName,
        @JsonUnwrapped Delivery delivery) {

    /** A learner's bloc, as the platform knows the learner (by their LTI {@code sub}). */
    public record LearnerBloc(String learnerSub, String blocCode) {}

    /** The learner's LTI {@code sub}, as the API has always named it. */
    @JsonProperty("learnerId")
    public String learnerId() {
        return learner.sub();
    }

    public LearnerBloc key() {
        return new LearnerBloc(learner.sub(), delivery.blocCode());
    }
}
