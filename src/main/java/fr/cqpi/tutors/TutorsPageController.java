package fr.cqpi.tutors;

import fr.cqpi.course.Actor;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.InvalidEvaluationInputException;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.evaluation.TutorDesignations;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trainers' page of tutors: who follows whom, designating a member as tuteur entreprise of learners. */
@Controller
@RequestMapping("/app/tutors")
class TutorsPageController {

    private final TutorDesignations tutors;
    private final EvaluationQueries queries;
    private final MessageSource messages;

    TutorsPageController(TutorDesignations tutors, EvaluationQueries queries, MessageSource messages) {
        this.tutors = tutors;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        fill(actor, model, null, false);
        return "tutors/tutors";
    }

    @PostMapping
    String assign(
            Actor actor,
            @RequestParam(required = false) String tutor,
            @RequestParam(name = "learner", required = false) List<String> learners,
            HttpServletResponse response,
            Model model) {
        if (tutor == null || tutor.isBlank() || learners == null || learners.isEmpty()) {
            response.setStatus(400);
            fill(actor, model, text("tutors.invalid.missing"), true);
            return "tutors/tutors :: assignments";
        }
        try {
            for (String learner : learners) {
                tutors.assign(actor, tutor, learner);
            }
            fill(actor, model, text("tutors.assigned"), false);
        } catch (InvalidEvaluationInputException | LearnerNotFoundException refused) {
            // Each assignment is its own transaction: those made before the refusal stand, and the page shows them.
            response.setStatus(400);
            fill(actor, model, text("tutors.invalid.member"), true);
        }
        return "tutors/tutors :: assignments";
    }

    @PostMapping("/remove")
    String unassign(Actor actor, @RequestParam String tutor, @RequestParam String learner, Model model) {
        tutors.unassign(actor, tutor, learner);
        fill(actor, model, text("tutors.removed"), false);
        return "tutors/tutors :: assignments";
    }

    private void fill(Actor actor, Model model, String message, boolean error) {
        model.addAttribute("assignments", tutors.list(actor));
        model.addAttribute("candidates", tutors.candidates(actor));
        model.addAttribute("learners", queries.learners(actor));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
