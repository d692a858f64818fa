package fr.cqpi.personaldata;

import java.util.Collection;
import java.util.stream.Collectors;

/** One learner's training in one course: what the retention periods count from the end of. */
public record Training(long courseId, long learnerId) {

    /**
     * The SQL condition "the row's course and learner are one of these trainings", for the columns named; bind
     * {@code :courses} and {@code :learners} to {@link #courses} and {@link #learners}.
     */
    public static String in(String courseColumn, String learnerColumn) {
        return "(" + courseColumn + ", " + learnerColumn + ") in (select * from unnest("
                + "string_to_array(:courses, ',')::bigint[], string_to_array(:learners, ',')::bigint[]))";
    }

    public static String courses(Collection<Training> trainings) {
        return trainings.stream().map(t -> String.valueOf(t.courseId())).collect(Collectors.joining(","));
    }

    public static String learners(Collection<Training> trainings) {
        return trainings.stream().map(t -> String.valueOf(t.learnerId())).collect(Collectors.joining(","));
    }
}
