package fr.cqpi.web;

import fr.cqpi.lti.LaunchAuthentication;
import fr.cqpi.shared.SupportedLocales;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser keeps one session, so a second launch (another course, another tab) replaces the first. Pages
 * send the launch they were rendered for ({@value #HEADER} header, or {@value #PARAMETER} form field); a
 * change sent from a page of an earlier launch is refused rather than recorded under the newer one.
 */
class StaleLaunchGuard extends OncePerRequestFilter {

    static final String HEADER = "X-CQPI-Launch";
    static final String PARAMETER = "_launch";

    private final MessageSource messages;

    StaleLaunchGuard(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return "GET".equals(request.getMethod()) || !(path.startsWith("/app/") || path.startsWith("/api/"));
    }

    /**
     * A multipart body is not read here: Tomcat 11 answers a body over the upload limit itself (413, the error page)
     * when a filter reads its parameters, before the page or API can say why. The tool's uploads are htmx requests,
     * which carry the header.
     */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String claimed = request.getHeader(HEADER);
        if (claimed == null && !isMultipart(request)) {
            claimed = request.getParameter(PARAMETER);
        }
        if (claimed != null
                && SecurityContextHolder.getContext().getAuthentication() instanceof LaunchAuthentication launch
                && !claimed.equals(launch.context().launchId())) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.setContentType("text/plain;charset=UTF-8");
            String locale =
                    launch.context().locale() == null ? "fr" : launch.context().locale();
            response.getWriter().write(messages.getMessage("launch.stale", null, SupportedLocales.ofPlatform(locale)));
            return;
        }
        chain.doFilter(request, response);
    }
}
