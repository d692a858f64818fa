package fr.cqpi.evaluation;

import fr.cqpi.lti.LaunchContext;
import fr.cqpi.shared.ReadTransaction;
import fr.cqpi.shared.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A learner's grid (their own under /app/me, read-only), and a trainer's saves of its criteria and compétences, each
 * answered with the part of the grid it changed.
 */
@Controller
@RequestMapping("/app")
class GridPageController {

    private final EvaluationQueries queries;
    private final JudgmentService judgments;
    private final EvaluationSessions sessions;
    private final RenderedCriteria renderedCriteria;
    private final ReadOnlyGridPanels gridPanels;
    private final GridPanels panels;
    private final ReadTransaction readTransaction;

    GridPageController(
            EvaluationQueries queries,
            JudgmentService judgments,
            EvaluationSessions sessions,
            RenderedCriteria renderedCriteria,
            ReadOnlyGridPanels gridPanels,
            GridPanels panels,
            ReadTransaction readTransaction) {
        this.queries = queries;
        this.judgments = judgments;
        this.sessions = sessions;
        this.renderedCriteria = renderedCriteria;
        this.gridPanels = gridPanels;
        this.panels = panels;
        this.readTransaction = readTransaction;
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
        // Read in one transaction; the criteria and panels are written after it, with no connection held.
        boolean judges = launch.isEvaluator() || launch.isTutor();
        GridReads reads = readTransaction.of(() -> read(launch, sub, bloc, judges));
        LearnerGrid grid = reads.grid();
        model.addAttribute("launch", launch);
        model.addAttribute("grid", grid);
        model.addAttribute("editable", judges);
        Map<String, String> criteria =
                renderedCriteria.of(grid, grid.referentiel().blocs(), judges, request, response);
        model.addAttribute("renderedCriteria", criteria);
        if (judges) {
            model.addAttribute("currentSession", reads.currentSession());
            model.addAttribute("sessions", reads.sessions());
            model.addAttribute("previousLearner", reads.neighbours().previous());
            model.addAttribute("nextLearner", reads.neighbours().next());
        }
        model.addAttribute("selectedBloc", reads.selectedBloc());
        GridPanels.Written written = panels.write(reads.panels(), request, response);
        model.addAttribute("panels", written);
        if (!judges) {
            model.addAttribute(
                    "gridPanels",
                    gridPanels.render(
                            grid,
                            criteria,
                            reads.selectedBloc(),
                            written.evidence(),
                            request.getContextPath(),
                            LocaleContextHolder.getLocale()));
        }
        return "evaluation/grid";
    }

    /** What a grid page reads; the sessions and neighbours only for those who judge. */
    private record GridReads(
            LearnerGrid grid,
            EvaluationSession currentSession,
            List<EvaluationSession> sessions,
            LearnerNeighbours neighbours,
            String selectedBloc,
            GridPanels.Read panels) {}

    private GridReads read(LaunchContext launch, String sub, String bloc, boolean judges) {
        LearnerGrid grid = queries.grid(launch.actor(), sub);
        EvaluationSession currentSession = null;
        List<EvaluationSession> sessionList = List.of();
        LearnerNeighbours neighbours = null;
        if (judges) {
            currentSession = sessions.current(launch.courseId()).orElse(null);
            sessionList = sessions.list(launch.actor());
            neighbours = LearnerNeighbours.of(queries.learners(launch.actor()), sub);
        }
        String selectedBloc = grid.referentiel().bloc(bloc).isPresent()
                ? bloc
                : launch.custom()
                        .getOrDefault("bloc", grid.referentiel().blocs().get(0).code());
        return new GridReads(
                grid, currentSession, sessionList, neighbours, selectedBloc, panels.read(launch, sub, selectedBloc));
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
        return "evaluation/grid-parts :: criterion-update";
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
        return "evaluation/grid-parts :: criterion-update";
    }

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
        return "evaluation/grid-parts :: competence-update";
    }
}
