package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.TutorAssignments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1 for the two evaluators and the evaluation sessions: the cohort (filterable by session), tutor
 * assignments, sessions, divergences and the history. Same session, CSRF token and scoping as the grid's API.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Évaluateurs et sessions",
        description = "Tuteur entreprise and évaluateur habilité, their divergences, and the evaluation sessions")
class EvaluatorsApiController {

    private final EvaluationQueries queries;
    private final EvaluationSessions sessions;
    private final TutorDesignations tutors;

    EvaluatorsApiController(EvaluationQueries queries, EvaluationSessions sessions, TutorDesignations tutors) {
        this.queries = queries;
        this.sessions = sessions;
        this.tutors = tutors;
    }

    record CohortRowView(String learnerId, String name, boolean active, List<Results.BlocResult> blocs) {}

    record SessionView(
            long id,
            String kind,
            LocalDate heldOn,
            String label,
            boolean current,
            String createdBy,
            Instant createdAt) {}

    record SessionRequest(String kind, String heldOn, String label) {}

    record CurrentSessionRequest(Long sessionId) {}

    record AssignmentView(
            String tutorId,
            String tutorName,
            String learnerId,
            String learnerName,
            String source,
            String assignedBy,
            Instant assignedAt) {}

    record DivergenceView(
            String blocCode,
            String competenceCode,
            String criterionCode,
            RoleJudgmentView evaluateur,
            RoleJudgmentView tuteur) {}

    record DivergencesView(String learnerId, Map<String, Integer> countByBloc, List<DivergenceView> divergences) {}

    record HistoryEntryView(
            long id,
            String criterionCode,
            String evaluatorRole,
            Long sessionId,
            String beforeStatus,
            String beforeModality,
            String beforeComment,
            String status,
            String modality,
            String comment,
            String evaluator,
            String evaluatorName,
            Instant changedAt) {}

    record HistoryView(List<HistoryEntryView> entries, Long nextBefore) {}

    @GetMapping("/cohort")
    @Operation(
            summary = "The learners with their bloc results (a tutor: their own learners); with ?session=ID, the"
                    + " learners judged in that session and the results of what was judged in it")
    List<CohortRowView> cohort(Actor actor, @RequestParam(required = false) Long session) {
        List<CohortRow> rows = queries.cohort(actor, session);
        return rows.stream()
                .map(r -> new CohortRowView(
                        r.learner().sub(),
                        r.learner().name(),
                        r.learner().active(),
                        r.results().blocs()))
                .toList();
    }

    @GetMapping("/sessions")
    @Operation(summary = "The course's evaluation sessions, the most recent first (evaluators and tutors)")
    List<SessionView> sessions(Actor actor) {
        return sessions.list(actor).stream().map(EvaluatorsApiController::view).toList();
    }

    @PostMapping("/sessions")
    @Operation(
            summary = "Opens an evaluation session (kind POSITIONNEMENT, EVALUATION_INTERMEDIAIRE or"
                    + " EVALUATION_FINALE; heldOn YYYY-MM-DD, default today; optional label), which becomes the"
                    + " current one (évaluateurs habilités only)")
    ResponseEntity<SessionView> open(Actor actor, @RequestBody SessionRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(view(sessions.open(actor, body.kind(), body.heldOn(), body.label())));
    }

    @PutMapping("/sessions/current")
    @Operation(summary = "Makes a session the current one, where judgments go (évaluateurs habilités only)")
    SessionView makeCurrent(Actor actor, @RequestBody CurrentSessionRequest body) {
        if (body.sessionId() == null) {
            throw new InvalidEvaluationInputException("sessionId", "sessionId is required");
        }
        return view(sessions.makeCurrent(actor, body.sessionId()));
    }

    @GetMapping("/tutors")
    @Operation(summary = "Every tutor assignment of the course (évaluateurs habilités only)")
    List<AssignmentView> assignments(Actor actor) {
        return tutors.list(actor).stream().map(EvaluatorsApiController::view).toList();
    }

    @PutMapping("/tutors/{tutorId}/learners/{learnerId}")
    @Operation(
            summary = "Designates a member of the course who does not evaluate as tuteur entreprise of a learner"
                    + " (évaluateurs habilités only); 201 when new, 200 when it existed")
    ResponseEntity<Void> assign(Actor actor, @PathVariable String tutorId, @PathVariable String learnerId) {
        boolean created = tutors.assign(actor, tutorId, learnerId);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .build();
    }

    @DeleteMapping("/tutors/{tutorId}/learners/{learnerId}")
    @Operation(summary = "Removes a tutor assignment (évaluateurs habilités only); 404 when there is none")
    ResponseEntity<Void> unassign(Actor actor, @PathVariable String tutorId, @PathVariable String learnerId) {
        return tutors.unassign(actor, tutorId, learnerId)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/learners/{learnerId}/divergences")
    @Operation(
            summary = "The criteria both evaluators judged with different statuses, per bloc (a tutor: their"
                    + " learners; a learner: their own)")
    DivergencesView divergences(Actor actor, @PathVariable String learnerId) {
        var grid = queries.grid(actor, learnerId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        grid.referentiel().blocs().forEach(b -> counts.put(b.code(), 0));
        List<Divergence> divergences = grid.divergences();
        divergences.forEach(d -> counts.merge(d.blocCode(), 1, Integer::sum));
        return new DivergencesView(
                grid.learner().sub(),
                counts,
                divergences.stream()
                        .map(d -> new DivergenceView(
                                d.blocCode(),
                                d.competenceCode(),
                                d.criterionCode(),
                                RoleJudgmentView.of(d.evaluateur()),
                                RoleJudgmentView.of(d.tuteur())))
                        .toList());
    }

    @GetMapping("/learners/{learnerId}/history")
    @Operation(
            summary = "Every change of the learner's judgments, the most recent first, 50 a page (before=the last"
                    + " id of the previous page); ?session=ID: one session's")
    HistoryView history(
            Actor actor,
            @PathVariable String learnerId,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long session) {
        HistoryPage page = queries.history(actor, learnerId, before, session);
        return new HistoryView(
                page.entries().stream().map(EvaluatorsApiController::view).toList(), page.nextBefore());
    }

    private static SessionView view(EvaluationSession s) {
        return new SessionView(
                s.id(), s.kind().name(), s.heldOn(), s.label(), s.current(), s.createdBySub(), s.createdAt());
    }

    private static AssignmentView view(TutorAssignments.Assignment a) {
        return new AssignmentView(
                a.tutorSub(),
                a.tutorName(),
                a.learnerSub(),
                a.learnerName(),
                a.source(),
                a.assignedBySub(),
                a.assignedAt());
    }

    private static HistoryEntryView view(AuditEntry e) {
        return new HistoryEntryView(
                e.id(),
                e.criterionCode(),
                e.evaluatorRole().name(),
                e.sessionId(),
                e.beforeStatus(),
                e.beforeModality(),
                e.beforeComment(),
                e.afterStatus(),
                e.afterModality(),
                e.afterComment(),
                e.evaluatorSub(),
                e.evaluatorName(),
                e.changedAt());
    }
}
