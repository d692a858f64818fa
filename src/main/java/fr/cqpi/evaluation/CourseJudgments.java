package fr.cqpi.evaluation;

import fr.cqpi.referentiel.Referentiel;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A course's standing judgments as the cohort needs them, read in one statement: the statuses by learner and
 * evaluator role, when each learner was last judged, and who judged whom (a status other than « non évalué »).
 */
record CourseJudgments(
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statuses,
        Map<Long, Instant> lastJudgedAt,
        Map<String, Judge> judges,
        Map<Long, Computed> computed) {

    /** A learner's results as computed from these judgments under a référentiel and the jury's decisions. */
    record Computed(Referentiel referentiel, Map<String, Decision> decisions, Results results) {}

    /** A learner's results from their statuses by evaluator role (the two evaluators' counted together). */
    static Results compute(
            Map<EvaluatorRole, Map<String, JudgmentStatus>> byRole,
            Referentiel referentiel,
            Map<String, Decision> decisions) {
        return ResultCalculator.compute(
                referentiel,
                CountedStatuses.of(
                        referentiel.rules(),
                        byRole.getOrDefault(EvaluatorRole.EVALUATEUR, Map.of()),
                        byRole.getOrDefault(EvaluatorRole.TUTEUR, Map.of())),
                decisions);
    }

    /** Someone whose judgments stand for some learners, by the name they last recorded one under. */
    record Judge(String sub, String name, Set<Long> learnerIds) {}

    CourseJudgments() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * A learner's results from these statuses: computed once per copy of the course's judgments (a cached copy lives
     * until the course's next judgment) for the same référentiel and the same standing decisions, as the cohort
     * of 200 learners computed all of them again on every view.
     */
    Results results(long learnerId, Referentiel referentiel, Map<String, Decision> decisions) {
        Computed kept = computed.get(learnerId);
        if (kept != null
                && kept.referentiel() == referentiel
                && kept.decisions().equals(decisions)) {
            return kept.results();
        }
        Results results = compute(statuses.getOrDefault(learnerId, Map.of()), referentiel, decisions);
        computed.put(learnerId, new Computed(referentiel, new HashMap<>(decisions), results));
        return results;
    }

    /** How many statuses it holds (what a cached copy weighs). */
    int size() {
        int size = 0;
        for (Map<EvaluatorRole, Map<String, JudgmentStatus>> byRole : statuses.values()) {
            for (Map<String, JudgmentStatus> byCriterion : byRole.values()) {
                size += byCriterion.size();
            }
        }
        return size;
    }

    void judged(long learnerId, String judgeSub, String judgeName, Instant at) {
        lastJudgedAt.merge(learnerId, at, (a, b) -> a.isAfter(b) ? a : b);
        Judge judge = judges.computeIfAbsent(judgeSub, sub -> new Judge(sub, judgeName, new HashSet<>()));
        judge.learnerIds().add(learnerId);
        if (judge.name() == null && judgeName != null) {
            judges.put(judgeSub, new Judge(judgeSub, judgeName, judge.learnerIds()));
        }
    }
}
