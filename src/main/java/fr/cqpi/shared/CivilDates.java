package fr.cqpi.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The certification runs in France: « today », a jury's date and a document's date are civil dates of Paris. */
public final class CivilDates {

    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private CivilDates() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(FRANCE));
    }
}
