package fr.cqpi.evidence;

import fr.cqpi.shared.InvalidInputException;

/** Evidence that cannot be attached as given (a bad link, an unknown bloc…). Nothing is stored. */
public class InvalidEvidenceException extends InvalidInputException {

    public InvalidEvidenceException(String field, String message) {
        super(field, message);
    }
}
