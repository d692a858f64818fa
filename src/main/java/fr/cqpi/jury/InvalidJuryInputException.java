package fr.cqpi.jury;

/** A jury input that cannot be recorded; names the field. Nothing is stored. */
public class InvalidJuryInputException extends RuntimeException {

    private final String field;

    public InvalidJuryInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
