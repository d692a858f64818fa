package fr.cqpi.notifications;

import fr.cqpi.course.Contact;
import java.util.Locale;

/** Who is told: their e-mail address (null when unknown: nothing is sent, it is counted) and their language. */
public record Recipient(String email, Locale locale) {

    public Recipient {
        email = email == null || email.isBlank() ? null : email.strip();
        locale = locale == null ? Locale.FRENCH : locale;
    }

    public static Recipient of(Contact contact) {
        return new Recipient(contact.email(), contact.locale());
    }
}
