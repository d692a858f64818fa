package fr.cqpi.gradesync;

import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * HTTP to platform services: one pooled client for every platform, bounded timeouts, no redirect ever followed
 * (an authenticated call goes to the URL that was checked, nowhere else), failures classified for the outbox, and
 * the platform's refusal kept whole: its status, the status line's reason phrase (where Moodle writes why) and
 * the body.
 */
@Component
class PlatformHttp implements DisposableBean {

    /** A service answer larger than this is refused (a roster page of 1,000 members is well under 1 MB). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloseableHttpClient client;
    private final RestClient rest;
    private final Duration requestTimeout;
    private final Clock clock;

    PlatformHttp(GradeSyncProperties properties, RestClient.Builder builder, Clock clock) {
        this.clock = clock;
        this.requestTimeout = properties.requestTimeout();
        Timeout timeout = Timeout.of(properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .setMaxConnTotal(properties.threads() * 4)
                        .setMaxConnPerRoute(properties.threads())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        // Not observed: a Micrometer observation per score cost about a tenth of the sync's CPU at 40,000 scores
        // (docs/benchmarks.md, « Grade sync »); the outbox and the refusals have their own metrics.
        this.rest = builder.requestFactory(new HttpComponentsClientHttpRequestFactory(client))
                .observationRegistry(ObservationRegistry.NOOP)
                .build();
    }

    record Response(int status, String body, Optional<String> nextPage) {}

    /** A paged service answer (line items, results, memberships): each page read as {@code type}, following Link rel="next". */
    static <T> void forEachPage(
            String first, int maxPages, Function<String, Response> fetch, Class<T> type, Consumer<T> eachPage) {
        String page = first;
        for (int pages = 0; page != null && pages < maxPages; pages++) {
            Response response = fetch.apply(page);
            eachPage.accept(read(response.body(), type));
            page = response.nextPage().orElse(null);
        }
    }

    /** A platform's JSON answer as a record (unknown fields ignored); an empty body reads as an empty object. */
    static <T> T read(String body, Class<T> type) {
        try {
            String json = body == null || body.isBlank() ? (type.isArray() ? "[]" : "{}") : body;
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE,
                    0,
                    "platform answered JSON that is not a "
                            + type.getSimpleName().replace("[]", " list"),
                    null);
        }
    }

    /** JSON of a request body (a record or a map). */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    Response send(String method, String url, String accept, String contentType, String body, String bearer) {
        URI uri = URI.create(url);
        try {
            RestClient.RequestBodySpec request = rest.method(HttpMethod.valueOf(method))
                    .uri(uri)
                    .headers(headers -> {
                        headers.set("Accept", accept);
                        if (contentType != null) {
                            headers.set("Content-Type", contentType);
                        }
                        if (bearer != null) {
                            headers.setBearerAuth(bearer);
                        }
                    });
            if (body != null) {
                request.body(body.getBytes(StandardCharsets.UTF_8));
            }
            return request.exchange((sent, response) -> answer(uri, response), true);
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof SocketTimeoutException
                    || e.getCause() instanceof ConnectionRequestTimeoutException) {
                throw new PlatformCallException(
                        PlatformCallException.Kind.RETRYABLE, 0, "timeout after " + requestTimeout, null);
            }
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE,
                    0,
                    "connection failed: "
                            + (e.getCause() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getCause().getClass().getSimpleName()),
                    null);
        }
    }

    private Response answer(URI uri, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String body = read(response);
        if (status >= 200 && status < 300) {
            return new Response(
                    status,
                    body,
                    nextLink(response.getHeaders().get("Link"))
                            .map(next -> uri.resolve(next).toString()));
        }
        String summary = "HTTP " + status + " from " + uri.getHost() + ": " + platformMessage(status, response, body);
        Duration retryAfter = retryAfter(response.getHeaders().getFirst("Retry-After"), clock.instant());
        if (status == 429
                || status == 503
                || (status == 403 && body.toLowerCase(Locale.ROOT).contains("rate limit"))) {
            throw new PlatformCallException(PlatformCallException.Kind.THROTTLED, status, summary, retryAfter);
        }
        if (status == 401) {
            throw new PlatformCallException(PlatformCallException.Kind.UNAUTHORIZED, status, summary, null);
        }
        if (status >= 500 || status == 408) {
            throw new PlatformCallException(PlatformCallException.Kind.RETRYABLE, status, summary, retryAfter);
        }
        if (status >= 300 && status < 400) {
            summary += " (redirect to " + abbreviate(response.getHeaders().getFirst("Location")) + " not followed)";
        }
        throw new PlatformCallException(PlatformCallException.Kind.PERMANENT, status, summary, null);
    }

    /**
     * What the platform said: the reason phrase when it is not just the status's name (Moodle's « Refusing score
     * with an earlier timestamp … » is only there, its body being {@code []}), then the body when it says anything.
     */
    static String platformMessage(int status, ClientHttpResponse response, String body) throws IOException {
        String reason =
                response.getStatusText() == null ? "" : response.getStatusText().strip();
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null && known.getReasonPhrase().equalsIgnoreCase(reason)) {
            reason = "";
        }
        String flatBody = abbreviate(body);
        if (flatBody.equals("[]") || flatBody.equals("{}")) {
            flatBody = "";
        }
        String message = (reason + (reason.isEmpty() || flatBody.isEmpty() ? "" : " — ") + flatBody).strip();
        return message.isEmpty() ? (known == null ? "(no message)" : known.getReasonPhrase()) : message;
    }

    private static String read(ClientHttpResponse response) throws IOException {
        try (InputStream in = response.getBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new PlatformCallException(
                        PlatformCallException.Kind.RETRYABLE,
                        response.getStatusCode().value(),
                        "answer larger than " + MAX_BODY_BYTES + " bytes",
                        null);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The {@code rel="next"} target among a response's Link headers (RFC 8288, read leniently: {@link LinkHeaders}). */
    static Optional<String> nextLink(List<String> linkHeaders) {
        return LinkHeaders.next(linkHeaders);
    }

    /** A Retry-After header (RFC 9110 §10.2.3: seconds or an HTTP date) as a delay from now; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        now,
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (Exception unreadable) {
                return null;
            }
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
