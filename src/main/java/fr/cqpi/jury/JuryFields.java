package fr.cqpi.jury;

import fr.cqpi.shared.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The jury's input fields read one by one, each refusal naming its field ({@link InvalidJuryInputException}). */
final class JuryFields {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_MEMBERS = 30;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

    private JuryFields() {}

    /** A number of votes. */
    static int count(Integer value, String field) {
        if (value == null || value < 0 || value > MAX_MEMBERS) {
            throw new InvalidJuryInputException(field, field + " is required: a whole number from 0 to " + MAX_MEMBERS);
        }
        return value;
    }

    static <E extends Enum<E>> E choice(String value, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidJuryInputException(
                    field,
                    "'" + value + "' is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidJuryInputException(field, field + " is required as a date, e.g. 2026-12-01");
        }
    }

    /** An optional e-mail address: one mailbox, {@code local@domain}, as typed (trimmed). */
    static String email(String value, String field) {
        String email = text(value, field, MAX_EMAIL, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidJuryInputException(field, "'" + email + "' is not an e-mail address");
        }
        return email;
    }

    static String text(String value, String field, int max, boolean required) {
        String text = value == null ? null : Texts.clean(value).strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new InvalidJuryInputException(field, field + " is required");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidJuryInputException(field, field + " is longer than " + max + " characters");
        }
        return text;
    }
}
