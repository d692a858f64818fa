package fr.cqpi.evaluation;

/** An evaluation session or tutor assignment request that cannot be accepted as submitted; names the field. Nothing is stored. */
public class InvalidEvaluationInputException extends RuntimeException {

    private final String field;

    public InvalidEvaluationInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
