package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;
import fr.cqpi.referentiel.Referentiel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a learner's grid shows: the référentiel, each criterion's latest judgment by each evaluator role, the
 * divergences between them, the results (from the judgments the référentiel's rule counts), the course's
 * sessions by id, and the blocs a jury decided (locked: bloc code → the day the jury sat). {@code viewer}: the
 * evaluator role of whoever looks (null for the learner).
 */
public record LearnerGrid(
        CourseMember learner,
        Referentiel referentiel,
        Map<EvaluatorRole, Map<String, Judgment>> judgmentsByRole,
        Results results,
        EvaluatorRole viewer,
        Map<Long, EvaluationSession> sessions,
        Map<String, LocalDate> lockedBlocs) {

    /** The day the jury that locked this bloc sat (its judgments no longer change), or null when it is open. */
    public LocalDate lockedOn(String blocCode) {
        return lockedBlocs.get(blocCode);
    }

    /**
     * Whether the grid shows the other evaluator role's judgment beside one's own: always the évaluateur habilité's
     * to a tutor; the tutor's only when the learner has a tuteur entreprise (or one judged them before): a learner
     * nobody follows gets no « Tuteur entreprise : Non évalué » on every criterion, and no divergence list.
     */
    public boolean showsOther() {
        return otherRole() == EvaluatorRole.EVALUATEUR
                || learner.tutored()
                || !judgmentsByRole.getOrDefault(EvaluatorRole.TUTEUR, Map.of()).isEmpty();
    }

    /** The évaluateur habilité's judgment. */
    public Judgment judgment(String criterionCode) {
        return judgment(criterionCode, EvaluatorRole.EVALUATEUR);
    }

    public Judgment judgment(String criterionCode, EvaluatorRole role) {
        Judgment j = judgmentsByRole.getOrDefault(role, Map.of()).get(criterionCode);
        return j != null ? j : Judgment.notEvaluated(criterionCode, role);
    }

    /** The role whose judgment the viewer edits (or, for a learner, reads first): their own. */
    public EvaluatorRole mineRole() {
        return viewer != null ? viewer : EvaluatorRole.EVALUATEUR;
    }

    public EvaluatorRole otherRole() {
        return mineRole().other();
    }

    public Judgment mine(String criterionCode) {
        return judgment(criterionCode, mineRole());
    }

    public Judgment other(String criterionCode) {
        return judgment(criterionCode, otherRole());
    }

    /** Both evaluators judged the criterion, with different statuses. */
    public boolean divergent(String criterionCode) {
        return Divergences.divergent(
                judgment(criterionCode, EvaluatorRole.EVALUATEUR), judgment(criterionCode, EvaluatorRole.TUTEUR));
    }

    public List<Divergence> divergences() {
        return Divergences.of(referentiel, judgmentsByRole);
    }

    public List<Divergence> divergences(String blocCode) {
        return divergences().stream().filter(d -> d.blocCode().equals(blocCode)).toList();
    }

    /** The session a judgment was made in (null if unknown). */
    public EvaluationSession session(Long id) {
        return id == null ? null : sessions.get(id);
    }
}
