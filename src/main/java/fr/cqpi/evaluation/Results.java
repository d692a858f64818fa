package fr.cqpi.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Compétence and bloc results of one learner, as the référentiel's rules derive them from the judgments. */
public record Results(List<CompetenceResult> competences, List<BlocResult> blocs) {

    public record CompetenceResult(String code, CompetenceState state, int acquis, int evaluated, int total) {}

    /**
     * {@code state} sums up the three others in one word (see {@link BlocState}); {@code proposition} is null until
     * the bloc is EVALUE, {@code decision} until a jury decides.
     */
    public record BlocResult(
            String code,
            BlocState state,
            EvaluationState evaluationState,
            Proposition proposition,
            Decision decision,
            BigDecimal score,
            int acquis,
            int evaluated,
            int total) {

        /** The state derived from the evaluation, the proposition and the decision. */
        public BlocResult(
                String code,
                EvaluationState evaluationState,
                Proposition proposition,
                Decision decision,
                BigDecimal score,
                int acquis,
                int evaluated,
                int total) {
            this(
                    code,
                    BlocState.of(evaluationState, proposition, decision),
                    evaluationState,
                    proposition,
                    decision,
                    score,
                    acquis,
                    evaluated,
                    total);
        }

        /** Share of criteria evaluated, 0–100, for progress bars. */
        public int evaluatedPercent() {
            return total == 0 ? 0 : Math.round(100f * evaluated / total);
        }
    }

    public Optional<BlocResult> bloc(String code) {
        return blocs.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Optional<CompetenceResult> competence(String code) {
        return competences.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
