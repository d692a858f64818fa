package fr.cqpi.documents;

import fr.cqpi.shared.InvalidInputException;

/** A document asked with inputs it cannot be issued from (a missing date, an unknown bloc…). Nothing is stored. */
public class InvalidDocumentRequestException extends InvalidInputException {

    public InvalidDocumentRequestException(String field, String message) {
        super(field, message);
    }
}
