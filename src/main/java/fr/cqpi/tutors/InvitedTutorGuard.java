package fr.cqpi.tutors;

import fr.cqpi.shared.StandalonePages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every request of a session opened with a tutor's sign-in link: refused, and the session ended, once its invitation
 * is revoked or expired (or confirmed to be an LMS Mentor, who then signs in as them); else audited (who, what, the
 * answer's status). The refusal names nobody.
 */
public class InvitedTutorGuard extends OncePerRequestFilter {

    private final TutorInvitations invitations;
    private final TutorAudit audit;
    private final StandalonePages pages;
    private final LocaleResolver locales;

    public InvitedTutorGuard(
            TutorInvitations invitations, TutorAudit audit, StandalonePages pages, LocaleResolver locales) {
        this.invitations = invitations;
        this.audit = audit;
        this.pages = pages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !(path.startsWith("/app/") || path.equals("/app") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(InvitedTutorSession.ATTRIBUTE) instanceof InvitedTutorSession tutor)) {
            chain.doFilter(request, response);
            return;
        }
        String what = request.getMethod() + " " + request.getServletPath();
        if (!invitations.admits(tutor.invitationId(), tutor.userId())) {
            audit.record(tutor.invitationId(), tutor.sub(), "SESSION_REFUSED", what);
            var locale = locales.resolveLocale(request);
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (request.getServletPath().startsWith("/api/")) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"status\":403,\"title\":\"invitation_ended\"}");
                return;
            }
            pages.render(
                    request, response, 403, "tutors/tutor-refused", locale, Map.of("reason", SignInRefusal.REVOKED));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            audit.record(tutor.invitationId(), tutor.sub(), "REQUEST", what + " " + response.getStatus());
        }
    }
}
