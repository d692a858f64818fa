package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.TutorAssignments;
import fr.cqpi.shared.RequestMemo;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which learner, always within the launch's platform and course: évaluateurs habilités see
 * and judge every learner of their course, a tuteur entreprise only the learners assigned to them, a learner sees
 * only themself.
 */
@Component
public class LearnerAccess {

    private final CourseMembers members;
    private final TutorAssignments tutors;

    LearnerAccess(CourseMembers members, TutorAssignments tutors) {
        this.members = members;
        this.tutors = tutors;
    }

    public CourseMember toRead(Actor launch, String learnerSub) {
        requireCourse(launch);
        if (launch.isLearner() && !launch.sub().equals(learnerSub)) {
            throw new AccessDeniedException("A learner sees only their own grid");
        }
        if (!launch.isEvaluator() && !launch.isLearner() && !launch.isTutor()) {
            throw new AccessDeniedException("This role sees no learner");
        }
        // Read once per page: a grid page written with its panels asks for each of them.
        CourseMember learner = RequestMemo.get(
                "learner:" + launch.courseId() + ":" + learnerSub,
                () -> members.learner(launch.courseId(), learnerSub)
                        .orElseThrow(() -> new LearnerNotFoundException(learnerSub)));
        requireFollowed(launch, learner);
        return learner;
    }

    public CourseMember toJudge(Actor launch, String learnerSub) {
        requireJudge(launch);
        CourseMember learner = members.learner(launch.courseId(), learnerSub)
                .orElseThrow(() -> new LearnerNotFoundException(learnerSub));
        requireFollowed(launch, learner);
        return learner;
    }

    /** An évaluateur habilité of the course: the cohort, the sync, the jury, tutor assignments, sessions. */
    public void requireEvaluator(Actor launch) {
        requireCourse(launch);
        if (!launch.isEvaluator()) {
            throw new AccessDeniedException("Only evaluators may do this");
        }
    }

    /** An évaluateur habilité or a tuteur entreprise of the course (the tutor then for their learners only). */
    public void requireJudge(Actor launch) {
        requireCourse(launch);
        if (!launch.isEvaluator() && !launch.isTutor()) {
            throw new AccessDeniedException("Only evaluators and tutors may do this");
        }
    }

    private void requireFollowed(Actor launch, CourseMember learner) {
        if (launch.isTutor() && !tutors.follows(launch.courseId(), launch.userId(), learner.userId())) {
            throw new AccessDeniedException("A tutor sees and judges only the learners assigned to them");
        }
    }

    private static void requireCourse(Actor launch) {
        if (!launch.hasCourse()) {
            throw new AccessDeniedException("The launch has no course context");
        }
    }
}
