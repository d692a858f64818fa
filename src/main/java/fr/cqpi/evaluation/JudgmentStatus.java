package fr.cqpi.evaluation;

/** An evaluator's judgment of one observable criterion. */
public enum JudgmentStatus {
    NON_EVALUE,
    NON_ACQUIS,
    EN_COURS,
    ACQUIS;

    public boolean isEvaluated() {
        return this != NON_EVALUE;
    }

    /** ACQUIS or NON_ACQUIS: a judgment that concludes; EN_COURS is progress, not a conclusion. */
    public boolean isConclusive() {
        return this == ACQUIS || this == NON_ACQUIS;
    }
}
