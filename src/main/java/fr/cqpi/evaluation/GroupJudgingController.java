package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.FamilyNameOrder;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Jugement de groupe »: one criterion for every learner the evaluator judges, after a group observation; each
 * row saves on its own, as the grid's criteria do (same service, same rules, same conflict check).
 */
@Controller
class GroupJudgingController {

    private final EvaluationQueries queries;
    private final JudgmentService judgments;

    GroupJudgingController(EvaluationQueries queries, JudgmentService judgments) {
        this.queries = queries;
        this.judgments = judgments;
    }

    /**
     * A learner's row: the evaluator's own judgment of the criterion, and what was typed when it was not saved
     * (a conflict, a refusal), shown again in the row rather than lost; {@code lockedOn}: the day the jury that
     * decided the criterion's bloc sat (the row's controls are then disabled), null while it is open.
     */
    record Row(CourseMember learner, Judgment judgment, TypedJudgment typed, LocalDate lockedOn) {

        static Row of(LearnerGrid grid, Referentiel.Bloc bloc, String code, TypedJudgment typed) {
            return new Row(grid.learner(), grid.mine(code), typed, grid.lockedOn(bloc.code()));
        }
    }

    @GetMapping("/app/group")
    String group(Actor actor, @RequestParam(required = false) String criterion, Model model) {
        Referentiel referentiel = queries.referentiel();
        Referentiel.Criterion chosen = referentiel
                .criterion(criterion == null ? "" : criterion)
                .orElse(referentiel.criteria().findFirst().orElseThrow());
        Referentiel.Bloc bloc = referentiel.blocOfCriterion(chosen.code()).orElseThrow();
        List<Row> rows = queries.learners(actor).stream()
                .filter(CourseMember::active)
                .sorted(FamilyNameOrder.members())
                .map(learner -> Row.of(queries.grid(actor, learner.sub()), bloc, chosen.code(), null))
                .toList();
        model.addAttribute("referentiel", referentiel);
        model.addAttribute("criterion", chosen);
        model.addAttribute("bloc", bloc);
        model.addAttribute("rows", rows);
        return "evaluation/group";
    }

    @PutMapping("/app/group/{code}/learners/{sub}")
    String save(
            Actor actor,
            @PathVariable String code,
            @PathVariable String sub,
            TypedJudgment form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Referentiel referentiel = queries.referentiel();
        Referentiel.Criterion criterion =
                referentiel.criterion(code).orElseThrow(() -> new UnknownCriterionException(code));
        TypedJudgment typed =
                CriterionSaves.record(judgments, actor, sub, code, form, RequestIdFilter.of(request), response, model);
        var grid = queries.grid(actor, sub);
        Referentiel.Bloc bloc = referentiel.blocOfCriterion(code).orElseThrow();
        model.addAttribute("criterion", criterion);
        model.addAttribute("bloc", bloc);
        model.addAttribute("row", Row.of(grid, bloc, code, typed));
        return "evaluation/group-row :: row";
    }
}
