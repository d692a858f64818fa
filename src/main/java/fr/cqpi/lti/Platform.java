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

    /** How a login's stored state names this platform (see {@link PlatformRegistry#findByRegistrationId}). */
    public String registrationId() {
        return "platform-" + id;
    }
}
