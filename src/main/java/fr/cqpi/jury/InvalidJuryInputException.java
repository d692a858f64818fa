package fr.cqpi.jury;

import fr.cqpi.shared.RefusedException;

/**
 * A jury input that cannot be recorded; names the field, and the refusal when the field alone does not say it
 * ({@code reason}, a stable word such as {@code filed_in_future}, with the values a message states). Nothing is
 * stored.
 */
public class InvalidJuryInputException extends RefusedException {

    private final String field;

    public InvalidJuryInputException(String field, String message) {
        this(field, null, message);
    }

    public InvalidJuryInputException(String field, String reason, String message, Object... args) {
        super(reason, message, args);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
