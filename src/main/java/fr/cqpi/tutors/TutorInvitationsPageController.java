package fr.cqpi.tutors;

import fr.cqpi.course.Actor;
import fr.cqpi.evaluation.EvaluationQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The évaluateurs' page of tutor invitations (from the tutors page): invite an address for given learners, the
 * invitations with their state, revoke one, confirm that an LMS Mentor with the same address is the invited tutor.
 */
@Controller
@RequestMapping("/app/tutors/invitations")
class TutorInvitationsPageController {

    private final TutorInvitations invitations;
    private final EvaluationQueries queries;
    private final MessageSource messages;

    TutorInvitationsPageController(TutorInvitations invitations, EvaluationQueries queries, MessageSource messages) {
        this.invitations = invitations;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        fill(actor, model, null, false);
        return "tutors/tutor-invitations";
    }

    @PostMapping
    String invite(
            Actor actor,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(name = "learner", required = false) List<String> learners,
            @RequestParam(required = false) String language,
            HttpServletResponse response,
            Model model) {
        try {
            invitations.invite(actor, email, name, learners, Locale.forLanguageTag(language == null ? "fr" : language));
            fill(actor, model, text("invitations.sent"), false);
        } catch (InvalidInvitationException invalid) {
            response.setStatus(400);
            fill(actor, model, text("invitations.invalid." + invalid.field()), true);
        }
        return "tutors/tutor-invitations :: invitations";
    }

    @PostMapping("/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id, Model model) {
        invitations.revoke(actor, id);
        fill(actor, model, text("invitations.revoked"), false);
        return "tutors/tutor-invitations :: invitations";
    }

    @PostMapping("/{id}/confirm")
    String confirm(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String mentor,
            HttpServletResponse response,
            Model model) {
        try {
            invitations.confirm(actor, id, mentor);
            fill(actor, model, text("invitations.confirmed"), false);
        } catch (InvalidInvitationException invalid) {
            response.setStatus(400);
            fill(actor, model, text("invitations.invalid.mentorId"), true);
        }
        return "tutors/tutor-invitations :: invitations";
    }

    private void fill(Actor actor, Model model, String message, boolean error) {
        model.addAttribute("invitations", invitations.list(actor));
        model.addAttribute("learners", queries.learners(actor));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
