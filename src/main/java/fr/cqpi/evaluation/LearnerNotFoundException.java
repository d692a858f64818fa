package fr.cqpi.evaluation;

import fr.cqpi.shared.NotFoundException;

/** No learner with this id in the launch's course (whatever exists elsewhere). */
public class LearnerNotFoundException extends NotFoundException {

    public LearnerNotFoundException(String sub) {
        super("No learner " + sub + " in this course");
    }
}
