package fr.cqpi.personaldata;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the retention job, as each module's {@link PersonalData#purge} sees it: the time it runs at, the
 * periods, and the end of every training (the latest activity any module reported), less the trainings on hold.
 */
public record RetentionRun(
        Instant now, RetentionPeriods periods, Map<Training, Instant> trainingEnds, Set<Training> holds) {

    public RetentionRun {
        trainingEnds = Map.copyOf(trainingEnds);
        holds = Set.copyOf(holds);
    }

    /** The instant before which what a period counts from is past it. */
    public Instant cutoff(Duration period) {
        return now.minus(period);
    }

    /** The trainings that ended more than {@code period} ago and are not on hold. */
    public List<Training> endedBefore(Duration period) {
        Instant cutoff = cutoff(period);
        return trainingEnds.entrySet().stream()
                .filter(e -> e.getValue().isBefore(cutoff) && !holds.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingLong(Training::courseId).thenComparingLong(Training::learnerId))
                .toList();
    }
}
