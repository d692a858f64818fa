package fr.cqpi.web;

import fr.cqpi.lti.LaunchSessionIdResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: whether the browser has no cookie, so requests must carry the session header. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    @ModelAttribute("sessionToken")
    String sessionToken(HttpServletRequest request) {
        if (!Boolean.TRUE.equals(request.getAttribute(LaunchSessionIdResolver.COOKIELESS_ATTRIBUTE))) {
            return null;
        }
        var session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
