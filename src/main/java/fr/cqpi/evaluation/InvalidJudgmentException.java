package fr.cqpi.evaluation;

import fr.cqpi.shared.InvalidInputException;

/** A judgment that cannot be stored as submitted; names the field. Nothing is stored. */
public class InvalidJudgmentException extends InvalidInputException {

    public InvalidJudgmentException(String field, String message) {
        super(field, message);
    }
}
