package fr.cqpi.course;

import java.time.Instant;

/** A person known in a course, from a launch or the roster. */
public record CourseMember(
        long userId, String sub, String name, String email, ToolRole role, boolean active, Instant lastLaunchAt) {

    public String displayName() {
        return name != null && !name.isBlank() ? name : sub;
    }

    public LearnerRef ref() {
        return new LearnerRef(userId, sub);
    }
}
