package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Finds the session of a request: from the session cookie when the browser sends it; otherwise, inside
 * an LMS iframe whose cookies are blocked, from the {@value #HEADER} header that the tool's pages add
 * to every request they make, or once from the session {@link HandoverExchangeFilter} handed over right after
 * the launch.
 */
public class LaunchSessionIdResolver implements HttpSessionIdResolver {

    public static final String HEADER = "X-CQPI-Session";
    /** Set by {@link HandoverExchangeFilter}: the session a launch's page has just redeemed. */
    static final String HANDED_OVER_ATTRIBUTE = LaunchSessionIdResolver.class.getName() + ".handedOver";
    /** Set on requests whose session did not come from a cookie: their pages carry the session header. */
    public static final String COOKIELESS_ATTRIBUTE = LaunchSessionIdResolver.class.getName() + ".cookieless";

    private static final String RESOLVED_ATTRIBUTE = LaunchSessionIdResolver.class.getName() + ".resolved";

    private final CookieHttpSessionIdResolver cookies;

    LaunchSessionIdResolver(CookieHttpSessionIdResolver cookies) {
        this.cookies = cookies;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> resolveSessionIds(HttpServletRequest request) {
        Object resolved = request.getAttribute(RESOLVED_ATTRIBUTE);
        if (resolved != null) {
            return (List<String>) resolved;
        }
        List<String> ids = cookies.resolveSessionIds(request);
        if (ids.isEmpty()) {
            String header = request.getHeader(HEADER);
            if (header != null && !header.isBlank()) {
                ids = List.of(header.strip());
            } else if (request.getAttribute(HANDED_OVER_ATTRIBUTE) instanceof String handedOver) {
                ids = List.of(handedOver);
            }
            if (!ids.isEmpty()) {
                request.setAttribute(COOKIELESS_ATTRIBUTE, Boolean.TRUE);
            }
        }
        request.setAttribute(RESOLVED_ATTRIBUTE, ids);
        return ids;
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        cookies.setSessionId(request, response, sessionId);
        request.setAttribute(RESOLVED_ATTRIBUTE, List.of(sessionId));
        if (Boolean.TRUE.equals(request.getAttribute(COOKIELESS_ATTRIBUTE))) {
            response.setHeader(HEADER, sessionId);
        }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        cookies.expireSession(request, response);
    }
}
