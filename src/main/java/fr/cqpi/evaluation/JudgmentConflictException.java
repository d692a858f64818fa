package fr.cqpi.evaluation;

/** Another evaluator saved the criterion after the version this one saw; carries their value. */
public class JudgmentConflictException extends RuntimeException {

    private final Judgment current;

    public JudgmentConflictException(Judgment current) {
        super("The judgment of " + current.criterionCode() + " was changed (version " + current.version() + ")");
        this.current = current;
    }

    public Judgment current() {
        return current;
    }
}
