package fr.cqpi.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every notification is written, in the transaction of what caused it: both commit or neither does. A person
 * without an e-mail address gets no message; the notification is kept as NO_ADDRESS and counted, never an error.
 */
@Service
public class NotificationOutbox {

    private final NotificationStore store;
    private final String messageIdDomain;
    private final Counter noAddress;

    NotificationOutbox(NotificationStore store, NotificationsProperties properties, MeterRegistry meters) {
        this.store = store;
        this.messageIdDomain = MailDelivery.domainOf(properties.from());
        this.noAddress = Counter.builder("cqpi.notifications.no.address")
                .description("Notifications not sent: the person has no e-mail address")
                .register(meters);
    }

    /**
     * Writes a notification of {@code type} (a {@link NotificationType#name()}) for {@code to}, with the parameters its
     * template needs (nothing secret: they are stored). {@code coalesceKey} (optional): while a notification with the
     * same key waits, this one replaces its parameters instead of adding a message.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String type, Recipient to, Map<String, String> params, String coalesceKey) {
        store.add(type, to, params, coalesceKey, "<" + UUID.randomUUID() + "@" + messageIdDomain + ">");
        if (to.email() == null) {
            noAddress.increment();
        }
    }
}
