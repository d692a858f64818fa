package fr.cqpi.jury;

import fr.cqpi.shared.NotFoundException;

/** No such jury session or recours in the launch's course. */
public class JuryNotFoundException extends NotFoundException {

    public JuryNotFoundException(String message) {
        super(message);
    }
}
