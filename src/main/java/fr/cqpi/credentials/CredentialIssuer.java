package fr.cqpi.credentials;

import fr.cqpi.evaluation.BlocResultsChanged;
import fr.cqpi.evaluation.BlocState;
import fr.cqpi.evaluation.Results;
import fr.cqpi.lti.ToolBaseUrl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and revokes in the transaction that records the jury's decision (a synchronous listener, like the grade
 * outbox): a bloc that becomes VALIDE gets its credential, a bloc that no longer is (a recours overturning the
 * decision, a reopening) has its credential revoked; both commit or roll back with the decision. Without a base URL
 * to name the credential by (no request, none configured), issuing waits for the next listing or start.
 */
@Component
class CredentialIssuer {

    private final Credentials credentials;
    private final ToolBaseUrl baseUrl;

    CredentialIssuer(Credentials credentials, ToolBaseUrl baseUrl) {
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onBlocResultsChanged(BlocResultsChanged event) {
        long learnerId = event.learner().userId();
        for (Results.BlocResult bloc : event.changedBlocs()) {
            if (bloc.state() != BlocState.VALIDE) {
                credentials.withdraw(
                        event.courseId(), learnerId, bloc.code(), bloc.state().name());
            } else if (canName()) {
                credentials.issueIfValidated(event.courseId(), learnerId, bloc.code());
            }
        }
    }

    private boolean canName() {
        try {
            baseUrl.get();
            return true;
        } catch (IllegalStateException noBaseUrl) {
            return false;
        }
    }
}
