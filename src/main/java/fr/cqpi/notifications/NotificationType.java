package fr.cqpi.notifications;

import java.util.Optional;

/**
 * One kind of notification, as a bean: its stored {@link #name()} and how to compose it when it is delivered. A
 * module that adds one listens to its own event, calls {@link NotificationOutbox#enqueue} in the event's transaction,
 * and composes the message from its template ({@link MailTexts}).
 */
public interface NotificationType {

    /** Stored with each notification of this type; never change it once notifications exist. */
    String name();

    /**
     * The message to send now, in {@code notification.locale()}; empty when it must no longer be sent (the row is then
     * CANCELLED). Runs at each try, in the delivery's transaction; an exception makes the try fail and retry later.
     */
    Optional<Mail> compose(Notification notification);
}
