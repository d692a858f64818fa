package fr.cqpi.tutors;

import fr.cqpi.shared.InvalidInputException;

/** An invitation that cannot be made as asked (no valid address, no learner). Nothing is stored. */
public class InvalidInvitationException extends InvalidInputException {

    InvalidInvitationException(String field, String message) {
        super(field, message);
    }
}
