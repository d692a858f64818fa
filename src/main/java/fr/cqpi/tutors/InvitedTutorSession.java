package fr.cqpi.tutors;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a session opened with a tutor's sign-in link keeps beside its {@link fr.cqpi.lti.LaunchContext}: the
 * invitation it stands on, checked at every request by {@link InvitedTutorGuard}.
 */
public record InvitedTutorSession(long invitationId, long userId, String sub) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ATTRIBUTE = InvitedTutorSession.class.getName();
}
