package fr.cqpi.evidence;

import fr.cqpi.course.Actor;
import fr.cqpi.evaluation.BlocLockedException;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.GridPanel;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The « Preuves » panel of a bloc in the grid page (loaded by htmx): the bloc's evidence with download links, and
 * for those who may attach there a file form and a link form. A refusal redraws the panel with the reason and what
 * was typed (a file has to be chosen again: browsers never refill a file field).
 */
@Controller
@RequestMapping("/app/learners/{sub}/evidence/{bloc}")
class EvidencePageController implements GridPanel {

    private final EvidenceService evidence;
    private final EvaluationQueries queries;
    private final MessageSource messages;

    EvidencePageController(EvidenceService evidence, EvaluationQueries queries, MessageSource messages) {
        this.evidence = evidence;
        this.queries = queries;
        this.messages = messages;
    }

    /** What was typed in the link form, shown again when it was not saved. */
    record TypedLink(String url, String title, String criterionCode) {}

    @GetMapping
    String panel(Actor actor, @PathVariable String sub, @PathVariable String bloc, Model model) {
        return panel(actor, sub, bloc, model, null, false, null);
    }

    @Override
    public Slot slot() {
        return Slot.OPEN_BLOC_EVIDENCE;
    }

    @Override
    public String view(Actor actor, String learnerSub, String bloc, Model model) {
        return panel(actor, learnerSub, bloc, model);
    }

    @PostMapping("/files")
    String addFile(
            Actor actor,
            @PathVariable String sub,
            @PathVariable String bloc,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String criterionCode,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        return savedOrRefused(
                () -> {
                    Evidence added = evidence.addFile(
                            actor,
                            sub,
                            new EvidenceService.NewFile(
                                    bloc, criterionCode, file == null ? null : file.getOriginalFilename(), content),
                            RequestIdFilter.of(request));
                    return say("evidence.added", locale, added.title());
                },
                new Panel(actor, sub, bloc, locale, response, model),
                new TypedLink(null, null, criterionCode));
    }

    @PostMapping("/links")
    String addLink(
            Actor actor,
            @PathVariable String sub,
            @PathVariable String bloc,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String criterionCode,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return savedOrRefused(
                () -> {
                    Evidence added = evidence.addLink(
                            actor,
                            sub,
                            new EvidenceService.NewLink(bloc, criterionCode, url, title),
                            RequestIdFilter.of(request));
                    return say("evidence.added", locale, added.title());
                },
                new Panel(actor, sub, bloc, locale, response, model),
                new TypedLink(url, title, criterionCode));
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            Actor actor,
            @PathVariable String sub,
            @PathVariable String bloc,
            @PathVariable long id,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return savedOrRefused(
                () -> {
                    Evidence withdrawn = evidence.withdraw(actor, sub, id, RequestIdFilter.of(request));
                    return say("evidence.withdrawn", locale, withdrawn.title());
                },
                new Panel(actor, sub, bloc, locale, response, model),
                null);
    }

    /** The panel a change answers with: where it was made, for whom, and in which language. */
    private record Panel(
            Actor actor, String sub, String bloc, Locale locale, HttpServletResponse response, Model model) {}

    /** The panel again with what a change says, or with the refusal in words (what was typed kept). */
    private String savedOrRefused(Supplier<String> change, Panel at, TypedLink typed) {
        try {
            String said = change.get();
            return panel(at.actor(), at.sub(), at.bloc(), at.model(), said, false, null);
        } catch (UnsupportedEvidenceTypeException
                | EvidenceTooLargeException
                | InvalidEvidenceException
                | BlocLockedException
                | AccessDeniedException
                | EvidenceNotFoundException e) {
            return refused(e, at.actor(), at.sub(), at.bloc(), at.locale(), at.response(), at.model(), typed);
        }
    }

    /** A file over the limit is refused while the upload is read, before the form's fields are known. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(
            Actor actor, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return refused(
                new EvidenceTooLargeException(DataSize.ofBytes(evidence.maxFileSize())),
                actor,
                vars.get("sub"),
                vars.get("bloc"),
                locale,
                response,
                model,
                null);
    }

    /** A refusal the panel says in words, with its status; the form keeps what was typed. */
    private String refused(
            RuntimeException e,
            Actor actor,
            String sub,
            String bloc,
            Locale locale,
            HttpServletResponse response,
            Model model,
            TypedLink typed) {
        String reason;
        if (e instanceof UnsupportedEvidenceTypeException) {
            response.setStatus(415);
            reason = say("evidence.refused.type", locale);
        } else if (e instanceof EvidenceTooLargeException tooLarge) {
            response.setStatus(413);
            reason = say("evidence.refused.size", locale, tooLarge.limit().toMegabytes());
        } else if (e instanceof InvalidEvidenceException invalid) {
            response.setStatus(400);
            reason = say("evidence.refused." + invalid.field(), locale);
        } else if (e instanceof BlocLockedException) {
            response.setStatus(409);
            reason = say("evidence.refused.locked", locale);
        } else if (e instanceof AccessDeniedException) {
            response.setStatus(403);
            reason = say("evidence.refused.forbidden", locale);
        } else if (e instanceof EvidenceNotFoundException) {
            response.setStatus(404);
            reason = say("evidence.refused.gone", locale);
        } else {
            throw e;
        }
        return panel(actor, sub, bloc, model, reason, true, typed);
    }

    private String panel(
            Actor actor, String sub, String blocCode, Model model, String message, boolean error, TypedLink typed) {
        Referentiel referentiel = queries.referentiel();
        Referentiel.Bloc bloc =
                referentiel.bloc(blocCode).orElseThrow(() -> new LearnerNotFoundException(sub + "/" + blocCode));
        List<Evidence> items = evidence.list(actor, sub).stream()
                .filter(e -> e.blocCode().equals(bloc.code()))
                .toList();
        model.addAttribute("learnerSub", sub);
        model.addAttribute("bloc", bloc);
        model.addAttribute("items", items);
        LocalDate lockedOn = evidence.lockedOn(actor, sub, bloc.code());
        model.addAttribute("lockedOn", lockedOn);
        model.addAttribute("mayAttach", lockedOn == null && evidence.mayAttach(actor, sub, bloc));
        model.addAttribute("maxBytes", evidence.maxFileSize());
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        return "evidence/evidence :: panel";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        return "error";
    }

    @ExceptionHandler(LearnerNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }

    private String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
