package fr.cqpi.evaluation;

public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(long id) {
        super("No evaluation session " + id + " in this course");
    }
}
