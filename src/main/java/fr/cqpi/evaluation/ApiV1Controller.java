package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1, on the launch's session and CSRF token like the pages; every call is scoped to the
 * launch's platform and course. {@code learnerId} is the learner's LTI {@code sub}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Grille", description = "Référentiel, learners, judgments and results of the launch's course")
class ApiV1Controller {

    private final EvaluationQueries queries;
    private final JudgmentService judgments;

    ApiV1Controller(EvaluationQueries queries, JudgmentService judgments) {
        this.queries = queries;
        this.judgments = judgments;
    }

    record CriterionView(String code, String text) {}

    record CompetenceView(String code, String title, List<CriterionView> criteria) {}

    record ModalityView(String code, String label, List<String> topics) {}

    record BlocView(String code, String title, List<ModalityView> modalities, List<CompetenceView> competences) {}

    record ReferentielView(String code, String title, String certifyingBody, List<BlocView> blocs) {}

    record LearnerView(String learnerId, String name, String email, boolean active) {}

    record GridView(LearnerView learner, List<JudgmentView> criteria, Results results) {}

    record JudgmentRequest(String status, String modality, String comment, Integer version, Long sessionId) {}

    record SavedView(JudgmentView judgment, Results results) {}

    @GetMapping("/referentiel")
    @Operation(summary = "Blocs, compétences and criteria of the référentiel, with codes and texts")
    ReferentielView referentiel() {
        Referentiel r = queries.referentiel();
        return new ReferentielView(
                r.code(),
                r.title(),
                r.certifyingBody(),
                r.blocs().stream()
                        .map(b -> new BlocView(
                                b.code(),
                                b.title(),
                                b.modalities().stream()
                                        .map(m -> new ModalityView(m.code(), m.label(), m.topics()))
                                        .toList(),
                                b.competences().stream()
                                        .map(c -> new CompetenceView(
                                                c.code(),
                                                c.title(),
                                                c.criteria().stream()
                                                        .map(k -> new CriterionView(k.code(), k.text()))
                                                        .toList()))
                                        .toList()))
                        .toList());
    }

    @GetMapping("/learners")
    @Operation(summary = "The learners of the launch's course (évaluateurs habilités; a tutor: their own learners)")
    List<LearnerView> learners(Actor actor) {
        return queries.learners(actor).stream().map(ApiV1Controller::learner).toList();
    }

    @GetMapping("/learners/{learnerId}/grid")
    @Operation(
            summary = "Every criterion with the évaluateur habilité's judgment, the tuteur entreprise's"
                    + " (tutorJudgment) and whether they diverge, and the compétence and bloc results (a"
                    + " learner reads only their own, a tutor only their learners')")
    GridView grid(Actor actor, @PathVariable String learnerId) {
        LearnerGrid grid = queries.grid(actor, learnerId);
        List<JudgmentView> criteria = new ArrayList<>();
        for (Referentiel.Bloc bloc : grid.referentiel().blocs()) {
            for (Referentiel.Competence competence : bloc.competences()) {
                for (Referentiel.Criterion criterion : competence.criteria()) {
                    criteria.add(JudgmentView.of(
                            bloc,
                            competence,
                            criterion,
                            grid.judgment(criterion.code()),
                            RoleJudgmentView.of(grid.judgment(criterion.code(), EvaluatorRole.TUTEUR)),
                            grid.divergent(criterion.code())));
                }
            }
        }
        return new GridView(learner(grid.learner()), criteria, grid.results());
    }

    @GetMapping("/learners/{learnerId}/results")
    @Operation(summary = "Compétence and bloc results with their states and scores")
    Results results(Actor actor, @PathVariable String learnerId) {
        return queries.grid(actor, learnerId).results();
    }

    @PutMapping("/learners/{learnerId}/judgments/{criterionCode}")
    @Operation(
            summary = "Records the caller's judgment of one criterion: an évaluateur habilité's, or a tuteur"
                    + " entreprise's for their learners, in the course's current session (or sessionId); a stale"
                    + " version of the caller's own judgment answers 409")
    SavedView judge(
            Actor actor,
            @PathVariable String learnerId,
            @PathVariable String criterionCode,
            @RequestBody JudgmentRequest body,
            HttpServletRequest request) {
        var saved = judgments.record(
                actor,
                learnerId,
                criterionCode,
                new JudgmentInput(body.status(), body.modality(), body.comment(), body.version(), body.sessionId()),
                RequestIdFilter.of(request));
        return new SavedView(
                JudgmentView.of(queries.referentiel(), saved.judgments().get(0)), saved.results());
    }

    private static LearnerView learner(CourseMember m) {
        return new LearnerView(m.sub(), m.name(), m.email(), m.active());
    }
}
