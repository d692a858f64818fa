package fr.cqpi.evaluation;

import java.util.List;

/**
 * One page of a learner's judgment history, the most recent first, and the audit id to continue after
 * ({@code null} on the last page). Keyset paging: a page stays right while new changes arrive.
 */
public record HistoryPage(List<AuditEntry> entries, Long nextBefore) {

    public static final int SIZE = 50;
}
