package fr.cqpi.referentiel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON document strictly: texts normalised and never empty, lists, whole numbers in a range,
 * enum values, no unknown field; each fault is collected as a {@link ReferentielProblem} with its JSON path, and the
 * read goes on with a fallback so that one pass reports them all.
 */
final class StrictJsonFields {

    private final List<ReferentielProblem> problems = new ArrayList<>();

    List<ReferentielProblem> problems() {
        return problems;
    }

    int wholeNumber(JsonNode node, String path, String field, int min, int max, int fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isInt() || value.intValue() < min || value.intValue() > max) {
            problem(path + "." + field, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value.intValue();
    }

    /** A rule named by one of {@code type}'s constants; {@code fallback} when absent or unknown. */
    <E extends Enum<E>> E rule(JsonNode node, String path, String field, Class<E> type, E fallback) {
        String value = optionalText(node, path, field);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problem(
                    path + "." + field,
                    "unknown rule '" + value + "'; known: " + Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }

    String text(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        String text = normalise(node.textValue());
        if (text.isEmpty()) {
            problem(path, "must not be empty");
            return null;
        }
        return text;
    }

    String requiredText(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(path + "." + field, "is required");
            return null;
        }
        return text(node, path + "." + field);
    }

    String optionalText(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : text(node, path + "." + field);
    }

    <T> List<T> list(
            JsonNode parent, String path, String field, boolean required, BiFunction<JsonNode, String, T> element) {
        JsonNode node = parent.get(field);
        String listPath = path + "." + field;
        if (node == null || node.isNull()) {
            if (required) {
                problem(listPath, "is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            problem(listPath, "must be an array");
            return List.of();
        }
        if (required && node.isEmpty()) {
            problem(listPath, "must not be empty");
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(element.apply(node.get(i), listPath + "[" + i + "]"));
        }
        return values;
    }

    boolean object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "must be a JSON object");
            return false;
        }
        return true;
    }

    void onlyFields(JsonNode node, String path, String... known) {
        Set<String> allowed = Set.of(known);
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problem(path + "." + name, "unknown field; known fields here: " + String.join(", ", known));
            }
        }
    }

    void problem(String path, String message) {
        problems.add(new ReferentielProblem(path, message));
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
