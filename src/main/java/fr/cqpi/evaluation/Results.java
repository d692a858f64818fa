package fr.cqpi.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Compétence and bloc results of one learner, as the référentiel's rules derive them from the judgments. */
public record Results(List<CompetenceResult> competences, List<BlocResult> blocs) {

    public record CompetenceResult(String code, CompetenceState state, int acquis, int evaluated, int total) {}

    public record BlocResult(String code, BlocState state, BigDecimal score, int acquis, int evaluated, int total) {

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
