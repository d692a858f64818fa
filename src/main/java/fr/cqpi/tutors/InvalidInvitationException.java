package fr.cqpi.tutors;

/** An invitation that cannot be made as asked (no valid address, no learner): nothing is stored. */
public class InvalidInvitationException extends RuntimeException {

    private final String field;

    InvalidInvitationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input at fault: {@code email}, {@code learnerIds}, {@code mentorId}. */
    public String field() {
        return field;
    }
}
