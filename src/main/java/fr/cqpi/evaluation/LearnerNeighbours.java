package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;
import fr.cqpi.course.FamilyNameOrder;
import java.util.List;

/** The learners before and after one in the cohort's default order (family name), for « next / previous ». */
record LearnerNeighbours(CourseMember previous, CourseMember next) {

    static LearnerNeighbours of(List<CourseMember> learners, String sub) {
        List<CourseMember> ordered = learners.stream()
                .filter(CourseMember::active)
                .sorted(FamilyNameOrder.members())
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).sub().equals(sub)) {
                return new LearnerNeighbours(
                        i > 0 ? ordered.get(i - 1) : null, i + 1 < ordered.size() ? ordered.get(i + 1) : null);
            }
        }
        return new LearnerNeighbours(null, null);
    }
}
