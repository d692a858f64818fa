package fr.cqpi.shared;

import java.util.List;
import java.util.Locale;

/** The tool speaks French (the default) and English. */
public final class SupportedLocales {

    public static final Locale DEFAULT = Locale.FRENCH;
    public static final List<Locale> ALL = List.of(Locale.FRENCH, Locale.ENGLISH);

    private SupportedLocales() {}

    /** The closest supported locale to one a platform sent ({@code en-US}, {@code fr_FR}, or null: French). */
    public static Locale ofPlatform(String tag) {
        return tag == null || tag.isBlank()
                ? DEFAULT
                : closest(Locale.forLanguageTag(tag.strip().replace('_', '-')));
    }

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
