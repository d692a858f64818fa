package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.ToolRole;
import fr.cqpi.course.TutorAssignments;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The évaluateurs habilités' side of tutor assignments: who follows whom in their course, and designating a member
 * of the course as tuteur entreprise of a learner (or no longer). Everything here is the évaluateurs' only.
 */
@Service
public class TutorDesignations {

    private final TutorAssignments assignments;
    private final CourseMembers members;
    private final LearnerAccess access;

    TutorDesignations(TutorAssignments assignments, CourseMembers members, LearnerAccess access) {
        this.assignments = assignments;
        this.members = members;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<TutorAssignments.Assignment> list(Actor actor) {
        access.requireEvaluator(actor);
        return assignments.inCourse(actor.courseId());
    }

    /**
     * Who may be made a tutor: the course's members who neither evaluate nor learn (a learner made a tutor by a
     * slip would leave the cohort).
     */
    @Transactional(readOnly = true)
    public List<CourseMember> candidates(Actor actor) {
        access.requireEvaluator(actor);
        return members.tutorCandidates(actor.courseId());
    }

    /** @return false when the assignment existed already */
    @Transactional
    public boolean assign(Actor actor, String tutorSub, String learnerSub) {
        access.requireEvaluator(actor);
        CourseMember tutor = tutor(actor, tutorSub);
        if (tutor.role() == ToolRole.EVALUATOR) {
            throw new InvalidEvaluationInputException(
                    "tutorId", "this member evaluates (évaluateur habilité): a tutor is a member who does not");
        }
        if (tutor.role() == ToolRole.LEARNER) {
            throw new InvalidEvaluationInputException(
                    "tutorId",
                    "this member is a learner of the course: a learner is not made a tutor (they would leave the"
                            + " cohort); a tutor has another role in the course (Mentor, for instance)");
        }
        CourseMember learner = members.learner(actor.courseId(), learnerSub)
                .orElseThrow(() -> new LearnerNotFoundException(learnerSub));
        if (tutor.userId() == learner.userId()) {
            throw new InvalidEvaluationInputException("tutorId", "a learner cannot be their own tutor");
        }
        return assignments.assign(actor.courseId(), tutor, learner, actor.sub());
    }

    /** @return false when there was no such assignment */
    @Transactional
    public boolean unassign(Actor actor, String tutorSub, String learnerSub) {
        access.requireEvaluator(actor);
        CourseMember tutor = tutor(actor, tutorSub);
        CourseMember learner = members.member(actor.courseId(), learnerSub)
                .orElseThrow(() -> new LearnerNotFoundException(learnerSub));
        return assignments.unassign(actor.courseId(), tutor.userId(), learner.userId());
    }

    private CourseMember tutor(Actor actor, String tutorSub) {
        return members.member(actor.courseId(), tutorSub).orElseThrow(() -> new LearnerNotFoundException(tutorSub));
    }
}
