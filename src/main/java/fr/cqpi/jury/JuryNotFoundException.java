package fr.cqpi.jury;

/** No such jury session or recours in the launch's course. */
public class JuryNotFoundException extends RuntimeException {

    public JuryNotFoundException(String message) {
        super(message);
    }
}
