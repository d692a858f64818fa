package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The grid's « Livret d'évaluation » panel: each session's signatures, and the viewer's own to give. */
@Controller
@RequestMapping("/app/learners/{sub}/livret")
class LivretSignaturesPageController implements GridPanel {

    private final LivretSignatures signatures;
    private final MessageSource messages;

    LivretSignaturesPageController(LivretSignatures signatures, MessageSource messages) {
        this.signatures = signatures;
        this.messages = messages;
    }

    @GetMapping
    String panel(Actor actor, @PathVariable String sub, Model model) {
        return panel(actor, sub, model, null, false, null, null);
    }

    @Override
    public Slot slot() {
        return Slot.LIVRET;
    }

    @Override
    public String view(Actor actor, String learnerSub, String bloc, Model model) {
        return panel(actor, learnerSub, model);
    }

    @PostMapping("/signatures")
    String sign(
            Actor actor,
            @PathVariable String sub,
            @RequestParam(required = false) Long sessionId,
            @RequestParam(required = false) String signature,
            HttpServletResponse response,
            Model model) {
        try {
            signatures.sign(actor, sub, sessionId, signature);
            return panel(actor, sub, model, message("livret.signed"), false, null, null);
        } catch (InvalidEvaluationInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            // What was typed comes back in its field, with why it was refused.
            return panel(actor, sub, model, message("livret.invalid." + invalid.field()), true, sessionId, signature);
        }
    }

    private String panel(
            Actor actor, String sub, Model model, String message, boolean error, Long typedSession, String typed) {
        model.addAttribute("learnerSub", sub);
        model.addAttribute("livrets", signatures.of(actor, sub));
        model.addAttribute("myRole", LivretSignatures.roleOf(actor));
        model.addAttribute("roles", LivretSignatures.SignerRole.values());
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        model.addAttribute("typedSession", typedSession);
        model.addAttribute("typed", typed);
        return "evaluation/livret-signatures :: panel";
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
