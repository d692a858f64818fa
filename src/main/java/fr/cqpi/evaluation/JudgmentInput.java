package fr.cqpi.evaluation;

/**
 * What an evaluator submits for a criterion. Strings as received: the service validates them and
 * names the faulty field. {@code version} is the version the evaluator saw (optional).
 */
public record JudgmentInput(String status, String modality, String comment, Integer version) {}
