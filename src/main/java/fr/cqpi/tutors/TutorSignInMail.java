package fr.cqpi.tutors;

import fr.cqpi.notifications.Mail;
import fr.cqpi.notifications.MailTexts;
import fr.cqpi.notifications.Notification;
import fr.cqpi.notifications.NotificationOutbox;
import fr.cqpi.notifications.NotificationType;
import fr.cqpi.notifications.Recipient;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tutor's sign-in link by e-mail, at their invitation or when they ask for a new one. The outbox keeps only the
 * invitation's id: the link is minted when the message is composed, in the delivery's transaction, so no usable token
 * waits in a table and a link is never older than its message. A revoked or expired invitation sends nothing.
 */
@Component
class TutorSignInMail implements NotificationType {

    static final String TYPE = "tutor-sign-in";

    private final NotificationOutbox outbox;
    private final MailTexts texts;
    private final TutorSignInLinks links;
    private final TutorsProperties properties;

    TutorSignInMail(NotificationOutbox outbox, MailTexts texts, TutorSignInLinks links, TutorsProperties properties) {
        this.outbox = outbox;
        this.texts = texts;
        this.links = links;
        this.properties = properties;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TutorSignInRequested event) {
        // Asked again while a message waits: still one message, with the link minted when it leaves.
        outbox.enqueue(
                TYPE,
                new Recipient(event.email(), event.locale()),
                Map.of("invitationId", Long.toString(event.invitationId())),
                TYPE + ":" + event.invitationId());
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        long minutes = properties.linkValidity().toMinutes();
        return links.mint(Long.parseLong(n.param("invitationId")))
                .map(link -> texts.compose(TYPE, n.locale(), link.toString(), minutes));
    }
}
