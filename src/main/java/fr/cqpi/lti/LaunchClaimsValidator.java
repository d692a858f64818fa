package fr.cqpi.lti;

import static fr.cqpi.lti.LaunchRefusal.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Checks an id_token whose signature is verified, against the platform it claims to come from and the
 * login request that started the launch (LTI 1.3 core §5, IMS Security Framework §5.1.3).
 * The nonce is recorded last, so that a refused token does not burn it.
 */
@Component
class LaunchClaimsValidator {

    static final Set<String> SUPPORTED_MESSAGE_TYPES =
            Set.of(LaunchContext.RESOURCE_LINK_REQUEST, LaunchContext.DEEP_LINKING_REQUEST);

    private final LtiProperties properties;
    private final PlatformRegistry registry;
    private final NonceStore nonces;
    private final Clock clock;

    private final ToolBaseUrl baseUrl;

    LaunchClaimsValidator(
            LtiProperties properties, PlatformRegistry registry, NonceStore nonces, Clock clock, ToolBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.properties = properties;
        this.registry = registry;
        this.nonces = nonces;
        this.clock = clock;
    }

    void validate(Jwt jwt, Platform platform, String expectedNonce) {
        Map<String, Object> claims = jwt.getClaims();
        Instant now = clock.instant();

        if (!platform.enabled()) {
            throw PLATFORM_DISABLED.exception("platform " + platform.id() + " is disabled");
        }
        if (!platform.issuer().equals(claims.get("iss"))) {
            throw WRONG_ISSUER.exception("iss does not match the platform's issuer");
        }
        List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        if (!audience.contains(platform.clientId())) {
            throw WRONG_AUDIENCE.exception("aud does not contain the client id");
        }
        Object azp = claims.get("azp");
        if ((audience.size() > 1 && azp == null)
                || (azp != null && !platform.clientId().equals(azp))) {
            throw WRONG_AZP.exception("azp missing or not the client id");
        }
        Instant exp = jwt.getExpiresAt();
        if (exp == null || !now.isBefore(exp.plus(properties.clockSkew()))) {
            throw EXPIRED.exception("exp missing or past");
        }
        Instant iat = jwt.getIssuedAt();
        if (iat == null || iat.isAfter(now.plus(properties.clockSkew()))) {
            throw ISSUED_IN_FUTURE.exception("iat missing or in the future");
        }
        if (iat.isBefore(now.minus(properties.maxTokenAge()))) {
            throw TOO_OLD.exception("iat older than " + properties.maxTokenAge());
        }
        Object nonce = claims.get("nonce");
        if (!(nonce instanceof String n) || n.isBlank() || !n.equals(expectedNonce)) {
            throw NONCE_MISMATCH.exception("nonce missing or not the one sent at login");
        }

        Object version = claims.get(LtiClaims.VERSION);
        if (version == null) {
            throw MISSING_VERSION.exception("no LTI version claim");
        }
        if (!"1.3.0".equals(version)) {
            throw WRONG_VERSION.exception("LTI version is not 1.3.0");
        }
        Object messageType = claims.get(LtiClaims.MESSAGE_TYPE);
        if (!(messageType instanceof String type) || type.isBlank()) {
            throw MISSING_MESSAGE_TYPE.exception("no message_type claim");
        }
        if (!SUPPORTED_MESSAGE_TYPES.contains(type)) {
            throw UNSUPPORTED_MESSAGE_TYPE.exception("unsupported message_type");
        }
        Object deploymentId = claims.get(LtiClaims.DEPLOYMENT_ID);
        if (!(deploymentId instanceof String deployment) || deployment.isBlank()) {
            throw MISSING_DEPLOYMENT_ID.exception("no deployment_id claim");
        }
        if (!registry.isDeploymentActive(platform.id(), deployment)) {
            throw UNKNOWN_DEPLOYMENT.exception("deployment not registered for this platform");
        }
        if (!(claims.get("sub") instanceof String sub) || sub.isBlank()) {
            throw MISSING_SUB.exception("no sub claim");
        }
        if (!(claims.get(LtiClaims.ROLES) instanceof Collection<?>)) {
            throw MISSING_ROLES.exception("no roles claim");
        }
        if (LaunchContext.RESOURCE_LINK_REQUEST.equals(type)) {
            if (!(claims.get(LtiClaims.RESOURCE_LINK) instanceof Map<?, ?> link)
                    || !(link.get("id") instanceof String id)
                    || id.isBlank()) {
                throw MISSING_RESOURCE_LINK.exception("no resource_link.id claim");
            }
            if (!(claims.get(LtiClaims.TARGET_LINK_URI) instanceof String target) || target.isBlank()) {
                throw MISSING_TARGET_LINK_URI.exception("no target_link_uri claim");
            }
            if (!baseUrl.isOwn(target)) {
                throw LaunchRefusal.FOREIGN_TARGET_LINK_URI.exception("target_link_uri not on the tool's base URL");
            }
        } else if (!(claims.get(LtiClaims.DEEP_LINKING_SETTINGS) instanceof Map<?, ?> settings)
                || !(settings.get("deep_link_return_url") instanceof String returnUrl)
                || returnUrl.isBlank()) {
            throw MISSING_DEEP_LINKING_SETTINGS.exception("no deep_link_return_url");
        }
        if (!nonces.useOnce(platform.id(), (String) nonce, exp.plus(properties.clockSkew()))) {
            throw NONCE_REPLAYED.exception("nonce already used");
        }
    }
}
