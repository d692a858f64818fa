package fr.cqpi.evaluation;

/** The kinds of evaluation session of a CQP: positionnement, évaluation intermédiaire, évaluation finale. */
public enum SessionKind {
    POSITIONNEMENT,
    EVALUATION_INTERMEDIAIRE,
    EVALUATION_FINALE
}
