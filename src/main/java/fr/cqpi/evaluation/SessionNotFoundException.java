package fr.cqpi.evaluation;

import fr.cqpi.shared.NotFoundException;

public class SessionNotFoundException extends NotFoundException {

    public SessionNotFoundException(long id) {
        super("No evaluation session " + id + " in this course");
    }
}
