package fr.cqpi.evaluation;

/** What only a jury decides for a bloc. */
public enum Decision {
    VALIDE,
    NON_VALIDE
}
