package fr.cqpi.documents;

/** The document cannot be issued in the current state of the file (e.g. a certificate before four VALIDE). */
public class DocumentRefusedException extends RuntimeException {

    private final String reason;

    public DocumentRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable word for the refusal, e.g. {@code blocs_not_all_validated}. */
    public String reason() {
        return reason;
    }
}
