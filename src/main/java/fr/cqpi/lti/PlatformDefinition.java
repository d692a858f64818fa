package fr.cqpi.lti;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * What an administrator (or a platforms file) says about a platform; upserted by issuer + client id.
 * {@code serviceOrigins}: origins, besides the issuer's, the token endpoint's and the OpenID configuration's, where
 * the platform's services live (null: leave those stored as they are).
 */
@NamedInterface("platforms")
public record PlatformDefinition(
        String name,
        String issuer,
        String clientId,
        List<String> deploymentIds,
        String authorizationEndpoint,
        String tokenEndpoint,
        String jwksUri,
        List<String> serviceOrigins) {

    public PlatformDefinition(
            String name,
            String issuer,
            String clientId,
            List<String> deploymentIds,
            String authorizationEndpoint,
            String tokenEndpoint,
            String jwksUri) {
        this(name, issuer, clientId, deploymentIds, authorizationEndpoint, tokenEndpoint, jwksUri, null);
    }

    /** The first fault of this definition, as "field: problem", or null when it is complete. */
    public String firstProblem() {
        String[][] texts = {{"name", name}, {"client_id", clientId}};
        for (String[] t : texts) {
            if (t[1] == null || t[1].isBlank()) {
                return t[0] + ": a non-empty value is required";
            }
        }
        String[][] urls = {
            {"issuer", issuer},
            {"authorization_endpoint", authorizationEndpoint},
            {"token_endpoint", tokenEndpoint},
            {"jwks_uri", jwksUri}
        };
        for (String[] u : urls) {
            if (!isHttpUrl(u[1])) {
                return u[0] + ": '" + (u[1] == null ? "" : u[1]) + "' is not an http(s) URL";
            }
        }
        if (deploymentIds == null || deploymentIds.stream().anyMatch(d -> d == null || d.isBlank())) {
            return "deployment_ids: every deployment id must be a non-empty string";
        }
        if (serviceOrigins != null) {
            for (String origin : serviceOrigins) {
                if (!isOrigin(origin)) {
                    return "service_origins: '" + origin + "' is not an origin (http(s)://host[:port], no path)";
                }
            }
        }
        return null;
    }

    private static boolean isOrigin(String value) {
        if (!isHttpUrl(value) || ServiceOrigins.of(value).isEmpty()) {
            return false;
        }
        java.net.URI uri = java.net.URI.create(value.strip());
        return (uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
    }

    private static boolean isHttpUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(value.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
