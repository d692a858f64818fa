package fr.cqpi.lti;

import java.util.List;

/** What an administrator (or a platforms file) says about a platform; upserted by issuer + client id. */
public record PlatformDefinition(
        String name,
        String issuer,
        String clientId,
        List<String> deploymentIds,
        String authorizationEndpoint,
        String tokenEndpoint,
        String jwksUri) {
}
