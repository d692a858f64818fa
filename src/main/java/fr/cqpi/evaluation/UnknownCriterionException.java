package fr.cqpi.evaluation;

import fr.cqpi.shared.NotFoundException;

public class UnknownCriterionException extends NotFoundException {

    public UnknownCriterionException(String code) {
        super("No criterion " + code + " in the référentiel");
    }
}
