package fr.cqpi.course;

/**
 * Who acts, where, and with which role: a person of a platform, in one of its courses (or none, for a launch
 * without course context). Everything a person does is authorised against this.
 */
public record Actor(long platformId, Long courseId, long userId, String sub, String displayName, ToolRole role) {

    public boolean hasCourse() {
        return courseId != null;
    }

    public boolean isEvaluator() {
        return role == ToolRole.EVALUATOR;
    }

    /** A tuteur entreprise: sees and judges only the learners assigned to them. */
    public boolean isTutor() {
        return role == ToolRole.TUTOR;
    }

    public boolean isLearner() {
        return role == ToolRole.LEARNER;
    }
}
