package fr.cqpi.web;

import fr.cqpi.lti.LaunchContext;
import fr.cqpi.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals on the tool's pages, whichever module serves them: a page that says what happened, with its status. A
 * controller's own {@code @ExceptionHandler} comes first (a panel that redraws itself); a {@code @RestController},
 * which is a {@code @Controller} too, gets {@link ApiErrors}' problem documents, ordered before this.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response, Model model) {
        // A tutor is told why: they see only the learners assigned to them.
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute(
                "tutor", auth != null && auth.getPrincipal() instanceof LaunchContext launch && launch.isTutor());
        return page(response, model, 403);
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, 404);
    }

    private static String page(HttpServletResponse response, Model model, int status) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
