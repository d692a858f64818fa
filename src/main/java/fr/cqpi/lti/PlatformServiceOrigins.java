package fr.cqpi.lti;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a platform's bearer token may go: the origins of its issuer, token endpoint and OpenID configuration
 * (dynamic registration), and those its administrator added.
 */
@Component
class PlatformServiceOrigins {

    private static final Logger log = LoggerFactory.getLogger(PlatformRegistry.class);

    private final PlatformTable table;

    PlatformServiceOrigins(PlatformTable table) {
        this.table = table;
    }

    Set<String> of(Platform platform) {
        Set<String> origins = new LinkedHashSet<>();
        ServiceOrigins.of(platform.issuer()).ifPresent(origins::add);
        ServiceOrigins.of(platform.tokenEndpoint()).ifPresent(origins::add);
        table.openidConfigurationUrl(platform.id()).flatMap(ServiceOrigins::of).ifPresent(origins::add);
        added(platform.id()).forEach(o -> ServiceOrigins.of(o).ifPresent(origins::add));
        return origins;
    }

    /** The origins the administrator added to a platform. */
    List<String> added(long platformId) {
        return table.serviceOrigins(platformId);
    }

    /**
     * The administrator's origins for a platform (replacing those stored).
     * @return the first origin that is not one (http(s)://host[:port], no path), or null when stored
     */
    String set(Platform platform, List<String> origins, String actor) {
        PlatformDefinition definition = new PlatformDefinition(
                platform.name(),
                platform.issuer(),
                platform.clientId(),
                List.of("-"),
                platform.authorizationEndpoint(),
                platform.tokenEndpoint(),
                platform.jwksUri(),
                origins);
        String problem = definition.firstProblem();
        if (problem != null) {
            return problem;
        }
        store(platform.id(), definition);
        log.info("Service origins of platform {} set by {}: {}", platform.id(), actor, origins);
        return null;
    }

    /** Stores the definition's origins, if it names any (null keeps those stored). */
    void store(long platformId, PlatformDefinition definition) {
        if (definition.serviceOrigins() == null) {
            return;
        }
        table.setServiceOrigins(
                platformId,
                definition.serviceOrigins().stream()
                        .map(o -> ServiceOrigins.of(o).orElseThrow())
                        .distinct()
                        .toArray(String[]::new));
    }
}
