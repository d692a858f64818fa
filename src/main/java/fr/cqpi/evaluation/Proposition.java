package fr.cqpi.evaluation;

/** The evaluators' proposition to the jury for an evaluated bloc, by the référentiel's {@code blocValide} rule. */
public enum Proposition {
    FAVORABLE,
    DEFAVORABLE
}
