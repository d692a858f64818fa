package fr.cqpi.evaluation;

import fr.cqpi.course.CourseMember;

/** One learner of the cohort with their results per bloc. */
public record CohortRow(CourseMember learner, Results results) {}
