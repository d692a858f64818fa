package fr.cqpi.documents;

import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.shared.CivilDates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** How the documents write their dates: French civil dates, long in the text, short in the tables. */
final class DocumentDates {

    static final ZoneId ZONE = CivilDates.FRANCE;

    private DocumentDates() {}

    static String day(LocalDate date, Locale locale) {
        return date == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }

    static String shortDay(LocalDate date) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
    }

    /** The day the decision's jury sat; the day it was recorded when its session is not among {@code sessions}. */
    static LocalDate heldOn(Map<Long, JurySession> sessions, JuryDecision d) {
        JurySession s = sessions.get(d.sessionId());
        return s == null ? LocalDate.ofInstant(d.decidedAt(), ZONE) : s.heldOn();
    }
}
