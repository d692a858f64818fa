package fr.cqpi.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A cohort at a glance: how many learners are in each state per bloc, how the share of criteria acquired and
 * evaluated grew day by day (from the audit trail), the criteria most often judged NON_ACQUIS, and who is behind.
 */
public record Dashboard(
        int learners,
        List<BlocDistribution> blocs,
        List<DayProgress> progress,
        List<CriterionCount> mostNonAcquis,
        List<Behind> behind) {

    public record BlocDistribution(String blocCode, Map<BlocState, Integer> learnersByState) {
        public int count(BlocState state) {
            return learnersByState.getOrDefault(state, 0);
        }
    }

    /** At the end of {@code day}: criteria acquired and evaluated over the whole cohort, and their share (0–100). */
    public record DayProgress(LocalDate day, long acquis, long evaluated, int acquisPercent, int evaluatedPercent) {}

    public record CriterionCount(String criterionCode, String text, int learners) {}

    /** A learner behind the cohort: {@code reason} is NEVER_JUDGED, NOT_JUDGED_LATELY or BELOW_COHORT. */
    public record Behind(CohortRow row, String reason, int evaluatedPercent) {}
}
