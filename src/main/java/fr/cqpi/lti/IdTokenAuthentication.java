package fr.cqpi.lti;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A platform's answer to a login (IMS Security Framework §5.1.1.3): first its id_token as posted, with the platform
 * and the login request the state was kept for; once {@link LaunchAuthenticationProvider} has checked it, the
 * verified claims instead of the token. It lives for the launch request only: {@link LaunchSuccessHandler} puts a
 * {@link LaunchAuthentication} in the session.
 */
final class IdTokenAuthentication extends AbstractAuthenticationToken {

    private final Platform platform;
    private final OAuth2AuthorizationRequest login;
    private String idToken;
    private final Jwt verified;

    private IdTokenAuthentication(Platform platform, OAuth2AuthorizationRequest login, String idToken, Jwt verified) {
        super(List.of());
        this.platform = platform;
        this.login = login;
        this.idToken = idToken;
        this.verified = verified;
        super.setAuthenticated(verified != null);
    }

    static IdTokenAuthentication unverified(Platform platform, OAuth2AuthorizationRequest login, String idToken) {
        return new IdTokenAuthentication(platform, login, idToken, null);
    }

    IdTokenAuthentication verified(Jwt jwt) {
        return new IdTokenAuthentication(platform, login, null, jwt);
    }

    Platform platform() {
        return platform;
    }

    String idToken() {
        return idToken;
    }

    /** The nonce the login sent the platform, which the id_token must carry. */
    String expectedNonce() {
        return (String) login.getAdditionalParameters().get(OidcParameterNames.NONCE);
    }

    /** The verified id_token's claims. */
    Map<String, Object> claims() {
        if (verified == null) {
            throw new IllegalStateException("the id_token is not verified");
        }
        return verified.getClaims();
    }

    @Override
    public Object getPrincipal() {
        return verified == null ? null : verified.getSubject();
    }

    @Override
    public Object getCredentials() {
        return idToken;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only LaunchAuthenticationProvider verifies an id_token");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        idToken = null;
    }
}
