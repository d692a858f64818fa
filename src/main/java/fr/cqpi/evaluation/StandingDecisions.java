package fr.cqpi.evaluation;

import java.util.Collection;
import java.util.Map;

/**
 * The jury's standing decision per bloc of a learner (the jury module provides it): it shows in the results and
 * locks the bloc's judgments until the jury decides again.
 */
public interface StandingDecisions {

    /** Bloc code → the decision that stands, for one learner of a course. */
    Map<String, Decision> of(long courseId, long learnerId);

    /**
     * Bloc code → the decision that stands with the date of the jury that took it, for one learner of a course, in
     * one read: what a page says of a decided bloc (« Bloc décidé par le jury le … »).
     */
    Map<String, DecidedBloc> decidedBlocs(long courseId, long learnerId);

    /** Learner id → bloc code → decision, for some learners of a course in one read. */
    Map<Long, Map<String, Decision>> of(long courseId, Collection<Long> learnerIds);

    /** Learner id → bloc code → decision, for a whole course in one read. */
    Map<Long, Map<String, Decision>> inCourse(long courseId);
}
