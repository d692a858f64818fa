package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.ToolRole;

/** Who records a judgment: the évaluateur habilité / formateur, or the tuteur entreprise. Each has their own. */
public enum EvaluatorRole {
    EVALUATEUR,
    TUTEUR;

    /** The evaluator role a launch judges as, or null when it does not judge. */
    public static EvaluatorRole of(Actor actor) {
        return actor.role() == ToolRole.EVALUATOR ? EVALUATEUR : actor.role() == ToolRole.TUTOR ? TUTEUR : null;
    }

    public EvaluatorRole other() {
        return this == EVALUATEUR ? TUTEUR : EVALUATEUR;
    }
}
