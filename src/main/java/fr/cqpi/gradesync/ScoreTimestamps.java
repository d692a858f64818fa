package fr.cqpi.gradesync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The timestamp of a score. Moodle keeps a grade's time in whole seconds and refuses (409) a score whose
 * timestamp is not after it, so per line item and user each score is later, in whole seconds, than the last
 * one sent; and it is never earlier than the change it reports (it is read after the results are).
 */
final class ScoreTimestamps {

    private ScoreTimestamps() {}

    /** @param now the time after the reported results were read; @param last the previous score's, or null */
    static Instant next(Instant now, Instant last) {
        Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
        if (last == null) {
            return candidate;
        }
        Instant earliest = last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return candidate.isBefore(earliest) ? earliest : candidate;
    }
}
