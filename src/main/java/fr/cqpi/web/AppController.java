package fr.cqpi.web;

import fr.cqpi.course.Courses;
import fr.cqpi.evaluation.BlocLockedException;
import fr.cqpi.evaluation.BlocState;
import fr.cqpi.evaluation.CohortEvaluator;
import fr.cqpi.evaluation.CohortRow;
import fr.cqpi.evaluation.CohortView;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.EvaluationSession;
import fr.cqpi.evaluation.EvaluationSessions;
import fr.cqpi.evaluation.HistoryPage;
import fr.cqpi.evaluation.InvalidEvaluationInputException;
import fr.cqpi.evaluation.InvalidJudgmentException;
import fr.cqpi.evaluation.JudgmentInput;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.evaluation.LearnerGrid;
import fr.cqpi.evaluation.UnknownCriterionException;
import fr.cqpi.lti.LaunchContext;
import fr.cqpi.shared.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tool's pages after a launch: the cohort, a learner's grid, its history, and the référentiel. */
@Controller
@RequestMapping("/app")
class AppController {

    static final int ROSTER_WAITS = 16;

    private final EvaluationQueries queries;
    private final JudgmentService judgments;
    private final Courses courses;
    private final EvaluationSessions sessions;
    private final MessageSource messages;
    private final RenderedCriteria renderedCriteria;
    private final CohortTableRows tableRows;
    private final ReadOnlyGridPanels gridPanels;

    AppController(
            EvaluationQueries queries,
            JudgmentService judgments,
            Courses courses,
            EvaluationSessions sessions,
            MessageSource messages,
            RenderedCriteria renderedCriteria,
            CohortTableRows tableRows,
            ReadOnlyGridPanels gridPanels) {
        this.renderedCriteria = renderedCriteria;
        this.gridPanels = gridPanels;
        this.tableRows = tableRows;
        this.queries = queries;
        this.judgments = judgments;
        this.courses = courses;
        this.sessions = sessions;
        this.messages = messages;
    }

    /** The first page after a launch, by role. A forward, not a redirect: a cookieless handover lives one request. */
    @GetMapping
    String landing(@AuthenticationPrincipal LaunchContext launch) {
        if (LaunchContext.DEEP_LINKING_REQUEST.equals(launch.messageType())) {
            return "forward:/app/deep-linking";
        }
        if (launch.hasCourse() && (launch.isEvaluator() || launch.isTutor())) {
            return "forward:/app/cohort";
        }
        if (launch.hasCourse() && launch.isLearner()) {
            return "forward:/app/me";
        }
        return "forward:/app/referentiel";
    }

