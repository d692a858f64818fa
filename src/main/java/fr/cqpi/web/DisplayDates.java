package fr.cqpi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
}
