package fr.cqpi.referentiel;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad référentiel file stops the start with the file, JSON path and fault, nothing else. */
class InvalidReferentielFailureAnalyzer extends AbstractFailureAnalyzer<InvalidReferentielException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidReferentielException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the file (check it with java -jar cqpi-lti.jar --cqpi.referentiel.validate=PATH) and start again."
                        + " Nothing of it was stored.",
                cause);
    }
}
