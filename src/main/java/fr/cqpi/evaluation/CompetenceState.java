package fr.cqpi.evaluation;

public enum CompetenceState {
    NON_COMMENCEE,
    EN_COURS,
    ACQUISE,
    NON_ACQUISE
}
