package fr.cqpi.evaluation;

/** A jury decided the bloc: its judgments stay as they were decided until the jury decides again. */
public class BlocLockedException extends RuntimeException {

    private final String blocCode;
    private final Decision decision;

    public BlocLockedException(String blocCode, Decision decision) {
        super("bloc " + blocCode + " was decided by the jury (" + decision
                + "): its judgments cannot change until the jury reopens it or decides again");
        this.blocCode = blocCode;
        this.decision = decision;
    }

    public String blocCode() {
        return blocCode;
    }

    public Decision decision() {
        return decision;
    }
}
