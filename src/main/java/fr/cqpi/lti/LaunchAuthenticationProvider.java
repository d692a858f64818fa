package fr.cqpi.lti;

import static fr.cqpi.lti.LaunchRefusal.*;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.authentication.OidcLaunchFlowAuthenticationProvider;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.authentication.OidcLaunchFlowToken;
import uk.ac.ox.ctl.lti13.security.oauth2.core.endpoint.OIDCLaunchFlowResponse;
import uk.ac.ox.ctl.lti13.security.oauth2.core.user.LtiOauth2User;

/**
 * The library's launch-flow provider, with the checks it leaves out: a kid is required, the key set
 * is cached with bounded refetches, every claim fault has its own refusal, and the nonce must be the
 * one sent at login and is used once across all instances.
 */
class LaunchAuthenticationProvider extends OidcLaunchFlowAuthenticationProvider {

    private final PlatformRegistry registry;
    private final PlatformJwtDecoders decoders;
    private final LaunchClaimsValidator validator;

    LaunchAuthenticationProvider(
            PlatformRegistry registry, PlatformJwtDecoders decoders, LaunchClaimsValidator validator) {
        this.registry = registry;
        this.decoders = decoders;
        this.validator = validator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OidcLaunchFlowToken launch = (OidcLaunchFlowToken) authentication;
        ClientRegistration registration = launch.getClientRegistration();
        OIDCLaunchFlowResponse response = launch.getAuthorizationExchange().getAuthorizationResponse();
        if (response.statusError()) {
            throw PLATFORM_ERROR.exception(
                    "platform answered " + response.getError().getErrorCode());
        }
        Platform platform = registry.findByRegistrationId(registration.getRegistrationId())
                .orElseThrow(() -> UNKNOWN_PLATFORM.exception("registration no longer exists"));

        String rawToken = response.getIdToken();
        checkHeader(rawToken);
        Jwt jwt = decode(platform, rawToken);
        String expectedNonce = (String) launch.getAuthorizationExchange()
                .getAuthorizationRequest()
                .getAdditionalParameters()
                .get("nonce");
        validator.validate(jwt, platform, expectedNonce);

        OidcIdToken idToken =
                new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
        Set<GrantedAuthority> authorities = Set.of(new OidcUserAuthority(idToken, null));
        LtiOauth2User user = new LtiOauth2User(authorities, idToken);
        OidcLaunchFlowToken result =
                new OidcLaunchFlowToken(registration, launch.getAuthorizationExchange(), user, authorities);
        result.setDetails(launch.getDetails());
        return result;
    }

    private static void checkHeader(String rawToken) {
        SignedJWT signed;
        try {
            if (rawToken == null || !(JWTParser.parse(rawToken) instanceof SignedJWT s)) {
                throw MALFORMED_TOKEN.exception("id_token is not a signed JWT");
            }
            signed = s;
        } catch (ParseException e) {
            throw MALFORMED_TOKEN.exception("id_token cannot be parsed");
        }
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw UNSUPPORTED_ALGORITHM.exception("id_token alg is not RS256");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw MISSING_KID.exception("id_token header has no kid");
        }
    }

    private Jwt decode(Platform platform, String rawToken) {
        try {
            return decoders.forPlatform(platform).decode(rawToken);
        } catch (JwtException e) {
            String message = String.valueOf(e.getMessage());
            if (hasCause(e, RemoteKeySourceException.class) || message.contains("Couldn't retrieve remote JWK set")) {
                throw KEYS_UNAVAILABLE.exception("platform key set unavailable");
            }
            if (message.contains("no matching key") || message.contains("No matching key")) {
                throw UNKNOWN_KID.exception("no platform key with this kid");
            }
            if (message.contains("signature")) {
                throw BAD_SIGNATURE.exception("signature does not verify");
            }
            throw MALFORMED_TOKEN.exception("id_token rejected: " + e.getClass().getSimpleName());
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
