package fr.cqpi.jury;

import fr.cqpi.evaluation.Proposition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One decision of a jury on a candidate's bloc; {@code proposition} is the evaluators' one when it was taken. */
public record JuryDecision(
        long id,
        long sessionId,
        String learnerSub,
        String blocCode,
        Outcome outcome,
        Vote vote,
        String reason,
        String preconisations,
        Proposition proposition,
        Long recoursId,
        String decidedBy,
        Instant decidedAt) {

    /** Of one candidate's decisions, the one standing on each bloc: the latest, unless it reopened the evaluation. */
    public static Map<String, JuryDecision> standing(List<JuryDecision> decisions) {
        Map<String, JuryDecision> latest = new HashMap<>();
        decisions.forEach(d -> latest.merge(d.blocCode(), d, (a, b) -> a.id() > b.id() ? a : b));
        latest.values().removeIf(d -> d.outcome().standing() == null);
        return latest;
    }
}
