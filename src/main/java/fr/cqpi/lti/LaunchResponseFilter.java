package fr.cqpi.lti;

import static fr.cqpi.lti.LaunchRefusal.MISSING_PARAMETER;
import static fr.cqpi.lti.LaunchRefusal.STATE_NOT_FOUND;
import static fr.cqpi.lti.LaunchRefusal.UNKNOWN_PLATFORM;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The platform's form post of the id_token and state at {@code /lti/launch} (IMS Security Framework §5.1.1.3). The
 * state is taken out of its store first, whatever follows (used once); the platform it was kept for must still be
 * registered; an error the platform answered with is refused as such; the id_token then goes to
 * {@link LaunchAuthenticationProvider}. A post without state, or with neither id_token nor error, is refused before
 * anything is read or spent.
 */
final class LaunchResponseFilter extends AbstractAuthenticationProcessingFilter {

    private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> states;
    private final PlatformRegistry registry;

    LaunchResponseFilter(
            AuthorizationRequestRepository<OAuth2AuthorizationRequest> states,
            PlatformRegistry registry,
            AuthenticationManager authenticationManager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(LtiPaths.LAUNCH), authenticationManager);
        this.states = states;
        this.registry = registry;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String idToken = request.getParameter(OidcParameterNames.ID_TOKEN);
        String error = request.getParameter(OAuth2ParameterNames.ERROR);
        if (state == null || !(StringUtils.hasText(idToken) || StringUtils.hasText(error))) {
            throw MISSING_PARAMETER.exception("state and an id_token or an error are required");
        }
        OAuth2AuthorizationRequest login = states.removeAuthorizationRequest(request, response);
        if (login == null) {
            throw STATE_NOT_FOUND.exception("no login waits for this state in this browser");
        }
        Platform platform = registry.findByRegistrationId(LoginInitiationResolver.registrationIdOf(login))
                .orElseThrow(() -> UNKNOWN_PLATFORM.exception("registration no longer exists"));
        if (StringUtils.hasText(error)) {
            OAuth2Error answered = new OAuth2Error(
                    error,
                    request.getParameter(OAuth2ParameterNames.ERROR_DESCRIPTION),
                    request.getParameter(OAuth2ParameterNames.ERROR_URI));
            throw new OAuth2AuthenticationException(answered, answered.toString());
        }
        return getAuthenticationManager().authenticate(IdTokenAuthentication.unverified(platform, login, idToken));
    }
}
