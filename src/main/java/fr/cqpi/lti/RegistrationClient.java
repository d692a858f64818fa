package fr.cqpi.lti;

import fr.cqpi.lti.DynamicRegistration.RegistrationFailed;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic registration's JSON calls to a platform, over a {@link BoundedExchange}: anything but a 2xx JSON answer is
 * a {@link RegistrationFailed} that names the step for the administrator, the platform's body only logged.
 */
final class RegistrationClient {

    /** Logs under the registration's name: where an operator looks for why a registration failed. */
    private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final BoundedExchange http;

    RegistrationClient(Duration deadline) {
        this.http = new BoundedExchange(deadline);
    }

    /** GETs {@code url} ({@code label} as the administrator typed it, for the log) and reads its JSON answer. */
    <T> T get(URI url, String label, String token, Class<T> type, String step) {
        return read(exchange(get(url, token), step, label), type, step);
    }

    /** POSTs {@code body} as JSON to {@code url} and reads the JSON answer. */
    <T> T post(URI url, String token, Object body, Class<T> type, String step) {
        return read(exchange(post(url, token, write(body)), step, url.toString()), type, step);
    }

    private HttpRequest get(URI url, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(http.deadline()).header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    private HttpRequest post(URI url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(http.deadline())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The answer's body when it is a 2xx; otherwise a reason for the administrator, the body only logged. */
    private String exchange(HttpRequest request, String step, String url) {
        BoundedExchange.Answer answer;
        try {
            answer = http.send(request);
        } catch (BoundedExchange.Failure e) {
            log.warn(
                    "Dynamic registration, {} at {}: {} ({})",
                    step,
                    url,
                    e.code(),
                    e.getCause() == null ? "" : e.getCause().toString());
            throw new RegistrationFailed(
                    502, e.code(), step(step), http.deadline().toSeconds(), BoundedExchange.MAX_BODY_BYTES / 1024);
        }
        if (answer.status() / 100 == 3) {
            log.warn("Dynamic registration, {} at {}: redirect (HTTP {}) not followed", step, url, answer.status());
            throw new RegistrationFailed(502, "redirect", step(step), answer.status());
        }
        if (answer.status() / 100 != 2) {
            log.warn(
                    "Dynamic registration, {} at {}: HTTP {}, body: {}",
                    step,
                    url,
                    answer.status(),
                    loggable(answer.body()));
            throw new RegistrationFailed(502, "status", step(step), answer.status());
        }
        return answer.body();
    }

    private static DefaultMessageSourceResolvable step(String step) {
        return new DefaultMessageSourceResolvable("reg.step." + step);
    }

    <T> T read(String body, Class<T> type, String step) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new RegistrationFailed(502, "notJson", step(step));
            }
            return value;
        } catch (JacksonException e) {
            log.warn("Dynamic registration, {}: not JSON: {}", step, loggable(body));
            throw new RegistrationFailed(502, "notJson", step(step));
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<URI> httpUrl(String value) {
        if (value == null || value.isBlank() || value.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String loggable(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("[\\p{Cntrl}\\s]+", " ");
        return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
    }
}
