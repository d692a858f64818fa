package fr.cqpi.evaluation;

import fr.cqpi.lti.LaunchContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The référentiel in force, read-only. Here rather than in {@code referentiel}: the page takes the launch from
 * {@code lti}, which depends on {@code referentiel}.
 */
@Controller
class ReferentielPageController {

    private final EvaluationQueries queries;

    ReferentielPageController(EvaluationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/app/referentiel")
    String referentiel(@AuthenticationPrincipal LaunchContext launch, Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("referentiel", queries.referentiel());
        return "evaluation/referentiel";
    }
}
