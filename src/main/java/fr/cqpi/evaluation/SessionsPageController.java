package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The grid's session bar: opening an evaluation session, choosing the current one. */
@Controller
@RequestMapping("/app")
class SessionsPageController {

    private final EvaluationSessions sessions;
    private final MessageSource messages;

    SessionsPageController(EvaluationSessions sessions, MessageSource messages) {
        this.sessions = sessions;
        this.messages = messages;
    }

    /** Opens an evaluation session of the course, which becomes the current one; answers the session bar. */
    @PostMapping("/sessions")
    String openSession(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String label,
            HttpServletResponse response,
            Model model) {
        try {
            sessions.open(actor, kind, heldOn, label);
            model.addAttribute(
                    "message", messages.getMessage("evalsession.opened", null, LocaleContextHolder.getLocale()));
            model.addAttribute("error", false);
        } catch (InvalidEvaluationInputException invalid) {
            response.setStatus(400);
            model.addAttribute(
                    "message",
                    messages.getMessage(
                            "evalsession.invalid." + invalid.field(), null, LocaleContextHolder.getLocale()));
            model.addAttribute("error", true);
        }
        return sessionBar(actor, model);
    }

    @PostMapping("/sessions/current")
    String chooseSession(Actor actor, @RequestParam long sessionId, HttpServletResponse response, Model model) {
        sessions.makeCurrent(actor, sessionId);
        model.addAttribute("message", messages.getMessage("evalsession.chosen", null, LocaleContextHolder.getLocale()));
        model.addAttribute("error", false);
        return sessionBar(actor, model);
    }

    private String sessionBar(Actor actor, Model model) {
        model.addAttribute("current", sessions.current(actor.courseId()).orElse(null));
        model.addAttribute("sessions", sessions.list(actor));
        return "evaluation/grid-parts :: session-bar-update";
    }
}
