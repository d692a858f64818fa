package fr.cqpi.evaluation;

import fr.cqpi.referentiel.ResultRules;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** One learner's latest judgments by each evaluator role, by criterion code. */
record EvaluatorJudgments(Map<EvaluatorRole, Map<String, Judgment>> byRole) {

    EvaluatorJudgments() {
        this(new EnumMap<>(EvaluatorRole.class));
    }

    Map<String, Judgment> of(EvaluatorRole role) {
        return byRole.computeIfAbsent(role, r -> new HashMap<>());
    }

    void put(Judgment judgment) {
        of(judgment.evaluatorRole()).put(judgment.criterionCode(), judgment);
    }

    /** The statuses the results follow, by the référentiel's rule. */
    Map<String, JudgmentStatus> counted(ResultRules rules) {
        return CountedStatuses.of(rules, statuses(of(EvaluatorRole.EVALUATEUR)), statuses(of(EvaluatorRole.TUTEUR)));
    }

    static Map<String, JudgmentStatus> statuses(Map<String, Judgment> judgments) {
        Map<String, JudgmentStatus> statuses = new HashMap<>();
        judgments.forEach((code, j) -> statuses.put(code, j.status()));
        return statuses;
    }
}
