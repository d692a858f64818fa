package fr.cqpi.lti;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a login initiation (IMS Security Framework §5.1.1) before {@link LoginStepFilter} acts on it, so that an
 * unknown platform or deployment gets a clear refusal page, and tells it which platform it is.
 */
class LoginInitiationGuard extends OncePerRequestFilter {

    /** Request attribute: the {@link Platform} a checked login initiation comes from. */
    static final String PLATFORM_ATTRIBUTE = LoginInitiationGuard.class.getName() + ".platform";

    private static final Logger log = LoggerFactory.getLogger(LoginInitiationGuard.class);

    private final PlatformRegistry registry;
    private final LaunchRefusalPage refusalPage;
    private final ToolBaseUrl baseUrl;

    LoginInitiationGuard(PlatformRegistry registry, LaunchRefusalPage refusalPage, ToolBaseUrl baseUrl) {
        this.registry = registry;
        this.refusalPage = refusalPage;
        this.baseUrl = baseUrl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LtiPaths.LOGIN.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String issuer = request.getParameter("iss");
        if (blank(issuer)
                || blank(request.getParameter("login_hint"))
                || blank(request.getParameter("target_link_uri"))) {
            refuse(
                    request,
                    response,
                    LaunchRefusal.MISSING_PARAMETER.exception("iss, login_hint and target_link_uri are required"));
            return;
        }
        Optional<Platform> platform = registry.findForLogin(issuer, request.getParameter("client_id"));
        if (platform.isEmpty()) {
            refuse(
                    request,
                    response,
                    LaunchRefusal.UNKNOWN_PLATFORM.exception("no registration for this iss/client_id"));
            return;
        }
        if (!platform.get().enabled()) {
            refuse(
                    request,
                    response,
                    LaunchRefusal.PLATFORM_DISABLED.exception(
                            "platform " + platform.get().id() + " disabled"));
            return;
        }
        String deploymentId = request.getParameter("lti_deployment_id");
        if (!blank(deploymentId) && !registry.isDeploymentActive(platform.get().id(), deploymentId)) {
            refuse(request, response, LaunchRefusal.UNKNOWN_DEPLOYMENT.exception("deployment not registered"));
            return;
        }
        if (!baseUrl.isOwn(request.getParameter("target_link_uri"))) {
            refuse(
                    request,
                    response,
                    LaunchRefusal.FOREIGN_TARGET_LINK_URI.exception("target_link_uri not on the tool's base URL"));
            return;
        }
        request.setAttribute(PLATFORM_ATTRIBUTE, platform.get());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, LaunchRefusedException refusal)
            throws IOException {
        log.info(
                "Login initiation refused: {} ({})",
                refusal.refusal(),
                refusal.getError().getDescription());
        refusalPage.render(
                request, response, refusal.refusal(), refusal.getError().getDescription());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
