package fr.cqpi.lti;

import fr.cqpi.shared.StandalonePages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OAuth2AuthorizationRequestRedirectFilter;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OptimisticAuthorizationRequestRepository;

/**
 * The login initiation of spring-security-lti13, except for its platform-storage step: when the platform
 * offers {@code lti_storage_target} (1EdTech client-side postMessage storage, Canvas) and cookies are not
 * known to work, the browser gets the tool's own page, whose script is a file under the tool's
 * {@code script-src 'self'} policy (the library's page has an inline script that the policy blocks), and
 * which posts to the frame the platform named rather than always to the parent.
 */
class PlatformStorageLoginFilter extends OAuth2AuthorizationRequestRedirectFilter {

    static final String STORAGE_TARGET = "lti_storage_target";
    private static final Logger log = LoggerFactory.getLogger(PlatformStorageLoginFilter.class);

    private final OAuth2AuthorizationRequestResolver resolver;
    private final OptimisticAuthorizationRequestRepository requests;
    private final StandalonePages pages;

    PlatformStorageLoginFilter(
            OAuth2AuthorizationRequestResolver resolver,
            OptimisticAuthorizationRequestRepository requests,
            StandalonePages pages) {
        super(resolver);
        setAuthorizationRequestRepository(requests);
        this.resolver = resolver;
        this.requests = requests;
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OAuth2AuthorizationRequest authorization;
        try {
            authorization = resolver.resolve(request);
        } catch (RuntimeException e) {
            log.info("Login initiation refused: {}", e.toString());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid login initiation");
            return;
        }
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        requests.saveAuthorizationRequest(authorization, request, response);
        String target = request.getParameter(STORAGE_TARGET);
        if (target == null || target.isBlank() || requests.hasWorkingSession(request)) {
            response.sendRedirect(authorization.getAuthorizationRequestUri());
            return;
        }
        pages.render(
                request,
                response,
                200,
                "platform-storage",
                Locale.FRENCH,
                Map.of(
                        "target", target,
                        "state", authorization.getState(),
                        "nonce", authorization.getAdditionalParameters().get(OidcParameterNames.NONCE),
                        "url", authorization.getAuthorizationRequestUri()));
    }
}
