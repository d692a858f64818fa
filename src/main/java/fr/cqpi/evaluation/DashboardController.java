package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** « Tableau de bord »: the cohort's bloc states, progress over time, hardest criteria and who is behind. */
@Controller
class DashboardController {

    private final CohortDashboard dashboards;
    private final EvaluationQueries queries;

    DashboardController(CohortDashboard dashboards, EvaluationQueries queries) {
        this.dashboards = dashboards;
        this.queries = queries;
    }

    @GetMapping("/app/dashboard")
    String dashboard(Actor actor, Model model) {
        model.addAttribute("dashboard", dashboards.of(actor));
        model.addAttribute("referentiel", queries.referentiel());
        model.addAttribute("states", List.of(BlocState.values()));
        return "evaluation/dashboard";
    }
}
