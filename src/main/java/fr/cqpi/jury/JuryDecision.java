package fr.cqpi.jury;

import fr.cqpi.evaluation.Proposition;
import java.time.Instant;

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
        Instant decidedAt) {}
