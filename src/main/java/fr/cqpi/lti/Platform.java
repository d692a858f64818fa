package fr.cqpi.lti;

import org.springframework.modulith.NamedInterface;

/** An LMS registration: one issuer and client id, with its OIDC and key endpoints. */
@NamedInterface("platforms")
public record Platform(
        long id,
        String name,
        String issuer,
        String clientId,
        String authorizationEndpoint,
        String tokenEndpoint,
        String jwksUri,
        boolean enabled) {

    /** The Spring Security registration id under which the LTI library knows this platform. */
    public String registrationId() {
        return "platform-" + id;
    }
}
