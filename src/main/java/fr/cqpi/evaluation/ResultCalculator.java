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
 * The result rules the référentiel file names (today each has one value):
 * a compétence is ACQUISE when all its criteria are ACQUIS, NON_ACQUISE when all are evaluated and not
 * all are ACQUIS, NON_COMMENCEE when none is evaluated, EN_COURS otherwise; a bloc is VALIDE when all
 * its compétences are ACQUISES, NON_VALIDE when every criterion is evaluated and a compétence is not
 * ACQUISE, NON_COMMENCE when none is evaluated, EN_COURS otherwise; its score is the percentage of its
 * criteria ACQUIS. A criterion without a judgment is NON_EVALUE.
 */
public final class ResultCalculator {

    private ResultCalculator() {}

    public static Results compute(Referentiel referentiel, Map<String, JudgmentStatus> statuses) {
        ResultRules rules = referentiel.rules();
        List<CompetenceResult> competences = new ArrayList<>();
        List<BlocResult> blocs = new ArrayList<>();
        for (Referentiel.Bloc bloc : referentiel.blocs()) {
            int blocAcquis = 0;
            int blocEvaluated = 0;
            int blocTotal = 0;
            boolean allCompetencesAcquises = true;
            for (Referentiel.Competence competence : bloc.competences()) {
                int acquis = 0;
                int evaluated = 0;
                for (Referentiel.Criterion criterion : competence.criteria()) {
                    JudgmentStatus status = statuses.getOrDefault(criterion.code(), JudgmentStatus.NON_EVALUE);
                    if (status == JudgmentStatus.ACQUIS) {
                        acquis++;
                    }
                    if (status.isEvaluated()) {
                        evaluated++;
                    }
                }
                int total = competence.criteria().size();
                CompetenceState state = competenceState(rules, acquis, evaluated, total);
                allCompetencesAcquises &= state == CompetenceState.ACQUISE;
                competences.add(new CompetenceResult(competence.code(), state, acquis, evaluated, total));
                blocAcquis += acquis;
                blocEvaluated += evaluated;
                blocTotal += total;
            }
            blocs.add(new BlocResult(
                    bloc.code(),
                    blocState(rules, allCompetencesAcquises, blocEvaluated, blocTotal),
                    score(rules, blocAcquis, blocTotal),
                    blocAcquis,
                    blocEvaluated,
                    blocTotal));
        }
        return new Results(List.copyOf(competences), List.copyOf(blocs));
    }

    // Each rule the référentiel names is applied by a switch over its values: a value added to ResultRules does not
    // compile until it is applied here, and a value the file names that ResultRules lacks is refused at load.
    private static CompetenceState competenceState(ResultRules rules, int acquis, int evaluated, int total) {
        boolean acquise = switch (rules.competenceAcquise()) {
            case ALL_CRITERIA_ACQUIS -> acquis == total;
        };
        if (acquise) {
            return CompetenceState.ACQUISE;
        }
        if (evaluated == 0) {
            return CompetenceState.NON_COMMENCEE;
        }
        return evaluated == total ? CompetenceState.NON_ACQUISE : CompetenceState.EN_COURS;
    }

    private static BlocState blocState(ResultRules rules, boolean allCompetencesAcquises, int evaluated, int total) {
        boolean valide = switch (rules.blocValide()) {
            case ALL_COMPETENCES_ACQUISES -> allCompetencesAcquises;
        };
        if (valide) {
            return BlocState.VALIDE;
        }
        if (evaluated == 0) {
            return BlocState.NON_COMMENCE;
        }
        return evaluated == total ? BlocState.NON_VALIDE : BlocState.EN_COURS;
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
