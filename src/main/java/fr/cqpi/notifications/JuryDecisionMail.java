package fr.cqpi.notifications;

import fr.cqpi.jury.JuryDecisionRecorded;
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

    private final CandidateMails candidates;
    private final MailTexts texts;

    JuryDecisionMail(CandidateMails candidates, MailTexts texts) {
        this.candidates = candidates;
        this.texts = texts;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onDecision(JuryDecisionRecorded event) {
        long learner = event.learner().userId();
        candidates.enqueue(
                TYPE,
                event.courseId(),
                learner,
                "/app/me",
                Map.of("heldOn", event.heldOn().toString()),
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
