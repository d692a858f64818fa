package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.Courses;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.ReadTransaction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The cohort: the course's learners and their blocs, sorted, filtered by name, state, session or evaluator. */
@Controller
class CohortPageController {

    static final int ROSTER_WAITS = 16;

    private final EvaluationQueries queries;
    private final Courses courses;
    private final EvaluationSessions sessions;
    private final CohortTableRows tableRows;
    private final ReadTransaction readTransaction;

    CohortPageController(
            EvaluationQueries queries,
            Courses courses,
            EvaluationSessions sessions,
            CohortTableRows tableRows,
            ReadTransaction readTransaction) {
        this.queries = queries;
        this.courses = courses;
        this.sessions = sessions;
        this.tableRows = tableRows;
        this.readTransaction = readTransaction;
    }

    @GetMapping("/app/cohort")
    String cohort(
            Actor actor,
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
        // Read in one transaction; sorted and written after it, with no connection held.
        CohortReads reads = readTransaction.of(() -> read(actor, order, session, evaluator, wait));
        CohortEvaluator judgedBy = reads.judgedBy();
        List<CohortRow> rows = order.apply(reads.cohort().rows()).stream()
                .filter(row -> judgedBy == null
                        || judgedBy.learnerSubs().contains(row.learner().sub()))
                .toList();
        model.addAttribute("referentiel", reads.referentiel());
        model.addAttribute("rows", rows);
        model.addAttribute(
                "rowsHtml", tableRows.render(rows, request.getContextPath(), LocaleContextHolder.getLocale()));
        model.addAttribute("evaluators", reads.cohort().evaluators());
        model.addAttribute("evaluatorFilter", judgedBy == null ? null : judgedBy.sub());
        model.addAttribute("order", order);
        model.addAttribute("states", BlocState.values());
        model.addAttribute("sessions", reads.sessions());
        model.addAttribute("sessionFilter", session);
        model.addAttribute("waitForRoster", reads.rosterPending() ? wait + 1 : null);
        // Only the filter field asks for the table alone; a boosted link (cookieless mode) gets the whole page.
        return "cohort-table".equals(target) ? "evaluation/cohort :: table" : "evaluation/cohort";
    }

    private record CohortReads(
            Referentiel referentiel,
            CohortView cohort,
            CohortEvaluator judgedBy,
            List<EvaluationSession> sessions,
            boolean rosterPending) {}

    private CohortReads read(Actor actor, CohortSort order, Long session, String evaluator, int wait) {
        Referentiel referentiel = queries.referentiel();
        CohortView cohort = queries.cohortView(actor, session);
        // An evaluator the course does not know filters nothing, as the other filters' unknown values.
        CohortEvaluator judgedBy = cohort.evaluators().stream()
                .filter(e -> e.sub().equals(evaluator))
                .findFirst()
                .orElse(null);
        // A trainer's first launch reads the course roster in the background: until it has been read once, the
        // cohort asks again a few times (about 12 s in all, for a platform slow to answer) so that every learner
        // appears without a relaunch, not only those who launched the tool before.
        boolean rosterPending = actor.isEvaluator()
                && actor.hasCourse()
                && !order.filtered()
                && session == null
                && judgedBy == null
                && wait < ROSTER_WAITS
                && courses.find(actor.courseId())
                        .filter(course -> course.nrpsUrl() != null && course.rosterSyncedAt() == null)
                        .isPresent();
        return new CohortReads(referentiel, cohort, judgedBy, sessions.list(actor), rosterPending);
    }
}
