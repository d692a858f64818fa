package fr.cqpi.notifications;

import fr.cqpi.documents.DocumentIssued;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * The candidate is told that a document of theirs was issued. Not which: a certificate or an attestation would say
 * the jury's outcome; they see it in the tool.
 */
@Component
class DocumentIssuedMail implements NotificationType {

    static final String TYPE = "document-issued";

    private final CandidateMails candidates;
    private final MailTexts texts;

    DocumentIssuedMail(CandidateMails candidates, MailTexts texts) {
        this.candidates = candidates;
        this.texts = texts;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onIssued(DocumentIssued event) {
        long learner = event.learner().userId();
        candidates.enqueue(
                TYPE,
                event.courseId(),
                learner,
                "/app/learners/" + UriUtils.encodePathSegment(event.learner().sub(), "UTF-8") + "/documents",
                Map.of(),
                TYPE + ":" + event.courseId() + ":" + learner);
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(TYPE, n.locale(), n.param("name"), n.param("qualification"), n.param("link")));
    }
}
