package fr.cqpi.evaluation;

/**
 * What only a jury decides for a bloc. AJOURNE: not validated, the candidate is presented again at a later jury; the
 * evaluation of the bloc goes on meanwhile (its judgments are not locked).
 */
public enum Decision {
    VALIDE,
    NON_VALIDE,
    AJOURNE;

    /** Whether the bloc's judgments stay as decided until the jury decides again. */
    public boolean locks() {
        return this != AJOURNE;
    }
}
