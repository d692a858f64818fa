package fr.cqpi.evaluation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The référentiel in force, read-only, to anyone in a launch (the security chain asks for one on /app). */
@Controller
class ReferentielPageController {

    private final EvaluationQueries queries;

    ReferentielPageController(EvaluationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/app/referentiel")
    String referentiel(Model model) {
        model.addAttribute("referentiel", queries.referentiel());
        return "evaluation/referentiel";
    }
}
