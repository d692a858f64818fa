package fr.cqpi.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON in tests, written and read by Jackson: bodies are never put together by string concatenation. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** A JSON object of the given name, value pairs, in their order ({@code null} values written as null). */
    public static String object(Object... namesAndValues) {
        return write(fields(namesAndValues));
    }

    /** The name, value pairs as an ordered map, to nest in {@link #object} or to pass to {@link #write}. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values go in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static JsonNode read(HttpResponse<String> response) {
        return read(response.body());
    }
}
