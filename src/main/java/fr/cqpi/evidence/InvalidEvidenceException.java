package fr.cqpi.evidence;

/** Evidence that cannot be attached as given (a bad link, an unknown bloc…); names the field. Nothing is stored. */
public class InvalidEvidenceException extends RuntimeException {

    private final String field;

    public InvalidEvidenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
