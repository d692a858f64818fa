package fr.cqpi.notifications;

import fr.cqpi.credentials.CredentialIssued;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate is told that a digital credential was issued to them, not which one (a bloc's badge says the bloc was
 * validated): credentials issued together, or before the message leaves, make one message.
 */
@Component
class CredentialIssuedMail implements NotificationType {

    static final String TYPE = "credential-issued";

    private final CandidateMails candidates;
    private final MailTexts texts;

    CredentialIssuedMail(CandidateMails candidates, MailTexts texts) {
        this.candidates = candidates;
        this.texts = texts;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onIssued(CredentialIssued event) {
        candidates.enqueue(
                TYPE,
                event.courseId(),
                event.learnerId(),
                "/app/me",
                Map.of(),
                TYPE + ":" + event.courseId() + ":" + event.learnerId());
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(TYPE, n.locale(), n.param("name"), n.param("qualification"), n.param("link")));
    }
}
