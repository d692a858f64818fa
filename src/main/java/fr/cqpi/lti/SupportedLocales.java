package fr.cqpi.lti;

import java.util.List;
import java.util.Locale;

/** The tool speaks French (the default) and English. */
public final class SupportedLocales {

    public static final Locale DEFAULT = Locale.FRENCH;
    public static final List<Locale> ALL = List.of(Locale.FRENCH, Locale.ENGLISH);

    private SupportedLocales() {}

    public static Locale closest(Locale requested) {
        if (requested == null) {
            return DEFAULT;
        }
        return ALL.stream()
                .filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(DEFAULT);
    }
}
