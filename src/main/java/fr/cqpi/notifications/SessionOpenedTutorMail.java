package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.EvaluationSessionOpened;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an évaluateur habilité opens an evaluation session, the tuteurs entreprise of the course are told that their
 * observation is expected: the kind of session, its date, and where to judge (not whom or on what).
 */
@Component
class SessionOpenedTutorMail implements NotificationType {

    static final String TYPE = "session-opened-tutor";

    private final NotificationOutbox outbox;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final MailTexts texts;
    private final ToolLinks links;

    SessionOpenedTutorMail(
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
    public void onOpened(EvaluationSessionOpened event) {
        for (Contact tutor : members.tutorContacts(event.courseId())) {
            outbox.enqueue(
                    TYPE,
                    Recipient.of(tutor),
                    Map.of(
                            "name", tutor.name(),
                            "kind", event.kind().name(),
                            "heldOn", event.heldOn().toString(),
                            "qualification", evaluation.referentiel().title(),
                            "link", links.to("/app")),
                    TYPE + ":" + event.sessionId() + ":" + tutor.userId());
        }
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(
                TYPE,
                n.locale(),
                n.param("name"),
                texts.text("mail.session.kind." + n.param("kind"), n.locale()),
                MailDates.say(n.param("heldOn"), n.locale()),
                n.param("qualification"),
                n.param("link")));
    }
}
