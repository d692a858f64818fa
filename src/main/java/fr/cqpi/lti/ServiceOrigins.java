package fr.cqpi.lti;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Origins in the sense of RFC 6454 ({@code scheme://host[:port]}, lower case, default ports left out): the unit a
 * platform's service URLs are checked against before its bearer token is sent to them.
 */
@NamedInterface("platforms")
public final class ServiceOrigins {

    private ServiceOrigins() {}

    /** The origin of an absolute http(s) URL, or empty when the URL has none (relative, other scheme, no host). */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme) && !"http".equals(scheme)
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
