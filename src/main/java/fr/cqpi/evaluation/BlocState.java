package fr.cqpi.evaluation;

/**
 * A bloc's state in one word: the jury's decision when there is one, otherwise the evaluators' proposition
 * once the bloc is evaluated, otherwise how far the evaluation is. VALIDE, NON_VALIDE and AJOURNE only come from a jury.
 */
public enum BlocState {
    NON_COMMENCE,
    EN_COURS,
    PROPOSITION_FAVORABLE,
    PROPOSITION_DEFAVORABLE,
    VALIDE,
    NON_VALIDE,
    AJOURNE;

    static BlocState of(EvaluationState evaluation, Proposition proposition, Decision decision) {
        if (decision != null) {
            return switch (decision) {
                case VALIDE -> VALIDE;
                case NON_VALIDE -> NON_VALIDE;
                case AJOURNE -> AJOURNE;
            };
        }
        if (proposition != null) {
            return switch (proposition) {
                case FAVORABLE -> PROPOSITION_FAVORABLE;
                case DEFAVORABLE -> PROPOSITION_DEFAVORABLE;
            };
        }
        return switch (evaluation) {
            case NON_COMMENCE -> NON_COMMENCE;
            case EN_COURS, EVALUE -> EN_COURS;
        };
    }

    /** A jury decided the bloc. */
    public boolean isDecided() {
        return this == VALIDE || this == NON_VALIDE || this == AJOURNE;
    }

    /** The bloc is evaluated (a proposition stands) or decided: its grade is final until something changes. */
    public boolean isGraded() {
        return this != NON_COMMENCE && this != EN_COURS;
    }
}
