package fr.cqpi.shared;

/**
 * What PostgreSQL text columns and the pages can hold: no U+0000 (PostgreSQL refuses it), no other control
 * character but tab and line breaks, no unpaired surrogate (not encodable as UTF-8), a bounded length.
 */
public final class Texts {

    private Texts() {}

    /** True when {@link #clean(String)} would leave the text as it is. */
    public static boolean storable(String text) {
        return text == null || text.equals(clean(text));
    }

    /** The text without control characters (tab, CR and LF kept), unpaired surrogates as U+FFFD. */
    public static String clean(String text) {
        return clean(text, Integer.MAX_VALUE);
    }

    /** {@link #clean(String)}, then cut to at most {@code maxLength} characters without splitting a pair. */
    public static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                replacement = "";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        String cleaned = out == null ? text : out.toString();
        if (cleaned.length() > maxLength) {
            int end = maxLength;
            if (end > 0 && Character.isHighSurrogate(cleaned.charAt(end - 1))) {
                end--;
            }
            cleaned = cleaned.substring(0, end);
        }
        return cleaned;
    }
}
