package fr.cqpi.evaluation;

/** No learner with this id in the launch's course (whatever exists elsewhere). */
public class LearnerNotFoundException extends RuntimeException {

    public LearnerNotFoundException(String sub) {
        super("No learner " + sub + " in this course");
    }
}
