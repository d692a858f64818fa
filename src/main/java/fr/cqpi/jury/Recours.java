package fr.cqpi.jury;

import java.time.Instant;
import java.time.LocalDate;

/** A candidate's recours against a bloc's decision; {@code decisionId} once a jury decided it. */
public record Recours(
        long id,
        String learnerSub,
        String blocCode,
        LocalDate filedOn,
        String grounds,
        String recordedBy,
        Instant recordedAt,
        Long decisionId) {

    /** Not decided yet: a decision naming it may still change the bloc's outcome. */
    public boolean pending() {
        return decisionId == null;
    }
}
