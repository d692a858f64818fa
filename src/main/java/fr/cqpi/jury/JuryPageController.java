package fr.cqpi.jury;

import fr.cqpi.course.Actor;
import fr.cqpi.evaluation.Divergence;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.evidence.Evidence;
import fr.cqpi.evidence.EvidenceService;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.RefusalMessages;
import fr.cqpi.shared.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The jury pages: the course's sessions (and a form to record one), and per session each candidate's proposition,
 * judgments, evidence and history with the forms to record the jury's decision on a bloc and a recours. Everything
 * goes through {@link Jury}, whose validation applies; a refusal redraws the form with the reason and what was typed.
 */
@Controller
@RequestMapping("/app/jury")
class JuryPageController {

    private final Jury jury;
    private final EvaluationQueries queries;
    private final EvidenceService evidence;
    private final MessageSource messages;
    private final RefusalMessages refusals;

    JuryPageController(
            Jury jury,
            EvaluationQueries queries,
            EvidenceService evidence,
            MessageSource messages,
            RefusalMessages refusals) {
        this.jury = jury;
        this.queries = queries;
        this.evidence = evidence;
        this.messages = messages;
        this.refusals = refusals;
    }

    /** A line said above a candidate after an action. */
    record Said(String sub, String text, boolean error) {}

    @GetMapping
    String sessions(Actor actor, Model model) {
        return sessionsPage(actor, model, null, null, null);
    }

    @PostMapping
    String create(
            Actor actor,
            SessionForm form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        try {
            JurySession created = jury.createSession(actor, form.inputs());
            if (htmx == null) {
                return "redirect:/app/jury/" + created.id();
            }
            response.setHeader("HX-Push-Url", "/app/jury/" + created.id());
            return session(actor, created.id(), model);
        } catch (InvalidJuryInputException e) {
            response.setStatus(status(e));
            return sessionsPage(actor, model, form.typed(), e.field(), error(e, null, locale));
        }
    }

    @GetMapping("/{sessionId}")
    String session(Actor actor, @PathVariable long sessionId, Model model) {
        JurySession session = jury.session(actor, sessionId);
        List<Jury.CandidateFile> files = session.candidates().stream()
                .map(c -> jury.candidate(actor, c.sub()))
                .toList();
        candidateModel(actor, session, files, model);
        return "jury/jury-session";
    }

    /** A new date or place, before the jury has decided: its members receive an updated invitation. */
    @PostMapping("/{sessionId}/schedule")
    String reschedule(
            Actor actor,
            @PathVariable long sessionId,
            @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String place,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        try {
            jury.reschedule(actor, sessionId, new JuryInputs.Schedule(heldOn, place));
            return "redirect:/app/jury/" + sessionId;
        } catch (InvalidJuryInputException e) {
            response.setStatus(status(e));
            String page = session(actor, sessionId, model);
            model.addAttribute("scheduleError", error(e, null, locale));
            model.addAttribute("scheduleField", e.field());
            return page;
        }
    }

    @PostMapping("/{sessionId}/decisions")
    String decide(
            Actor actor,
            @PathVariable long sessionId,
            DecisionForm form,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        JurySession session = jury.session(actor, sessionId);
        try {
            Jury.Decided decided = jury.decide(actor, sessionId, form.inputs(), RequestIdFilter.of(request));
            String outcome =
                    messages.getMessage("jury.outcome." + decided.decision().outcome(), null, locale);
            model.addAttribute(
                    "said",
                    new Said(
                            form.learnerId(),
                            messages.getMessage("jury.form.recorded", new Object[] {form.blocCode(), outcome}, locale),
                            false));
        } catch (InvalidJuryInputException e) {
            response.setStatus(status(e));
            model.addAttribute("typed", new TypedForm<>(form, e.field(), error(e, session, locale)));
        }
        return candidate(actor, session, form.learnerId(), model);
    }

