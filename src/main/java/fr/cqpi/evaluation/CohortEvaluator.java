package fr.cqpi.evaluation;

import java.util.Set;

/**
 * Someone who evaluates learners of the course, for the cohort's evaluator filter: a person whose judgments stand
 * for these learners, or a tuteur entreprise following them (then {@code tutor}).
 */
public record CohortEvaluator(String sub, String name, boolean tutor, Set<String> learnerSubs) {

    public String displayName() {
        return name != null ? name : sub;
    }
}