    @GetMapping("/cohort")
    String cohort(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String bloc,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Long session,
            @RequestParam(required = false) String evaluator,
            @RequestHeader(value = "HX-Target", required = false) String target,
            @RequestParam(defaultValue = "0") int wait,
            HttpServletRequest request,
            Model model) {
        CohortSort order = CohortSort.of(sort, dir, q, bloc, state);
        model.addAttribute("launch", launch);
        model.addAttribute("referentiel", queries.referentiel());
        CohortView cohort = queries.cohortView(launch.actor(), session);
        List<CohortEvaluator> evaluators = cohort.evaluators();
        // An evaluator the course does not know filters nothing, as the other filters' unknown values.
        CohortEvaluator judgedBy = evaluators.stream()
                .filter(e -> e.sub().equals(evaluator))
                .findFirst()
                .orElse(null);
        List<CohortRow> rows = order.apply(cohort.rows()).stream()
                .filter(row -> judgedBy == null
                        || judgedBy.learnerSubs().contains(row.learner().sub()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "rowsHtml", tableRows.render(rows, request.getContextPath(), LocaleContextHolder.getLocale()));
        model.addAttribute("evaluators", evaluators);
        model.addAttribute("evaluatorFilter", judgedBy == null ? null : judgedBy.sub());
        model.addAttribute("order", order);
        model.addAttribute("states", BlocState.values());
        model.addAttribute("sessions", sessions.list(launch.actor()));
        model.addAttribute("sessionFilter", session);
        // A trainer's first launch reads the course roster in the background: until it has been read once, the
        // cohort asks again a few times (about 12 s in all, for a platform slow to answer) so that every learner
        // appears without a relaunch,
        // not only those who launched the tool before.
        boolean rosterPending = launch.isEvaluator()
                && launch.hasCourse()
                && !order.filtered()
                && session == null
                && judgedBy == null
                && wait < ROSTER_WAITS
                && courses.find(launch.courseId())
                        .filter(course -> course.nrpsUrl() != null && course.rosterSyncedAt() == null)
                        .isPresent();
        model.addAttribute("waitForRoster", rosterPending ? wait + 1 : null);
        // Only the filter field asks for the table alone; a boosted link (cookieless mode) gets the whole page.
        return "cohort-table".equals(target) ? "cohort :: table" : "cohort";
    }

    @GetMapping("/me")
    String myGrid(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam(required = false) String bloc,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return grid(launch, launch.sub(), bloc, request, response, model);
    }

    @GetMapping("/learners/{sub}")
    String grid(
            @AuthenticationPrincipal LaunchContext launch,
            @PathVariable String sub,
            @RequestParam(required = false) String bloc,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        LearnerGrid grid = queries.grid(launch.actor(), sub);
        model.addAttribute("launch", launch);
        model.addAttribute("grid", grid);
        boolean judges = launch.isEvaluator() || launch.isTutor();
        model.addAttribute("editable", judges);
        Map<String, String> criteria =
                renderedCriteria.of(grid, grid.referentiel().blocs(), judges, request, response);
        model.addAttribute("renderedCriteria", criteria);
        if (judges) {
            model.addAttribute(
                    "currentSession", sessions.current(launch.courseId()).orElse(null));
            model.addAttribute("sessions", sessions.list(launch.actor()));
            LearnerNeighbours neighbours = LearnerNeighbours.of(queries.learners(launch.actor()), sub);
            model.addAttribute("previousLearner", neighbours.previous());
            model.addAttribute("nextLearner", neighbours.next());
        }
        String selectedBloc = grid.referentiel().bloc(bloc).isPresent()
                ? bloc
                : launch.custom()
                        .getOrDefault("bloc", grid.referentiel().blocs().get(0).code());
        model.addAttribute("selectedBloc", selectedBloc);
        if (!judges) {
            model.addAttribute(
                    "gridPanels",
                    gridPanels.render(
                            grid, criteria, selectedBloc, request.getContextPath(), LocaleContextHolder.getLocale()));
        }
        return "grid";
    }

    @PutMapping("/learners/{sub}/judgments/{code}")
    String saveCriterion(
            @AuthenticationPrincipal LaunchContext launch,
            @PathVariable String sub,
            @PathVariable String code,
            TypedJudgment form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("editable", true);
        // Unless it is saved, what the trainer typed goes back into the form (beside the other trainer's value).
        TypedJudgment typed = CriterionSaves.record(
                judgments, launch.actor(), sub, code, form, RequestIdFilter.of(request), response, model);
        model.addAttribute("typed", typed);
        model.addAttribute("grid", queries.grid(launch.actor(), sub));
        model.addAttribute("code", code);
        return "fragments/grid-parts :: criterion-update";
    }

    /** A criterion as stored, to drop what was typed (« keep the other trainer's value » after a conflict). */
    @GetMapping("/learners/{sub}/judgments/{code}")
    String criterion(
            @AuthenticationPrincipal LaunchContext launch,
            @PathVariable String sub,
            @PathVariable String code,
            Model model) {
        LearnerGrid grid = queries.grid(launch.actor(), sub);
        if (grid.referentiel().criterion(code).isEmpty()) {
            throw new UnknownCriterionException(code);
        }
        model.addAttribute("launch", launch);
        model.addAttribute("editable", launch.isEvaluator() || launch.isTutor());
        model.addAttribute("grid", grid);
        model.addAttribute("code", code);
        return "fragments/grid-parts :: criterion-update";
    }

    /** What a trainer submits for a criterion (the grid's and the group judging's form), shown again unless saved. */
    record TypedJudgment(String status, String modality, String comment, Integer version) {}

    @PostMapping("/learners/{sub}/competences/{code}")
    String saveCompetence(
            @AuthenticationPrincipal LaunchContext launch,
            @PathVariable String sub,
            @PathVariable String code,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String modality,
            @RequestParam(defaultValue = "false") boolean replace,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("editable", true);
        try {
            judgments.recordCompetence(
                    launch.actor(),
                    sub,
                    code,
                    new JudgmentInput(status, modality, null, null),
                    replace,
                    RequestIdFilter.of(request));
            model.addAttribute("outcome", "saved");
        } catch (BlocLockedException locked) {
            response.setStatus(409);
            model.addAttribute("outcome", "invalid");
            model.addAttribute("invalidField", "locked");
        } catch (InvalidJudgmentException invalid) {
            response.setStatus(400);
            model.addAttribute("outcome", "invalid");
            model.addAttribute("invalidField", invalid.field());
        }
        LearnerGrid grid = queries.grid(launch.actor(), sub);
        model.addAttribute("grid", grid);
        model.addAttribute("competenceCode", code);
        grid.referentiel()
                .blocOfCompetence(code)
                .ifPresent(bloc -> model.addAttribute(
                        "renderedCriteria", renderedCriteria.of(grid, List.of(bloc), true, request, response)));
        return "fragments/grid-parts :: competence-update";
    }

    @GetMapping("/learners/{sub}/history")
    String history(
            @AuthenticationPrincipal LaunchContext launch,
            @PathVariable String sub,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long session,
            Model model) {
        model.addAttribute("launch", launch);
        LearnerGrid grid = queries.grid(launch.actor(), sub);
        model.addAttribute("grid", grid);
        HistoryPage page = queries.history(launch.actor(), sub, before, session);
        model.addAttribute("entries", page.entries());
        model.addAttribute("nextBefore", page.nextBefore());
        model.addAttribute("firstPage", before == null);
        model.addAttribute("sessionFilter", session);
        model.addAttribute(
                "sessions",
                grid.sessions().values().stream()
                        .sorted(java.util.Comparator.comparing(EvaluationSession::heldOn)
                                .thenComparing(EvaluationSession::id)
                                .reversed())
                        .toList());
        return "history";
    }

    /** Opens an evaluation session of the course, which becomes the current one; answers the session bar. */
    @PostMapping("/sessions")
    String openSession(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String label,
            HttpServletResponse response,
            Model model) {
        try {
            sessions.open(launch.actor(), kind, heldOn, label);
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
        return sessionBar(launch, model);
    }

    @PostMapping("/sessions/current")
    String chooseSession(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam long sessionId,
            HttpServletResponse response,
            Model model) {
        sessions.makeCurrent(launch.actor(), sessionId);
        model.addAttribute("message", messages.getMessage("evalsession.chosen", null, LocaleContextHolder.getLocale()));
        model.addAttribute("error", false);
        return sessionBar(launch, model);
    }

    private String sessionBar(LaunchContext launch, Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("current", sessions.current(launch.courseId()).orElse(null));
        model.addAttribute("sessions", sessions.list(launch.actor()));
        return "fragments/grid-parts :: session-bar-update";
    }

    @GetMapping("/referentiel")
    String referentiel(@AuthenticationPrincipal LaunchContext launch, Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("referentiel", queries.referentiel());
        return "referentiel";
    }
}