    @PostMapping("/{sessionId}/recours")
    String recours(
            Actor actor,
            @PathVariable long sessionId,
            RecoursForm form,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        JurySession session = jury.session(actor, sessionId);
        if (form.learnerId() == null || !session.presents(form.learnerId())) {
            throw new LearnerNotFoundException(form.learnerId());
        }
        try {
            jury.fileRecours(actor, form.learnerId(), form.inputs());
            model.addAttribute(
                    "said",
                    new Said(
                            form.learnerId(),
                            messages.getMessage("jury.recours.recorded", new Object[] {form.blocCode()}, locale),
                            false));
        } catch (InvalidJuryInputException e) {
            response.setStatus(status(e));
            model.addAttribute("typedRecours", new TypedForm<>(form, e.field(), error(e, session, locale)));
        }
        return candidate(actor, session, form.learnerId(), model);
    }

    private String candidate(Actor actor, JurySession session, String learnerSub, Model model) {
        if (learnerSub == null || !session.presents(learnerSub)) {
            throw new LearnerNotFoundException(learnerSub);
        }
        Jury.CandidateFile file = jury.candidate(actor, learnerSub);
        candidateModel(actor, session, List.of(file), model);
        model.addAttribute("f", file);
        return "jury/jury-candidate :: candidate(f=${f})";
    }

    private void candidateModel(Actor actor, JurySession session, List<Jury.CandidateFile> files, Model model) {
        Referentiel referentiel = queries.referentiel();
        Map<String, Map<String, List<Evidence>>> evidenceOf = new LinkedHashMap<>();
        Map<String, Map<String, List<Recours>>> openRecours = new LinkedHashMap<>();
        Map<String, Map<String, List<Divergence>>> divergencesOf = new LinkedHashMap<>();
        for (Jury.CandidateFile f : files) {
            // Where the tuteur entreprise and the évaluateur habilité disagree: the jury goes back to the file there.
            divergencesOf.put(
                    f.learner().sub(),
                    queries.divergences(actor.courseId(), f.learner().userId()).stream()
                            .collect(Collectors.groupingBy(Divergence::blocCode)));
            List<Evidence> items = evidence.list(actor, f.learner().sub());
            Map<String, List<Evidence>> byBloc = new LinkedHashMap<>();
            Map<String, List<Recours>> open = new LinkedHashMap<>();
            for (Referentiel.Bloc b : referentiel.blocs()) {
                byBloc.put(
                        b.code(),
                        items.stream()
                                .filter(e -> e.blocCode().equals(b.code()))
                                .toList());
                open.put(b.code(), f.pendingRecours(b.code()));
            }
            evidenceOf.put(f.learner().sub(), byBloc);
            openRecours.put(f.learner().sub(), open);
        }
        model.addAttribute("jurySession", session);
        model.addAttribute("held", jury.held(session));
        model.addAttribute("files", files);
        model.addAttribute("referentiel", referentiel);
        model.addAttribute("evidenceOf", evidenceOf);
        model.addAttribute("openRecours", openRecours);
        model.addAttribute("divergencesOf", divergencesOf);
        model.addAttribute(
                "outcomes", Arrays.stream(Outcome.values()).map(Enum::name).toList());
    }

    private String sessionsPage(Actor actor, Model model, SessionForm.Typed typed, String field, String error) {
        model.addAttribute("sessions", jury.sessions(actor));
        model.addAttribute("learners", queries.learners(actor));
        model.addAttribute("memberRows", SessionForm.rowsShown(typed));
        model.addAttribute("typedSession", typed);
        model.addAttribute("invalidField", field);
        model.addAttribute("error", error);
        return "jury/jury";
    }

    /** 409 for a decision the calendar does not allow yet, 400 for what was typed. */
    private static int status(InvalidJuryInputException e) {
        return e instanceof JuryRefusedException ? 409 : 400;
    }

    /**
     * The reason in the page's language, from the bundles only: by the refusal the jury's validation named, else by
     * its field; never the validation's own (English) words.
     */
    private String error(InvalidJuryInputException e, JurySession session, Locale locale) {
        if (e.reason() != null) {
            String said = refusals.say("jury.error.", e, locale);
            if (said != null) {
                return said;
            }
        }
        Object[] args = {session == null ? 0 : session.votingMembers()};
        String raw = messages.getMessage("jury.error." + e.field(), null, null, locale);
        if (raw == null) {
            return messages.getMessage("jury.error.other", null, locale);
        }
        // Only a message with placeholders goes through MessageFormat (the bundles' apostrophe rule).
        return raw.contains("{") ? messages.getMessage("jury.error." + e.field(), args, locale) : raw;
    }
}
