package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A learner's history: every change of their judgments, the most recent first, a page at a time, by session. */
@Controller
class HistoryPageController {

    private final EvaluationQueries queries;

    HistoryPageController(EvaluationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/app/learners/{sub}/history")
    String history(
            Actor actor,
            @PathVariable String sub,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long session,
            Model model) {
        LearnerGrid grid = queries.grid(actor, sub);
        model.addAttribute("grid", grid);
        HistoryPage page = queries.history(actor, sub, before, session);
        model.addAttribute("entries", page.entries());
        model.addAttribute("nextBefore", page.nextBefore());
        model.addAttribute("firstPage", before == null);
        model.addAttribute("sessionFilter", session);
        model.addAttribute(
                "sessions",
                grid.sessions().values().stream()
                        .sorted(Comparator.comparing(EvaluationSession::heldOn)
                                .thenComparing(EvaluationSession::id)
                                .reversed())
                        .toList());
        return "evaluation/history";
    }
}
