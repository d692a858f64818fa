package fr.cqpi.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tool speaks French (the default) and English. */
public final class SupportedLocales {

    public static final Locale DEFAULT = Locale.FRENCH;
    public static final List<Locale> ALL = List.of(Locale.FRENCH, Locale.ENGLISH);

    private SupportedLocales() {}

    /** The closest supported locale to one a platform sent ({@code en-US}, {@code fr_FR}, or null: French). */
    public static Locale ofPlatform(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        // Asked for again by every date and message of a page (the page's locale is resolved at each use): the few
        // tags platforms send are kept, a bounded number of them.
        Locale known = OF_PLATFORM.get(tag);
        if (known != null) {
            return known;
        }
        Locale closest = closest(Locale.forLanguageTag(tag.strip().replace('_', '-')));
        if (OF_PLATFORM.size() < 1_000) {
            OF_PLATFORM.put(tag, closest);
        }
        return closest;
    }

    private static final Map<String, Locale> OF_PLATFORM = new ConcurrentHashMap<>();

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
