package fr.cqpi.evaluation;

import fr.cqpi.course.FamilyNameOrder;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Sorting and filtering of the cohort table: by family name ({@link FamilyNameOrder}), by last evaluation or by a bloc's score; filtered on
 * names and e-mails, and on a bloc state (in one bloc or in any). Unknown values fall back to no filter.
 */
public record CohortSort(String column, boolean descending, String filter, String bloc, String state) {

    static CohortSort of(String sort, String dir, String q) {
        return of(sort, dir, q, null, null);
    }

    static CohortSort of(String sort, String dir, String q, String bloc, String state) {
        String column = sort != null && sort.matches("name|last|B[1-9][0-9]*") ? sort : "name";
        return new CohortSort(
                column,
                "desc".equals(dir),
                q == null ? "" : q.strip(),
                bloc != null && bloc.matches("B[1-9][0-9]*") ? bloc : "",
                state != null
                                && Arrays.stream(BlocState.values())
                                        .anyMatch(s -> s.name().equals(state))
                        ? state
                        : "");
    }

    List<CohortRow> apply(List<CohortRow> rows) {
        Comparator<CohortRow> byName = FamilyNameOrder.by(CohortRow::learner);
        Comparator<CohortRow> order = switch (column) {
            case "name" -> byName;
            case "last" ->
                Comparator.comparing(CohortRow::lastJudgedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparing(byName);
            default ->
                Comparator.<CohortRow, BigDecimal>comparing(r -> r.results()
                                .bloc(column)
                                .map(Results.BlocResult::score)
                                .orElse(BigDecimal.ZERO))
                        .thenComparing(byName);
        };
        String needle = normalise(filter);
        Predicate<CohortRow> named = r -> needle.isEmpty()
                || normalise(r.learner().displayName()).contains(needle)
                || (r.learner().email() != null
                        && normalise(r.learner().email()).contains(needle));
        Predicate<CohortRow> inState = r -> state.isEmpty()
                || r.results().blocs().stream()
                        .filter(b -> bloc.isEmpty() || b.code().equals(bloc))
                        .anyMatch(b -> b.state().name().equals(state));
        return rows.stream()
                .filter(named.and(inState))
                .sorted(descending ? order.reversed() : order)
                .toList();
    }

    /** Whether any filter is set (the roster wait only runs on the unfiltered cohort). */
    public boolean filtered() {
        return !filter.isEmpty() || !state.isEmpty();
    }

    /** The direction a click on a column header asks for. */
    public String nextDir(String forColumn) {
        return forColumn.equals(column) && !descending ? "desc" : "asc";
    }

    public String dir() {
        return descending ? "desc" : "asc";
    }

    public String ariaSort(String forColumn) {
        if (!forColumn.equals(column)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
