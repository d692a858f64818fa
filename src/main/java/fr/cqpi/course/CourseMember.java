package fr.cqpi.course;

import java.time.Instant;

/**
 * A person known in a course, from a launch or the roster. {@code sortName} is how a class list sorts them:
 * family name then given name when the platform sent them, else the full name ({@link FamilyNameOrder}).
 * {@code tutored}: a tuteur entreprise follows them in the course (from the platform or designated by a trainer).
 */
public record CourseMember(
        long userId,
        String sub,
        String name,
        String email,
        ToolRole role,
        boolean active,
        Instant lastLaunchAt,
        String sortName,
        boolean tutored) {

    public String sortKey() {
        return sortName != null && !sortName.isBlank() ? sortName : displayName();
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : sub;
    }

    public LearnerRef ref() {
        return new LearnerRef(userId, sub);
    }
}
