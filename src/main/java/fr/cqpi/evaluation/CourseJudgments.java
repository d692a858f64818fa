package fr.cqpi.evaluation;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A course's standing judgments as the cohort needs them, read in two statements: the statuses by learner and
 * evaluator role, when each learner was last judged, and who judged whom (a status other than « non évalué »).
 */
record CourseJudgments(
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statuses,
        Map<Long, Instant> lastJudgedAt,
        Map<String, Judge> judges) {

    /** Someone whose judgments stand for some learners, by the name they last recorded one under (and when). */
    record Judge(String sub, String name, Instant nameRecordedAt, Set<Long> learnerIds) {}

    CourseJudgments() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    /** A judge's judgments of a learner: their latest time, and the name their latest named one carries. */
    void judged(long learnerId, String judgeSub, String judgeName, Instant at) {
        lastJudgedAt.merge(learnerId, at, (a, b) -> a.isAfter(b) ? a : b);
        Judge judge = judges.computeIfAbsent(judgeSub, sub -> new Judge(sub, null, null, new HashSet<>()));
        judge.learnerIds().add(learnerId);
        if (judgeName != null && (judge.name() == null || at.isAfter(judge.nameRecordedAt()))) {
            judges.put(judgeSub, new Judge(judgeSub, judgeName, at, judge.learnerIds()));
        }
    }
}
