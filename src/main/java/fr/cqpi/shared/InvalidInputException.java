package fr.cqpi.shared;

/**
 * A value a person or a client sent that breaks a rule: the API answers 400 naming {@link #field()}, a page shows the
 * message beside that field with what was typed. Nothing is stored. Each module names its own kind (judgments, jury
 * inputs, evidence, documents, invitations) so that a caller can tell them apart; they carry nothing more.
 */
public class InvalidInputException extends RefusedException {

    private final String field;

    public InvalidInputException(String field, String message) {
        this(field, null, message);
    }

    /** With a stable word for the refusal when a page says more than "this field is invalid". */
    public InvalidInputException(String field, String reason, String message, Object... args) {
        super(reason, message, args);
        this.field = field;
    }

    /** The request's parameter or JSON property at fault. */
    public String field() {
        return field;
    }
}
