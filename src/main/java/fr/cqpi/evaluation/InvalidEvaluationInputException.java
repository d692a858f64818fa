package fr.cqpi.evaluation;

import fr.cqpi.shared.InvalidInputException;

/** An evaluation session or tutor assignment request that cannot be accepted as submitted. Nothing is stored. */
public class InvalidEvaluationInputException extends InvalidInputException {

    public InvalidEvaluationInputException(String field, String message) {
        super(field, message);
    }
}
