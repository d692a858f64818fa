package fr.cqpi.documents;

import fr.cqpi.course.Actor;
import fr.cqpi.evaluation.GridPanel;
import fr.cqpi.lti.ToolBaseUrl;
import fr.cqpi.shared.RefusalMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
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
 * The « Documents » panels of the grid page (a candidate's documents) and of the jury page (the session's
 * procès-verbal): loaded by htmx, issue buttons for evaluators, download links to the stored PDFs.
 */
@Controller
@RequestMapping("/app")
class DocumentsPageController implements GridPanel {

    private final Documents documents;
    private final ToolBaseUrl baseUrl;
    private final MessageSource messages;
    private final RefusalMessages refusals;

    DocumentsPageController(
            Documents documents, ToolBaseUrl baseUrl, MessageSource messages, RefusalMessages refusals) {
        this.documents = documents;
        this.baseUrl = baseUrl;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping("/learners/{sub}/documents")
    String learner(Actor actor, @PathVariable String sub, Model model) {
        return learnerPanel(actor, sub, model, null, false);
    }

    @Override
    public Slot slot() {
        return Slot.DOCUMENTS;
    }

    @Override
    public String view(Actor actor, String learnerSub, String bloc, Model model) {
        return learner(actor, learnerSub, model);
    }

    @PostMapping("/learners/{sub}/documents")
    String issue(
            Actor actor,
            @PathVariable String sub,
            @RequestParam(required = false) String kind,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        try {
            var issued = documents.issueForLearner(actor, sub, kind, locale, baseUrl.get());
            return learnerPanel(actor, sub, model, said(issued, locale), false);
        } catch (DocumentRefusedException e) {
            response.setStatus(409);
            return learnerPanel(actor, sub, model, refused(e, locale), true);
        } catch (InvalidDocumentRequestException e) {
            response.setStatus(400);
            return learnerPanel(
                    actor, sub, model, messages.getMessage("documents.refused." + e.field(), null, locale), true);
        }
    }

    @GetMapping("/jury/{sessionId}/documents")
    String session(Actor actor, @PathVariable long sessionId, Model model) {
        return sessionPanel(actor, sessionId, model, null, false);
    }

    @PostMapping("/jury/{sessionId}/documents")
    String issueMinutes(
            Actor actor, @PathVariable long sessionId, Locale locale, HttpServletResponse response, Model model) {
        try {
            var issued = documents.issueForSession(actor, sessionId, locale, baseUrl.get());
            return sessionPanel(actor, sessionId, model, said(issued, locale), false);
        } catch (DocumentRefusedException e) {
            response.setStatus(409);
            return sessionPanel(actor, sessionId, model, refused(e, locale), true);
        }
    }

    private String said(Documents.Issued issued, Locale locale) {
        String number = issued.document().number();
        return issued.earlier().isEmpty()
                ? messages.getMessage("documents.issued", new Object[] {number}, locale)
                : messages.getMessage(
                        "documents.issuedAgain", new Object[] {number, String.join(", ", issued.earlier())}, locale);
    }

    /** The refusal in the page's language, from the bundles (the API's problem document keeps the English detail). */
    private String refused(DocumentRefusedException e, Locale locale) {
        return refusals.say("documents.refused.", e, locale);
    }

    /**
     * The documents panel: the issued ones, and for an evaluator a button per kind, disabled with the reason (in the
     * page's language) when that document cannot be issued now.
     */
    private String learnerPanel(Actor actor, String sub, Model model, String message, boolean error) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("learnerSub", sub);
        model.addAttribute("issued", documents.ofLearner(actor, sub, baseUrl.get()));
        model.addAttribute(
                "offers",
                documents.offers(actor, sub).stream()
                        .map(o -> new OfferView(o.kind().name(), o.issuable() ? null : refused(o.refusal(), locale)))
                        .toList());
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "documents/documents :: learner";
    }

    private String sessionPanel(Actor actor, long sessionId, Model model, String message, boolean error) {
        Documents.Offer offer = documents.offerForSession(actor, sessionId);
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("issued", documents.ofSession(actor, sessionId, baseUrl.get()));
        model.addAttribute(
                "offer",
                new OfferView(
                        offer.kind().name(),
                        offer.issuable() ? null : refused(offer.refusal(), LocaleContextHolder.getLocale())));
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "documents/documents :: session";
    }

    /** A kind of document the panel offers; {@code unavailable} says why it cannot be issued now, or is null. */
    record OfferView(String kind, String unavailable) {}
}
