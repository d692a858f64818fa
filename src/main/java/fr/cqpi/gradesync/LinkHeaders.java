package fr.cqpi.gradesync;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Link headers (RFC 8288) as platforms really write them, read leniently: a paging link missed means the tool
 * believes it saw every line item and creates the missing columns again. Accepted beside {@code rel="next"}:
 * <ul>
 *   <li>{@code rel=next} (a token, unquoted) and any case, any whitespace around {@code ;}, {@code =} and
 *       {@code ,};
 *   <li>typographic quotes, {@code rel=“next”} (U+201C, U+201D), as Moodle 5.1 writes its line items' links
 *       ({@code mod/lti/service/gradebookservices/classes/local/resources/lineitems.php}); PHP sends them as UTF-8
 *       bytes, which the HTTP client reads as ISO-8859-1 characters: such a header is decoded again as UTF-8;
 *   <li>several links in one header, separated by commas (a comma inside {@code <…>} or quotes does not
 *       separate), and several relations in one value ({@code rel="prev next"});
 *   <li>{@code &amp;} in a target, as Moodle's {@code moodle_url::out()} escapes it for HTML: read as {@code &}.
 * </ul>
 */
final class LinkHeaders {

    private LinkHeaders() {}

    /** The target of the first link with relation {@code next}, across every Link header of the answer. */
    static Optional<String> next(List<String> headers) {
        return target(headers, "next");
    }

    /** The target of the first link having this relation (compared case-insensitively). */
    static Optional<String> target(List<String> headers, String relation) {
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            String value = utf8Again(header);
            int at = 0;
            while (at < value.length()) {
                int open = value.indexOf('<', at);
                if (open < 0) {
                    break;
                }
                int close = value.indexOf('>', open + 1);
                if (close < 0) {
                    break;
                }
                String target = value.substring(open + 1, close).strip();
                int end = endOfParameters(value, close + 1);
                if (!target.isEmpty() && hasRelation(value.substring(close + 1, end), relation)) {
                    return Optional.of(target.replace("&amp;", "&"));
                }
                at = end + 1;
            }
        }
        return Optional.empty();
    }

    /** Where this link's parameters end: at the first comma outside quotes, or the end of the header. */
    private static int endOfParameters(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isQuote(c)) {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return value.length();
    }

    /** Whether {@code ; rel=…} among these parameters names the relation (the first rel counts, RFC 8288 §3.3). */
    private static boolean hasRelation(String parameters, String relation) {
        for (String parameter : splitOutsideQuotes(parameters)) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip();
            if (!name.equalsIgnoreCase("rel")) {
                continue;
            }
            String relations = unquote(parameter.substring(equals + 1).strip());
            for (String rel : relations.split("\\s+")) {
                if (rel.equalsIgnoreCase(relation)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static List<String> splitOutsideQuotes(String parameters) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            if (isQuote(c)) {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(parameters.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(parameters.substring(start));
        return parts;
    }

    private static String unquote(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (isQuote(value.charAt(start)) || value.charAt(start) == '\'')) {
            start++;
        }
        while (end > start && (isQuote(value.charAt(end - 1)) || value.charAt(end - 1) == '\'')) {
            end--;
        }
        return value.substring(start, end).strip().toLowerCase(Locale.ROOT);
    }

    /** A straight double quote, or a typographic one (“ ” „ ‟, and « » for good measure). */
    private static boolean isQuote(char c) {
        return c == '"'
                || c == '\u201C'
                || c == '\u201D'
                || c == '\u201E'
                || c == '\u201F'
                || c == '\u00AB'
                || c == '\u00BB';
    }

    /**
     * A header whose characters are all single bytes, some above ASCII, that are valid UTF-8 once put back as
     * bytes: the UTF-8 the server sent, read as ISO-8859-1. Anything else is kept as it is.
     */
    static String utf8Again(String header) {
        boolean high = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c > 0xFF) {
                return header;
            }
            high |= c > 0x7F;
        }
        if (!high) {
            return header;
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)));
            return decoded.toString();
        } catch (CharacterCodingException notUtf8) {
            return header;
        }
    }
}
