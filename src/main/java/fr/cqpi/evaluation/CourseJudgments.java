package fr.cqpi.evaluation;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A course's standing judgments as the cohort needs them, read in one statement: the statuses by learner and
 * evaluator role, when each learner was last judged, and who judged whom (a status other than « non évalué »).
 */
record CourseJudgments(
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statuses,
        Map<Long, Instant> lastJudgedAt,
        Map<String, Judge> judges) {

    /** Someone whose judgments stand for some learners, by the name they last recorded one under. */
    record Judge(String sub, String name, Set<Long> learnerIds) {}

    CourseJudgments() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>());
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
