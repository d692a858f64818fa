package fr.cqpi.evaluation;

import fr.cqpi.referentiel.Referentiel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the two evaluators' latest judgments differ, in the référentiel's order. */
final class Divergences {

    private Divergences() {}

    static boolean divergent(Judgment evaluateur, Judgment tuteur) {
        return evaluateur.status().isEvaluated()
                && tuteur.status().isEvaluated()
                && evaluateur.status() != tuteur.status();
    }

    static List<Divergence> of(Referentiel referentiel, Map<EvaluatorRole, Map<String, Judgment>> byRole) {
        Map<String, Judgment> evaluateur = byRole.getOrDefault(EvaluatorRole.EVALUATEUR, Map.of());
        Map<String, Judgment> tuteur = byRole.getOrDefault(EvaluatorRole.TUTEUR, Map.of());
        List<Divergence> divergences = new ArrayList<>();
        if (tuteur.isEmpty() || evaluateur.isEmpty()) {
            return divergences;
        }
        for (Referentiel.Bloc bloc : referentiel.blocs()) {
            for (Referentiel.Competence competence : bloc.competences()) {
                for (Referentiel.Criterion criterion : competence.criteria()) {
                    Judgment e = evaluateur.get(criterion.code());
                    Judgment t = tuteur.get(criterion.code());
                    if (e != null && t != null && divergent(e, t)) {
                        divergences.add(new Divergence(bloc.code(), competence.code(), criterion.code(), e, t));
                    }
                }
            }
        }
        return divergences;
    }
}
