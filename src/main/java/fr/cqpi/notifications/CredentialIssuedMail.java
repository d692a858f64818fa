package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.credentials.CredentialIssued;
import fr.cqpi.evaluation.EvaluationQueries;
import java.util.List;
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

    private final NotificationOutbox outbox;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final MailTexts texts;
    private final ToolLinks links;

    CredentialIssuedMail(
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
    public void onIssued(CredentialIssued event) {
        Contact contact =
                members.contacts(event.courseId(), List.of(event.learnerId())).get(event.learnerId());
        if (contact == null) {
            return;
        }
        outbox.enqueue(
                TYPE,
                Recipient.of(contact),
                Map.of(
                        "name", contact.name(),
                        "qualification", evaluation.referentiel().title(),
                        "link", links.to("/app/me")),
                TYPE + ":" + event.courseId() + ":" + event.learnerId());
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(TYPE, n.locale(), n.param("name"), n.param("qualification"), n.param("link")));
    }
}
