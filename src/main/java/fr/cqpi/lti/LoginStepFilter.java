package fr.cqpi.lti;

import fr.cqpi.shared.StandalonePages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
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
 * The login initiation of spring-security-lti13 with the tool's own login step. A browser that brings the tool's
 * cookies goes straight to the platform: its session binds the state. Any other browser gets a page that keeps
 * a secret in its {@code sessionStorage} (the cookieless launch is then redeemed only by that tab, see
 * {@link HandoverExchangeFilter}) and, when the platform offers {@code lti_storage_target} (1EdTech client-side
 * postMessage storage, Canvas), puts the state and nonce in the platform's storage. Its script is a file under
 * the tool's {@code script-src 'self'} policy (the library's page has an inline script that the policy blocks).
 */
class LoginStepFilter extends OAuth2AuthorizationRequestRedirectFilter {

    static final String STORAGE_TARGET = "lti_storage_target";
    private static final Logger log = LoggerFactory.getLogger(LoginStepFilter.class);

    private final OAuth2AuthorizationRequestResolver resolver;
    private final OptimisticAuthorizationRequestRepository requests;
    private final StandalonePages pages;

    LoginStepFilter(
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
        if (JdbcAuthorizationRequestRepository.bringsCookies(request) || requests.hasWorkingSession(request)) {
            requests.saveAuthorizationRequest(authorization, request, response);
            response.sendRedirect(authorization.getAuthorizationRequestUri());
            return;
        }
        String secret = PageSecrets.generate();
        request.setAttribute(PageSecrets.ISSUED_HASH, PageSecrets.hash(secret));
        requests.saveAuthorizationRequest(authorization, request, response);
        String target = request.getParameter(STORAGE_TARGET);
        Map<String, Object> page = new HashMap<>();
        page.put("state", authorization.getState());
        page.put("secret", secret);
        page.put("url", authorization.getAuthorizationRequestUri());
        if (target != null && !target.isBlank()) {
            page.put("target", target);
            page.put("nonce", authorization.getAdditionalParameters().get(OidcParameterNames.NONCE));
        }
        pages.render(request, response, 200, "login-step", Locale.FRENCH, page);
    }
}
