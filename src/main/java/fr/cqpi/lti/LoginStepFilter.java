package fr.cqpi.lti;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login initiation (IMS Security Framework §5.1.1), by {@code GET} or {@code POST} at {@code /lti/login}, with
 * the tool's own login step. A browser whose cookies will come back with the platform's form post goes straight to
 * the platform: its session binds the state. Any other browser
 * gets a page that keeps a secret in its {@code sessionStorage} and {@code localStorage} (the cookieless launch is then redeemed only by that
 * tab, see {@link HandoverExchangeFilter}) or, when the frame has no storage of its own and the platform offers
 * {@code lti_storage_target} (1EdTech client-side postMessage storage, Canvas), in the platform's storage, with the
 * state and nonce. A frame that keeps neither storage nor cookies is offered the same login in a new tab, where
 * both work. Its script is a file under the tool's {@code script-src 'self'} policy. A login initiation that
 * {@link LoginInitiationResolver} cannot turn into an authorization request gets a 400 and stores nothing.
 */
class LoginStepFilter extends OncePerRequestFilter {

    static final String STORAGE_TARGET = "lti_storage_target";
    private static final Logger log = LoggerFactory.getLogger(LoginStepFilter.class);

    private final LoginInitiationResolver resolver;
    private final LaunchStateRepository requests;
    /** The login initiation's parameters that a new tab's login takes again (not the storage target: no frame). */
    private static final List<String> RELAUNCH_PARAMETERS =
            List.of("iss", "login_hint", "target_link_uri", "lti_message_hint", "client_id", "lti_deployment_id");

    private final LoginStepPage loginStepPage;
    private final ToolBaseUrl baseUrl;

    LoginStepFilter(
            LoginInitiationResolver resolver,
            LaunchStateRepository requests,
            LoginStepPage loginStepPage,
            ToolBaseUrl baseUrl) {
        this.resolver = resolver;
        this.requests = requests;
        this.loginStepPage = loginStepPage;
        this.baseUrl = baseUrl;
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
        boolean cookiesComeBack =
                JdbcAuthorizationRequestRepository.bringsCookies(request) || requests.hasWorkingSession(request);
        if (cookiesComeBack && cookieFollowsTheFormPost(request, authorization)) {
            requests.saveAuthorizationRequest(authorization, request, response);
            response.sendRedirect(authorization.getAuthorizationRequestUri());
            return;
        }
        String secret = PageSecrets.generate();
        request.setAttribute(PageSecrets.ISSUED_HASH, PageSecrets.hash(secret));
        requests.saveAuthorizationRequest(authorization, request, response);
        String target = request.getParameter(STORAGE_TARGET);
        Map<String, String> page = new HashMap<>();
        page.put("state", authorization.getState());
        page.put("secret", secret);
        page.put("url", authorization.getAuthorizationRequestUri());
        page.put("probe", request.getContextPath() + CookieProbeController.PATH);
        page.put("relaunch", relaunchUrl(request));
        if (target != null && !target.isBlank()) {
            page.put("target", target);
            page.put("nonce", (String) authorization.getAdditionalParameters().get(OidcParameterNames.NONCE));
        }
        loginStepPage.write(request, response, page);
    }

    /**
     * Over HTTPS the session cookie is {@code SameSite=None} and comes back with the platform's cross-site form post;
     * over plain HTTP it is {@code Lax} and comes back only from a platform on the tool's own host (the local demo).
     */
    private boolean cookieFollowsTheFormPost(HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
        if (baseUrl.isHttps(request)) {
            return true;
        }
        String platformHost = URI.create(authorization.getAuthorizationUri()).getHost();
        return platformHost != null && platformHost.equalsIgnoreCase(request.getServerName());
    }

    /** The same login initiation on the tool's own origin, for a new tab. */
    private static String relaunchUrl(HttpServletRequest request) {
        StringJoiner query = new StringJoiner("&", request.getContextPath() + LtiPaths.LOGIN + "?", "");
        for (String name : RELAUNCH_PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
