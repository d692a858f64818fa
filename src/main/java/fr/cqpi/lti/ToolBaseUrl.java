package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tool's public base URL, the origin of every URL it hands out (registration, deep linking, login
 * redirect, invitations) and of the launches it accepts ({@code target_link_uri}). From
 * {@code cqpi.base-url}; when that is unset (local runs), from the request, whose forwarded headers count
 * only when {@code server.forward-headers-strategy} says so.
 */
@Component
@NamedInterface("base-url")
public class ToolBaseUrl {

    private static final Optional<String> UNREAD = Optional.of("");

    private final Environment environment;
    /** Read once it can be resolved (tests give it as {@code http://localhost:${local.server.port}}). */
    private volatile Optional<String> configured = UNREAD;

    ToolBaseUrl(Environment environment) {
        this.environment = environment;
        read();
    }

    private String configured() {
        Optional<String> known = configured;
        if (known == UNREAD) {
            return read();
        }
        return known.orElse(null);
    }

    private String read() {
        String value;
        try {
            value = environment.getProperty("cqpi.base-url");
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
        String base = parse(value);
        configured = Optional.ofNullable(base);
        return base;
    }

    private static String parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String base = value.strip().replaceAll("/+$", "");
        URI uri = URI.create(base);
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("cqpi.base-url must be an absolute http(s) URL: " + value);
        }
        return base;
    }

    public boolean isConfigured() {
        return configured() != null;
    }

    /** Without a trailing slash, e.g. {@code https://cqpi.example.org}. */
    public String get() {
        String configured = configured();
        if (configured != null) {
            return configured;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes)) {
            throw new IllegalStateException("cqpi.base-url is not set and there is no request to take it from");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** Whether the browser talks to the tool over HTTPS (by the configured URL, else by the request). */
    public boolean isHttps(HttpServletRequest request) {
        String configured = configured();
        return configured != null ? configured.startsWith("https:") : request.isSecure();
    }

    /** Whether a URL is on the tool's own origin (scheme, host and port). */
    public boolean isOwn(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI candidate = URI.create(url.strip());
            URI base = URI.create(get());
            return base.getScheme().equalsIgnoreCase(String.valueOf(candidate.getScheme()))
                    && base.getHost().equalsIgnoreCase(String.valueOf(candidate.getHost()))
                    && port(base) == port(candidate)
                    && candidate.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
