package fr.cqpi.course;

import fr.cqpi.shared.SupportedLocales;
import java.util.Locale;

/**
 * How to reach a member of a course: the e-mail address (LTI {@code email} claim or roster) and the locale their
 * platform last sent (each null when it never did), and their role in the course.
 */
public record Contact(long userId, String name, String email, String platformLocale, ToolRole role) {

    /** The language to write to them in: English when their platform says English, else French. */
    public Locale locale() {
        return SupportedLocales.ofPlatform(platformLocale);
    }

    public boolean reachable() {
        return email != null && !email.isBlank();
    }
}
