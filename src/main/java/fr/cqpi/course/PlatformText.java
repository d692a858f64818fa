package fr.cqpi.course;

import fr.cqpi.shared.Texts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds for what a platform sends (launch claims, roster entries): cleaned by {@link Texts} and cut, so that a
 * NUL, an unpaired surrogate or a megabyte-long name never reaches PostgreSQL or a page. A platform's text is
 * never refused: the launch goes on with the cleaned value.
 */
public final class PlatformText {

    public static final int ID = 255;
    public static final int NAME = 320;
    public static final int TITLE = 1_000;
    public static final int URL = 2_048;
    public static final int CUSTOM_ENTRIES = 100;

    private PlatformText() {}

    public static String id(String value) {
        return Texts.clean(value, ID);
    }

    public static String name(String value) {
        return Texts.clean(value, NAME);
    }

    public static String title(String value) {
        return Texts.clean(value, TITLE);
    }

    public static String url(String value) {
        return Texts.clean(value, URL);
    }

    public static Map<String, String> custom(Map<String, String> custom) {
        if (custom == null) {
            return null;
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        custom.entrySet().stream().limit(CUSTOM_ENTRIES).forEach(e -> cleaned.put(id(e.getKey()), title(e.getValue())));
        return cleaned;
    }
}
