package fr.cqpi.evaluation;

import fr.cqpi.evaluation.Results.BlocResult;
import fr.cqpi.evaluation.Results.CompetenceResult;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ResultRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the result rules the référentiel file names. A criterion without a judgment is NON_EVALUE; EN_COURS is
 * judged but not concluded. A compétence is ACQUISE by its rule, NON_ACQUISE when every criterion is ACQUIS or
 * NON_ACQUIS and it is not acquired, NON_COMMENCEE when none is judged, EN_COURS otherwise. A bloc is EVALUE when
 * every criterion is ACQUIS or NON_ACQUIS, NON_COMMENCE when none is judged, EN_COURS otherwise; an evaluated bloc
 * carries the proposition of its rule; the decision is the jury's, never computed. The score is the percentage of
 * the bloc's criteria ACQUIS.
 */
public final class ResultCalculator {

    private ResultCalculator() {}

    public static Results compute(Referentiel referentiel, Map<String, JudgmentStatus> statuses) {
        return compute(referentiel, statuses, Map.of());
    }

    /** {@code decisions}: the jury's standing decision per bloc code, if any. */
    public static Results compute(
            Referentiel referentiel, Map<String, JudgmentStatus> statuses, Map<String, Decision> decisions) {
        ResultRules rules = referentiel.rules();
        List<CompetenceResult> competences = new ArrayList<>();
        List<BlocResult> blocs = new ArrayList<>();
        for (Referentiel.Bloc bloc : referentiel.blocs()) {
            Counts blocCounts = new Counts();
            boolean allCompetencesAcquises = true;
            for (Referentiel.Competence competence : bloc.competences()) {
                Counts counts = new Counts();
                for (Referentiel.Criterion criterion : competence.criteria()) {
                    counts.add(statuses.getOrDefault(criterion.code(), JudgmentStatus.NON_EVALUE));
                }
                CompetenceState state = competenceState(rules, counts);
                allCompetencesAcquises &= state == CompetenceState.ACQUISE;
                competences.add(
                        new CompetenceResult(competence.code(), state, counts.acquis, counts.evaluated, counts.total));
                blocCounts.add(counts);
            }
            EvaluationState evaluation = blocCounts.concluded == blocCounts.total && blocCounts.total > 0
                    ? EvaluationState.EVALUE
                    : blocCounts.evaluated == 0 ? EvaluationState.NON_COMMENCE : EvaluationState.EN_COURS;
            Proposition proposition = evaluation == EvaluationState.EVALUE
                    ? proposition(rules, allCompetencesAcquises, blocCounts)
                    : null;
            blocs.add(new BlocResult(
                    bloc.code(),
                    evaluation,
                    proposition,
                    decisions.get(bloc.code()),
                    score(rules, blocCounts.acquis, blocCounts.total),
                    blocCounts.acquis,
                    blocCounts.evaluated,
                    blocCounts.total));
        }
        return new Results(List.copyOf(competences), List.copyOf(blocs));
    }

    private static final class Counts {
        int acquis;
        int evaluated;
        int concluded;
        int total;

        void add(JudgmentStatus status) {
            total++;
            if (status == JudgmentStatus.ACQUIS) {
                acquis++;
            }
            if (status.isEvaluated()) {
                evaluated++;
            }
            if (status.isConclusive()) {
                concluded++;
            }
        }

        void add(Counts other) {
            acquis += other.acquis;
            evaluated += other.evaluated;
            concluded += other.concluded;
            total += other.total;
        }
    }

    // Each rule the référentiel names is applied by a switch over its values: a value added to ResultRules does not
    // compile until it is applied here, and a value the file names that ResultRules lacks is refused at load.
    private static CompetenceState competenceState(ResultRules rules, Counts counts) {
        boolean acquise = switch (rules.competenceAcquise()) {
            case ALL_CRITERIA_ACQUIS -> counts.acquis == counts.total;
        };
        if (acquise) {
            return CompetenceState.ACQUISE;
        }
        if (counts.concluded == counts.total) {
            return CompetenceState.NON_ACQUISE;
        }
        return counts.evaluated == 0 ? CompetenceState.NON_COMMENCEE : CompetenceState.EN_COURS;
    }

    private static Proposition proposition(ResultRules rules, boolean allCompetencesAcquises, Counts counts) {
        boolean favorable = switch (rules.blocValide()) {
            case ALL_COMPETENCES_ACQUISES -> allCompetencesAcquises;
            case SHARE_OF_CRITERIA_ACQUIS ->
                counts.acquis * 100L >= (long) rules.blocValideMinimumPercent() * counts.total;
        };
        return favorable ? Proposition.FAVORABLE : Proposition.DEFAVORABLE;
    }

    private static BigDecimal score(ResultRules rules, int acquis, int total) {
        return switch (rules.blocScore()) {
            case PERCENT_CRITERIA_ACQUIS ->
                total == 0
                        ? BigDecimal.ZERO.setScale(rules.scoreDecimals())
                        : BigDecimal.valueOf(acquis * 100L)
                                .divide(BigDecimal.valueOf(total), rules.scoreDecimals(), RoundingMode.HALF_UP);
        };
    }
}
