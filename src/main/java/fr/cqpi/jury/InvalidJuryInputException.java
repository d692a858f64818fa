package fr.cqpi.jury;

import fr.cqpi.shared.InvalidInputException;

/**
 * A jury input that cannot be recorded; names the field, and the refusal when the field alone does not say it
 * ({@code reason}, a stable word such as {@code filed_in_future}, with the values a message states). Nothing is
 * stored.
 */
public class InvalidJuryInputException extends InvalidInputException {

    public InvalidJuryInputException(String field, String message) {
        super(field, message);
    }

    public InvalidJuryInputException(String field, String reason, String message, Object... args) {
        super(field, reason, message, args);
    }
}
