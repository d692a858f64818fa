package fr.cqpi.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as trainers read them: French wall-clock time (the certification is run in France), written the way the
 * page's language writes them — « 07/12/2026 10:37 » in French, « Dec 7, 2026, 10:37 AM » in English (issue 21: an
 * English page showed dd/mm, which an English reader takes for mm/dd). Outside a request, French.
 */
@Component("displayDates")
public class DisplayDates {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = pageLocale();
        return french(locale)
                ? FORMAT.format(instant)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(PARIS)
                        .format(instant);
    }

    public String formatDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        Locale locale = pageLocale();
        return french(locale)
                ? DAY.format(date)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    /** A day written out in the reader's language: « 1 décembre 2026 », « 1 December 2026 ». */
    public String longDate(LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }

    private static Locale pageLocale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return context == null || context.getLocale() == null ? Locale.FRENCH : context.getLocale();
    }

    private static boolean french(Locale locale) {
        return locale.getLanguage().equals("fr");
    }
}
