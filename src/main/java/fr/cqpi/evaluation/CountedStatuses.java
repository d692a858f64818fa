package fr.cqpi.evaluation;

import fr.cqpi.referentiel.ResultRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The status each criterion counts with in the results, from both evaluators' statuses, by the référentiel's rule. */
public final class CountedStatuses {

    private CountedStatuses() {}

    public static Map<String, JudgmentStatus> of(
            ResultRules rules, Map<String, JudgmentStatus> evaluateur, Map<String, JudgmentStatus> tuteur) {
        // A switch over the rule's values: a value added to ResultRules does not compile until it is applied here.
        return switch (rules.propositionJudgments()) {
            case EVALUATEUR_HABILITE -> evaluateur;
            case BOTH_ACQUIS -> {
                Set<String> codes = new HashSet<>(evaluateur.keySet());
                codes.addAll(tuteur.keySet());
                Map<String, JudgmentStatus> counted = new HashMap<>();
                for (String code : codes) {
                    counted.put(
                            code,
                            bothAcquis(
                                    evaluateur.getOrDefault(code, JudgmentStatus.NON_EVALUE),
                                    tuteur.getOrDefault(code, JudgmentStatus.NON_EVALUE)));
                }
                yield counted;
            }
        };
    }

    static JudgmentStatus bothAcquis(JudgmentStatus a, JudgmentStatus b) {
        if (a == JudgmentStatus.NON_EVALUE && b == JudgmentStatus.NON_EVALUE) {
            return JudgmentStatus.NON_EVALUE;
        }
        if (!a.isConclusive() || !b.isConclusive()) {
            return JudgmentStatus.EN_COURS;
        }
        return a == JudgmentStatus.ACQUIS && b == JudgmentStatus.ACQUIS
                ? JudgmentStatus.ACQUIS
                : JudgmentStatus.NON_ACQUIS;
    }
}
