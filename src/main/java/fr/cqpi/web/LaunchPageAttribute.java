package fr.cqpi.web;

import fr.cqpi.lti.LaunchAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Gives the tool's pages the launch as {@code launch} (the layout shows its course, name, role and launch id, panels
 * its role), so that feature controllers need take only the {@link fr.cqpi.course.Actor}. A request attribute rather
 * than a model attribute: panels an {@code @ExceptionHandler} draws see it too.
 */
class LaunchPageAttribute implements HandlerInterceptor {

    static final String NAME = "launch";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication instanceof LaunchAuthentication launch) {
            request.setAttribute(NAME, launch.context());
        }
        return true;
    }
}
