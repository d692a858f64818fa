package fr.cqpi.tutors;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation of a tuteur entreprise, by e-mail address, to judge given learners of a course. {@code tutorUserId}
 * is the person the tool made for them; {@code confirmedUserId}, once an evaluator confirmed it, the LMS Mentor they
 * are, who they then sign in as.
 */
public record TutorInvitation(
        long id,
        UUID publicId,
        long courseId,
        String email,
        String tutorName,
        String locale,
        long tutorUserId,
        String invitedBySub,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Long confirmedUserId,
        Instant confirmedAt,
        Status status) {

    /** Whether the invitation lets its tutor sign in now. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** The name the evaluator gave, else the address. */
    public String displayName() {
        return tutorName != null && !tutorName.isBlank() ? tutorName : email;
    }

    /** Who the tutor is in the course: the confirmed Mentor, else the person made for the invitation. */
    public long effectiveUserId() {
        return confirmedUserId != null ? confirmedUserId : tutorUserId;
    }
}
