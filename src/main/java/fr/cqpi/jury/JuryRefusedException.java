package fr.cqpi.jury;

/**
 * A decision that is well formed but cannot be recorded yet: the jury session has not been held. The API answers
 * 409 with the reason as its title; nothing is stored.
 */
public class JuryRefusedException extends InvalidJuryInputException {

    public JuryRefusedException(String field, String reason, String message, Object... args) {
        super(field, reason, message, args);
    }
}
