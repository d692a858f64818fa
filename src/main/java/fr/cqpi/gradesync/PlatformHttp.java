package fr.cqpi.gradesync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** HTTP to platform services, with bounded timeouts and failures classified for the outbox. */
@Component
class PlatformHttp {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private final HttpClient client;
    private final Duration requestTimeout;

    private final Clock clock;

    PlatformHttp(GradeSyncProperties properties, Clock clock) {
        this.clock = clock;
        this.requestTimeout = properties.requestTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    record Response(int status, String body, Optional<String> nextPage) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A paged service answer (line items, results, memberships): each page's JSON, following Link rel="next". */
    static void forEachPage(String first, int maxPages, Function<String, Response> fetch, Consumer<JsonNode> eachPage) {
        String page = first;
        for (int pages = 0; page != null && pages < maxPages; pages++) {
            Response response = fetch.apply(page);
            eachPage.accept(json(response.body()));
            page = response.nextPage().orElse(null);
        }
    }

    /** A platform's JSON answer; an empty body reads as an empty object. */
    static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE, 0, "platform answered invalid JSON", null);
        }
    }

    Response send(String method, String url, String accept, String contentType, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", accept)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE, 0, "timeout after " + requestTimeout, null);
        } catch (IOException e) {
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE,
                    0,
                    "connection failed: " + e.getClass().getSimpleName(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformCallException(PlatformCallException.Kind.RETRYABLE, 0, "interrupted", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Response(
                    status, response.body(), nextLink(response.headers().allValues("Link")));
        }
        String summary = "HTTP " + status + " from " + URI.create(url).getHost() + ": " + abbreviate(response.body());
        Duration retryAfter =
                retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
        if (status == 429
                || status == 503
                || (status == 403
                        && response.body() != null
                        && response.body().toLowerCase(java.util.Locale.ROOT).contains("rate limit"))) {
            throw new PlatformCallException(PlatformCallException.Kind.THROTTLED, status, summary, retryAfter);
        }
        if (status == 401) {
            throw new PlatformCallException(PlatformCallException.Kind.UNAUTHORIZED, status, summary, null);
        }
        if (status >= 500 || status == 408) {
            throw new PlatformCallException(PlatformCallException.Kind.RETRYABLE, status, summary, retryAfter);
        }
        throw new PlatformCallException(PlatformCallException.Kind.PERMANENT, status, summary, null);
    }

    /** The {@code rel="next"} target among a response's Link headers (RFC 8288). */
    static Optional<String> nextLink(List<String> linkHeaders) {
        for (String link : linkHeaders) {
            Matcher m = NEXT_LINK.matcher(link);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
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
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
