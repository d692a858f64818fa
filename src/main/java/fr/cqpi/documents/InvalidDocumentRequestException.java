package fr.cqpi.documents;

public class InvalidDocumentRequestException extends RuntimeException {

    private final String field;

    public InvalidDocumentRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
