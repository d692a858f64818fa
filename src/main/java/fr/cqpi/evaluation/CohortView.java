package fr.cqpi.evaluation;

import java.util.List;

/** The cohort page's content: its rows, and the evaluators its filter offers (none for a tutor or a learner). */
public record CohortView(List<CohortRow> rows, List<CohortEvaluator> evaluators) {}
