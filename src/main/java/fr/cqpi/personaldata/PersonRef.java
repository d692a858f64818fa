package fr.cqpi.personaldata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A person of a platform, as an archive or an erasure names them: their {@code lti_user} id, the platform's id, their
 * LTI {@code sub} (the {@code *_sub} columns of every module hold it without the platform: match them within
 * {@code platformCourseIds}), their e-mail address as the tool knew it before the erasure (null when unknown: the
 * modules that hold addresses, not users, match it case-insensitively), and, for an erasure, the pseudonym that
 * replaces them where a row must stay.
 */
public record PersonRef(
        long userId, long platformId, String sub, String email, List<Long> platformCourseIds, String pseudonym) {

    public PersonRef {
        platformCourseIds = List.copyOf(platformCourseIds);
    }

    /** The platform's course ids for {@code course_id = any(string_to_array(:courses, ',')::bigint[])}. */
    public String courses() {
        return platformCourseIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The SQL condition "this column is one of the platform's courses", bound to {@link #courses()}. */
    public static String inCourses(String courseColumn) {
        return courseColumn + " = any(string_to_array(:courses, ',')::bigint[])";
    }
}
