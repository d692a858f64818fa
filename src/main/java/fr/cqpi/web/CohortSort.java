package fr.cqpi.web;

import fr.cqpi.evaluation.CohortRow;
import fr.cqpi.evaluation.Results;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Sorting and filtering of the cohort table: by name or by a bloc's score, with a text filter on names. */
public record CohortSort(String column, boolean descending, String filter) {

    static CohortSort of(String sort, String dir, String q) {
        String column = sort != null && sort.matches("name|B[1-9][0-9]*") ? sort : "name";
        return new CohortSort(column, "desc".equals(dir), q == null ? "" : q.strip());
    }

    List<CohortRow> apply(List<CohortRow> rows) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        Comparator<CohortRow> byName = Comparator.comparing(r -> r.learner().displayName(), collator);
        Comparator<CohortRow> order = column.equals("name")
                ? byName
                : Comparator.<CohortRow, BigDecimal>comparing(r -> r.results()
                                .bloc(column)
                                .map(Results.BlocResult::score)
                                .orElse(BigDecimal.ZERO))
                        .thenComparing(byName);
        String needle = normalise(filter);
        return rows.stream()
                .filter(r -> needle.isEmpty()
                        || normalise(r.learner().displayName()).contains(needle)
                        || (r.learner().email() != null
                                && normalise(r.learner().email()).contains(needle)))
                .sorted(descending ? order.reversed() : order)
                .toList();
    }

    /** The direction a click on a column header asks for. */
    public String nextDir(String forColumn) {
        return forColumn.equals(column) && !descending ? "desc" : "asc";
    }

    public String ariaSort(String forColumn) {
        if (!forColumn.equals(column)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    private static String normalise(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
