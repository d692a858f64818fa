package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;
import fr.cqpi.referentiel.Referentiel;
import java.util.Map;

/** Everything a learner's grid shows: the référentiel, each criterion's judgment, and the results. */
public record LearnerGrid(
        CourseMember learner, Referentiel referentiel, Map<String, Judgment> judgments, Results results) {

    public Judgment judgment(String criterionCode) {
        return judgments.getOrDefault(criterionCode, Judgment.notEvaluated(criterionCode));
    }
}
