package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.jury.JuryDecisionRecorded;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate is told that the jury recorded a decision on their file (not which one: they read it in the tool).
 * Decisions of one session on one candidate that are not sent yet make one message.
 */
@Component
class JuryDecisionMail implements NotificationType {

    static final String TYPE = "jury-decision";

    private final NotificationOutbox outbox;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final MailTexts texts;
    private final ToolLinks links;

    JuryDecisionMail(
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
    public void onDecision(JuryDecisionRecorded event) {
        long learner = event.learner().userId();
        Contact contact = members.contacts(event.courseId(), List.of(learner)).get(learner);
        outbox.enqueue(
                TYPE,
                Recipient.of(contact),
                Map.of(
                        "name", contact.name(),
                        "heldOn", event.heldOn().toString(),
                        "qualification", evaluation.referentiel().title(),
                        "link", links.to("/app/me")),
                TYPE + ":" + event.sessionId() + ":" + learner);
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(
                TYPE,
                n.locale(),
                n.param("name"),
                MailDates.say(n.param("heldOn"), n.locale()),
                n.param("qualification"),
                n.param("link")));
    }
}
