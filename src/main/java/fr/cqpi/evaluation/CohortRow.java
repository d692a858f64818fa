package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;
import java.time.Instant;

/** One learner of the cohort with their results per bloc and when they were last judged (null: never). */
public record CohortRow(CourseMember learner, Results results, Instant lastJudgedAt) {}
