package fr.cqpi.jury;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A decision that is well formed but cannot be recorded yet: the jury session has not been held. The API answers
 * 409 with the reason as its title (the status says it: an invalid input is otherwise a 400); nothing is stored. An
 * invalid jury input still, so that the pages catch both alike and redraw the form.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class JuryRefusedException extends InvalidJuryInputException {

    public JuryRefusedException(String field, String reason, String message, Object... args) {
        super(field, reason, message, args);
    }
}
