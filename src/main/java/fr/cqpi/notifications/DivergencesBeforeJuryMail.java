package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.ToolRole;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.jury.JurySessionScheduled;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a jury session is set or changed and some of its candidates' two evaluators still diverge, the course's
 * évaluateurs and the tuteurs of those candidates are told how many candidates, and where to look (not on what).
 */
@Component
class DivergencesBeforeJuryMail implements NotificationType {

    static final String TYPE = "divergences-before-jury";

    private final NotificationOutbox outbox;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final MailTexts texts;
    private final ToolLinks links;

    DivergencesBeforeJuryMail(
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
    public void onScheduled(JurySessionScheduled event) {
        var session = event.session();
        List<Long> diverging = session.candidates().stream()
                .map(CourseMember::userId)
                .filter(learner ->
                        !evaluation.divergences(event.courseId(), learner).isEmpty())
                .toList();
        if (diverging.isEmpty()) {
            return;
        }
        for (Contact evaluator : members.evaluatorContacts(event.courseId(), diverging)) {
            outbox.enqueue(
                    TYPE,
                    Recipient.of(evaluator),
                    Map.of(
                            "name", evaluator.name(),
                            "candidates", Integer.toString(diverging.size()),
                            "heldOn", session.heldOn().toString(),
                            "qualification", evaluation.referentiel().title(),
                            // A tutor does not open the jury's pages: their learners' grids are on their home page.
                            "link",
                                    links.to(
                                            evaluator.role() == ToolRole.EVALUATOR
                                                    ? "/app/jury/" + session.id()
                                                    : "/app")),
                    TYPE + ":" + session.id() + ":" + evaluator.userId());
        }
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        return Optional.of(texts.compose(
                TYPE,
                n.locale(),
                n.param("name"),
                Integer.parseInt(n.param("candidates")),
                MailDates.say(n.param("heldOn"), n.locale()),
                n.param("qualification"),
                n.param("link")));
    }
}
