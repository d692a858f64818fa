package fr.cqpi.lti;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last step of a cookieless launch: the launch's page posts its one-time handover code with the secret its
 * tab kept since the login step; only then does the request get the launch's session, and it goes on as the
 * {@code GET} of the tool's first page. Runs right after Spring Session's filter, before anything reads the
 * session. A code alone (a link or a form an attacker made from their own launch) opens nothing.
 */
class HandoverExchangeFilter extends OncePerRequestFilter {

    static final String CODE_PARAMETER = "handover";
    static final String SECRET_PARAMETER = "page_secret";
    private static final Logger log = LoggerFactory.getLogger(HandoverExchangeFilter.class);

    private final SessionHandover handover;
    private final LaunchRefusalPage refusalPage;

    HandoverExchangeFilter(SessionHandover handover, LaunchRefusalPage refusalPage) {
        this.handover = handover;
        this.refusalPage = refusalPage;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + LaunchSuccessHandler.LANDING).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> session =
                handover.redeem(request.getParameter(CODE_PARAMETER), request.getParameter(SECRET_PARAMETER));
        if (session.isEmpty()) {
            log.info("Handover refused: unknown, expired or spent code, or not this page's secret");
            refusalPage.render(request, response, LaunchRefusal.HANDOVER_REFUSED);
            return;
        }
        request.setAttribute(LaunchSessionIdResolver.HANDED_OVER_ATTRIBUTE, session.get());
        chain.doFilter(new AsFirstPage(request), response);
    }

    /** The exchange goes on as the first page's GET (its controllers, no CSRF token expected from it). */
    private static final class AsFirstPage extends HttpServletRequestWrapper {

        AsFirstPage(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
