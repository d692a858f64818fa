package fr.cqpi.web;

import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.evaluation.SessionNotFoundException;
import fr.cqpi.evaluation.UnknownCriterionException;
import fr.cqpi.lti.LaunchContext;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals on the tool's pages: a page that says what happened, with its status. */
@ControllerAdvice(
        assignableTypes = {
            AppController.class,
            SyncController.class,
            DeepLinkingController.class,
            DashboardController.class,
            GroupJudgingController.class
        })
class PageErrors {

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response, Model model) {
        // A tutor is told why: they see only the learners assigned to them.
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute(
                "tutor", auth != null && auth.getPrincipal() instanceof LaunchContext launch && launch.isTutor());
        return page(response, model, 403);
    }

    @ExceptionHandler({LearnerNotFoundException.class, UnknownCriterionException.class, SessionNotFoundException.class})
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, 404);
    }

    private static String page(HttpServletResponse response, Model model, int status) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
