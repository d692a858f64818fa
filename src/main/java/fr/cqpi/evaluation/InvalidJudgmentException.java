package fr.cqpi.evaluation;

/** A judgment that cannot be stored as submitted; names the field. Nothing is stored. */
public class InvalidJudgmentException extends RuntimeException {

    private final String field;

    public InvalidJudgmentException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
