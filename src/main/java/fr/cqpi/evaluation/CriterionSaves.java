package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * A criterion saved from a page form (the grid's or the group judging's): the model says how it went — « saved »,
 * or refused (409 conflict, 400 invalid) with what was typed, so the form shows it again. On a bloc the jury decided
 * (409) the form goes back to the stored judgment, which is what stands: a control showing the refused status would
 * show a judgment that is not stored; a comment typed is handed back to copy ({@code refusedComment}).
 */
final class CriterionSaves {

    private CriterionSaves() {}

    /** The typed judgment when it was not saved and may be saved again, null when it was saved or cannot be. */
    static TypedJudgment record(
            JudgmentService judgments,
            Actor actor,
            String learnerSub,
            String code,
            TypedJudgment typed,
            String requestId,
            HttpServletResponse response,
            Model model) {
        try {
            var saved = judgments.record(
                    actor,
                    learnerSub,
                    code,
                    new JudgmentInput(typed.status(), typed.modality(), typed.comment(), typed.version()),
                    requestId);
            model.addAttribute("outcome", "saved");
            model.addAttribute("saved", saved);
            return null;
        } catch (BlocLockedException locked) {
            response.setStatus(409);
            model.addAttribute("outcome", "invalid");
            model.addAttribute("invalidField", "locked");
            model.addAttribute("refusedComment", typed.comment());
            return null;
        } catch (JudgmentConflictException conflict) {
            response.setStatus(409);
            model.addAttribute("outcome", "conflict");
            model.addAttribute("conflict", conflict.current());
        } catch (InvalidJudgmentException invalid) {
            response.setStatus(400);
            model.addAttribute("outcome", "invalid");
            model.addAttribute("invalidField", invalid.field());
        }
        return typed;
    }
}
