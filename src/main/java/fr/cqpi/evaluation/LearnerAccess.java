package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which learner, always within the launch's platform and course:
 * evaluators see and judge every learner of their course, a learner sees only themself.
 */
@Component
public class LearnerAccess {

    private final CourseMembers members;

    LearnerAccess(CourseMembers members) {
        this.members = members;
    }

    public CourseMember toRead(Actor launch, String learnerSub) {
        requireCourse(launch);
        if (launch.isLearner() && !launch.sub().equals(learnerSub)) {
            throw new AccessDeniedException("A learner sees only their own grid");
        }
        if (!launch.isEvaluator() && !launch.isLearner()) {
            throw new AccessDeniedException("This role sees no learner");
        }
        return members.learner(launch.courseId(), learnerSub)
                .orElseThrow(() -> new LearnerNotFoundException(learnerSub));
    }

    public CourseMember toJudge(Actor launch, String learnerSub) {
        requireEvaluator(launch);
        return members.learner(launch.courseId(), learnerSub)
                .orElseThrow(() -> new LearnerNotFoundException(learnerSub));
    }

    public void requireEvaluator(Actor launch) {
        requireCourse(launch);
        if (!launch.isEvaluator()) {
            throw new AccessDeniedException("Only evaluators may do this");
        }
    }

    private static void requireCourse(Actor launch) {
        if (!launch.hasCourse()) {
            throw new AccessDeniedException("The launch has no course context");
        }
    }
}
