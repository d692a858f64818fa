package fr.cqpi.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as an e-mail says them: « 7 décembre 2026 », "December 7, 2026"; stored as ISO dates in parameters. */
final class MailDates {

    private MailDates() {}

    static String say(String isoDate, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(LocalDate.parse(isoDate));
    }
}
