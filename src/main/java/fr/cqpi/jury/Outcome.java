package fr.cqpi.jury;

import fr.cqpi.evaluation.Decision;

/**
 * What a jury decides on a candidate's bloc; AJOURNE adjourns it (not validated, presented again later, the evaluation
 * goes on); REOUVERTURE reopens its evaluation (nothing stands any more).
 */
public enum Outcome {
    VALIDE,
    NON_VALIDE,
    AJOURNE,
    REOUVERTURE;

    /** The decision that stands after this outcome, or null. */
    public Decision standing() {
        return switch (this) {
            case VALIDE -> Decision.VALIDE;
            case NON_VALIDE -> Decision.NON_VALIDE;
            case AJOURNE -> Decision.AJOURNE;
            case REOUVERTURE -> null;
        };
    }
}
