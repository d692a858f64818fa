package fr.cqpi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as trainers read them: French wall-clock time (the certification is run in France). */
@Component("displayDates")
public class DisplayDates {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    public String formatDate(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A day written out in the reader's language: « 1 décembre 2026 », « 1 December 2026 ». */
    public String longDate(LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }
}
