package fr.cqpi.lti;

import fr.cqpi.shared.StandalonePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * After a valid launch: records it, puts its context in a fresh session, and opens the tool. When the
 * browser sent no cookie (the login state came from the database, not the session), the session is
 * handed over with a one-time code that only the tab holding the login step's secret can redeem.
 */
class LaunchSuccessHandler implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(LaunchSuccessHandler.class);
    static final String LANDING = "/app";

    private final LaunchRecorder recorder;
    private final SessionHandover handover;
    private final SecurityContextRepository contexts;
    private final LaunchStateRepository authorizationRequests;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final StandalonePages pages;

    LaunchSuccessHandler(
            LaunchRecorder recorder,
            SessionHandover handover,
            SecurityContextRepository contexts,
            LaunchStateRepository authorizationRequests,
            org.springframework.context.ApplicationEventPublisher events,
            StandalonePages pages) {
        this.recorder = recorder;
        this.handover = handover;
        this.contexts = contexts;
        this.authorizationRequests = authorizationRequests;
        this.events = events;
        this.pages = pages;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        IdTokenAuthentication verified = (IdTokenAuthentication) authentication;
        Platform platform = verified.platform();
        Map<String, Object> claims = verified.claims();
        LaunchContext launch = recorder.record(platform, claims);

        HttpSession previous = request.getSession(false);
        if (previous != null && !previous.isNew()) {
            // A new session, not the previous one under a new id: a request of the page being left, still running
            // with the previous id, would write that id back over the new one when it saves (Spring Session
            // updates a session's id by its primary key), and the launch would land on « Aucune session ».
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new LaunchAuthentication(launch));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // The page's CSRF token made now, so that it is written with the new session's own insert rather than by the
        // first page in a transaction of its own.
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            csrf.getToken();
        }

        if (launch.hasCourse()) {
            events.publishEvent(new CourseLaunched(platform.id(), launch.courseId(), launch.role()));
        }
        boolean cookies = authorizationRequests.hasWorkingSession(request);
        log.info(
                "Launch accepted: platform {}, course {}, role {}, message {}, cookies {}",
                platform.id(),
                launch.courseId(),
                launch.role(),
                launch.messageType(),
                cookies ? "yes" : "no (handover)");
        response.setHeader("Cache-Control", "no-store");
        if (cookies) {
            response.sendRedirect(request.getContextPath() + LANDING);
            return;
        }
        // The page posts the code with the secret its tab kept since the login step (HandoverExchangeFilter).
        String code = handover.issue(session.getId(), (byte[]) request.getAttribute(PageSecrets.LAUNCH_HASH));
        Map<String, Object> page = new HashMap<>();
        page.put("code", code);
        page.put("state", request.getParameter("state"));
        page.put("target", request.getAttribute(PageSecrets.LAUNCH_STORAGE_TARGET));
        page.put("origins", String.join(" ", storageOrigins(platform, claims)));
        page.put("action", request.getContextPath() + LANDING);
        pages.render(request, response, 200, "lti/launch-handover", Locale.FRENCH, page);
    }

    /**
     * The origins whose answers the handover page believes when it reads the platform's storage: the platform's
     * issuer and authorization endpoint, and the page the launch came from (Canvas answers from a frame of the
     * institution's own domain, which the launch's validated return URL names). A page that framed the launch to
     * answer in the platform's place is on none of them.
     */
    private static Set<String> storageOrigins(Platform platform, Map<String, Object> claims) {
        Set<String> origins = new LinkedHashSet<>();
        ServiceOrigins.of(platform.issuer()).ifPresent(origins::add);
        ServiceOrigins.of(platform.authorizationEndpoint()).ifPresent(origins::add);
        if (claims.get(LtiClaims.LAUNCH_PRESENTATION) instanceof Map<?, ?> presentation
                && presentation.get("return_url") instanceof String returnUrl) {
            ServiceOrigins.of(returnUrl).ifPresent(origins::add);
        }
        return origins;
    }
}
