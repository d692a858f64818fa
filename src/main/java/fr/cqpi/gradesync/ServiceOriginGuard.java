package fr.cqpi.gradesync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.lti.ServiceOrigins;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A platform's bearer token goes only to its own service origins (issuer, token endpoint, OpenID configuration,
 * and those its administrator added): line items, scores, results, memberships, next-page links alike. A URL
 * elsewhere — in an id_token claim, a Link header, a line item's id — gets no request at all.
 */
@Component
class ServiceOriginGuard {

    private static final Logger log = LoggerFactory.getLogger(ServiceOriginGuard.class);

    private final PlatformRegistry platforms;
    private final Cache<Long, Set<String>> origins = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    ServiceOriginGuard(PlatformRegistry platforms) {
        this.platforms = platforms;
    }

    /** Why the platform's token may not go to this URL, or empty when it may. */
    Optional<String> refusal(Platform platform, String url) {
        Optional<String> origin = ServiceOrigins.of(url);
        if (origin.isEmpty()) {
            return Optional.of("'" + url + "' is not an absolute http(s) URL");
        }
        Set<String> allowed = origins.get(platform.id(), id -> Set.copyOf(platforms.serviceOrigins(platform)));
        return allowed.contains(origin.get())
                ? Optional.empty()
                : Optional.of(origin.get() + " is not one of the platform's service origins " + allowed);
    }

    /** Refuses, before any token is asked for or sent, a URL off the platform's service origins. */
    void check(Platform platform, String url) {
        Optional<String> refusal = refusal(platform, url);
        if (refusal.isPresent()) {
            log.warn("Not calling {} for platform {}: {}", url, platform.id(), refusal.get());
            throw new PlatformCallException(
                    PlatformCallException.Kind.PERMANENT, 0, "not sent: " + refusal.get(), null);
        }
    }
}
