package fr.cqpi.web;

import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JurySession;
import fr.cqpi.lti.LaunchContext;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The jury pages: the course's sessions, and per session each candidate's proposition, judgments and history. */
@Controller
@RequestMapping("/app/jury")
class JuryPageController {

    private final Jury jury;
    private final EvaluationQueries queries;

    JuryPageController(Jury jury, EvaluationQueries queries) {
        this.jury = jury;
        this.queries = queries;
    }

    @GetMapping
    String sessions(@AuthenticationPrincipal LaunchContext launch, Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("sessions", jury.sessions(launch.actor()));
        return "jury";
    }

    @GetMapping("/{sessionId}")
    String session(@AuthenticationPrincipal LaunchContext launch, @PathVariable long sessionId, Model model) {
        JurySession session = jury.session(launch.actor(), sessionId);
        List<Jury.CandidateFile> files = session.candidates().stream()
                .map(c -> jury.candidate(launch.actor(), c.sub()))
                .toList();
        model.addAttribute("launch", launch);
        model.addAttribute("jurySession", session);
        model.addAttribute("files", files);
        model.addAttribute("referentiel", queries.referentiel());
        return "jury-session";
    }
}
