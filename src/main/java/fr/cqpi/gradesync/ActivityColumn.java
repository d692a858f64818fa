package fr.cqpi.gradesync;

import fr.cqpi.evaluation.BlocState;
import fr.cqpi.evaluation.Results;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The activity's own gradebook column: the line item the platform's launch names in its AGS claim
 * ({@code lineitem}) for a resource link that is not a placed bloc. It receives the learner's overall result, the
 * share of all the référentiel's criteria judged ACQUIS (0–100, two decimals), under the same rules as a bloc
 * column: the outbox and the line items keep it under the reserved code {@link #CODE}, which no bloc can have.
 */
final class ActivityColumn {

    /** The outbox's and line items' « bloc » code of the activity's own column. */
    static final String CODE = "ALL";

    private ActivityColumn() {}

    static boolean is(String blocCode) {
        return CODE.equals(blocCode);
    }

    /** How far the whole evaluation is. */
    enum State {
        /** No criterion of any bloc judged. */
        NON_COMMENCE,
        /** Something judged, and some bloc neither evaluated nor decided by the jury. */
        EN_COURS,
        /** Every bloc evaluated (a proposition stands) or decided by the jury. */
        EVALUE
    }

    /** The learner's overall result, from their bloc results. */
    record Overall(
            State state, BigDecimal score, int acquis, int total, int blocs, int gradedBlocs, int validatedBlocs) {

        static Overall of(List<Results.BlocResult> blocs) {
            int acquis = 0;
            int total = 0;
            int graded = 0;
            int validated = 0;
            boolean started = false;
            for (Results.BlocResult bloc : blocs) {
                acquis += bloc.acquis();
                total += bloc.total();
                graded += bloc.state().isGraded() ? 1 : 0;
                validated += bloc.state() == BlocState.VALIDE ? 1 : 0;
                started |= bloc.state() != BlocState.NON_COMMENCE;
            }
            int scale = blocs.isEmpty() ? 2 : blocs.get(0).score().scale();
            BigDecimal score = total == 0
                    ? BigDecimal.ZERO.setScale(scale)
                    : BigDecimal.valueOf(acquis * 100L).divide(BigDecimal.valueOf(total), scale, RoundingMode.HALF_UP);
            State state = !blocs.isEmpty() && graded == blocs.size()
                    ? State.EVALUE
                    : started ? State.EN_COURS : State.NON_COMMENCE;
            return new Overall(state, score, acquis, total, blocs.size(), graded, validated);
        }
    }
}
