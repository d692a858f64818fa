package fr.cqpi.evaluation;

/**
 * What an evaluator submits for a criterion. Strings as received: the service validates them and
 * names the faulty field. {@code version} is the version the evaluator saw (optional); {@code sessionId} the
 * evaluation session the judgment is made in (optional: the course's current session).
 */
public record JudgmentInput(String status, String modality, String comment, Integer version, Long sessionId) {

    public JudgmentInput(String status, String modality, String comment, Integer version) {
        this(status, modality, comment, version, null);
    }
}
