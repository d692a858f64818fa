package fr.cqpi.evaluation;

public enum BlocState {
    NON_COMMENCE,
    EN_COURS,
    VALIDE,
    NON_VALIDE;

    /** A bloc is decided once it is VALIDE or NON_VALIDE. */
    public boolean isDecided() {
        return this == VALIDE || this == NON_VALIDE;
    }
}
