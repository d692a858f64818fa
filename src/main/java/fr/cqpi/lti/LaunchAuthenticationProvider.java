package fr.cqpi.lti;

import static fr.cqpi.lti.LaunchRefusal.*;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks a launch's id_token: RS256 with a kid, signed by a key of the platform's key set (cached, with bounded
 * refetches), every claim fault with its own refusal ({@link LaunchClaimsValidator}), and the nonce the one sent at
 * login, used once across all instances.
 */
class LaunchAuthenticationProvider implements AuthenticationProvider {

    private final PlatformJwtDecoders decoders;
    private final LaunchClaimsValidator validator;

    LaunchAuthenticationProvider(PlatformJwtDecoders decoders, LaunchClaimsValidator validator) {
        this.decoders = decoders;
        this.validator = validator;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return IdTokenAuthentication.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        IdTokenAuthentication launch = (IdTokenAuthentication) authentication;
        Platform platform = launch.platform();
        String rawToken = launch.idToken();
        checkHeader(rawToken);
        Jwt jwt = decode(platform, rawToken);
        validator.validate(jwt, platform, launch.expectedNonce());
        return launch.verified(jwt);
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
