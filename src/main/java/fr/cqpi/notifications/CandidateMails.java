package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.evaluation.EvaluationQueries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What every message to a candidate starts from: their name and address in the course, the qualification's title and
 * a link into the tool. A candidate the course no longer has gets nothing.
 */
@Component
class CandidateMails {

    private final NotificationOutbox outbox;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final ToolLinks links;

    CandidateMails(NotificationOutbox outbox, CourseMembers members, EvaluationQueries evaluation, ToolLinks links) {
        this.outbox = outbox;
        this.members = members;
        this.evaluation = evaluation;
        this.links = links;
    }

    /**
     * In the caller's transaction: a message of {@code type} to the candidate, with {@code name}, {@code qualification}
     * and {@code link} (the tool's {@code path}) beside {@code more}; messages with the same {@code coalescing} key not
     * sent yet make one.
     */
    void enqueue(String type, long courseId, long learnerId, String path, Map<String, String> more, String coalescing) {
        Contact contact = members.contacts(courseId, List.of(learnerId)).get(learnerId);
        if (contact == null) {
            return;
        }
        Map<String, String> params = new HashMap<>(more);
        params.put("name", contact.name());
        params.put("qualification", evaluation.referentiel().title());
        params.put("link", links.to(path));
        outbox.enqueue(type, Recipient.of(contact), params, coalescing);
    }
}
