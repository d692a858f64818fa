package fr.cqpi.evaluation;

/**
 * How far the evaluators are with a bloc: EVALUE once every criterion is judged ACQUIS or NON_ACQUIS;
 * EN_COURS as soon as one criterion is judged (EN_COURS « en cours d'acquisition » included), never a failure.
 */
public enum EvaluationState {
    NON_COMMENCE,
    EN_COURS,
    EVALUE
}
