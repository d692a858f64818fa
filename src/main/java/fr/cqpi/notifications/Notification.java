package fr.cqpi.notifications;

import java.util.Locale;
import java.util.Map;

/**
 * A notification claimed for delivery: its type, recipient, language and the parameters its template needs (never a
 * secret: what must stay secret is made at delivery by its {@link NotificationType}). {@code messageId} is the
 * e-mail's Message-ID, the same at every try.
 */
public record Notification(
        long id, String type, String recipient, Locale locale, Map<String, String> params, String messageId) {

    public String param(String name) {
        return params.get(name);
    }
}
