package fr.cqpi.evaluation;

public class UnknownCriterionException extends RuntimeException {

    public UnknownCriterionException(String code) {
        super("No criterion " + code + " in the référentiel");
    }
}
