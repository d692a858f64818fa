package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.documents.DocumentIssued;
import fr.cqpi.evaluation.EvaluationQueries;
import java.util.List;
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

    private final NotificationOutbox outbox;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final MailTexts texts;
    private final ToolLinks links;

    DocumentIssuedMail(
            NotificationOutbox outbox,
            CourseMembers members,
            EvaluationQueries evaluation,
            MailTexts texts,
            ToolLinks links) {
        this.outbox = outbox;
        this.members = members;
        this.evaluation = evaluation;
        this.texts = texts;
        this.links = links;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onIssued(DocumentIssued event) {
        long learner = event.learner().userId();
        Contact contact = members.contacts(event.courseId(), List.of(learner)).get(learner);
        outbox.enqueue(
                TYPE,
                Recipient.of(contact),
                Map.of(
                        "name", contact.name(),
                        "qualification", evaluation.referentiel().title(),
                        "link",
                                links.to("/app/learners/"
                                        + UriUtils.encodePathSegment(
                                                event.learner().sub(), "UTF-8")
                                        + "/documents")),
                TYPE + ":" + event.courseId() + ":" + learner);
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(TYPE, n.locale(), n.param("name"), n.param("qualification"), n.param("link")));
    }
}
