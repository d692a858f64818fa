package fr.cqpi.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Where a login's state waits for the platform's answer: in the browser's session and, unless the browser is known
 * to keep the tool's cookies, in PostgreSQL too ({@link JdbcAuthorizationRequestRepository}, for a browser whose
 * cookies will not come back). At the launch both copies are taken out, so that a state is used once; the session's
 * is preferred, and finding it marks the browser as one whose cookies work ({@value #WORKING_COOKIES}).
 */
final class LaunchStateRepository implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    /** The cookie of a browser whose session carried a launch's state (the name spring-security-lti13 gave it). */
    static final String WORKING_COOKIES = "WORKING_COOKIES";

    /** About a year: 356 days, as the cookie was first set, so that its lifetime does not change. */
    private static final Duration WORKING_COOKIES_LIFETIME = Duration.ofDays(356);

    /** Marks the current request once its state came from the session, before the cookie comes back. */
    private static final String WORKING_SESSION_ATTRIBUTE = LaunchStateRepository.class.getName() + ".workingSession";

    private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> session =
            new HttpSessionOAuth2AuthorizationRequestRepository();
    private final JdbcAuthorizationRequestRepository database;

    LaunchStateRepository(JdbcAuthorizationRequestRepository database) {
        this.database = database;
    }

    /** Whether this browser's session is known to carry the launch: marked in this request or by its cookie. */
    boolean hasWorkingSession(HttpServletRequest request) {
        if (request.getAttribute(WORKING_SESSION_ATTRIBUTE) != null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (WORKING_COOKIES.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        OAuth2AuthorizationRequest fromSession = session.loadAuthorizationRequest(request);
        return fromSession != null ? fromSession : database.loadAuthorizationRequest(request);
    }

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request, HttpServletResponse response) {
        if (!hasWorkingSession(request)) {
            database.saveAuthorizationRequest(authorizationRequest, request, response);
        }
        session.saveAuthorizationRequest(authorizationRequest, request, response);
    }

    /** Takes both copies out (a state is used once); the session's counts when there is one. */
    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest fromDatabase = database.removeAuthorizationRequest(request, response);
        OAuth2AuthorizationRequest fromSession = session.removeAuthorizationRequest(request, response);
        if (fromSession != null) {
            markWorkingSession(request, response);
            return fromSession;
        }
        return fromDatabase;
    }

    /** A cookie of our own, which outlives the session, so that later logins of this browser skip the database. */
    private static void markWorkingSession(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(WORKING_COOKIES, "true");
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setPath("/");
        cookie.setMaxAge((int) WORKING_COOKIES_LIFETIME.toSeconds());
        response.addCookie(cookie);
        request.setAttribute(WORKING_SESSION_ATTRIBUTE, Boolean.TRUE);
    }
}
