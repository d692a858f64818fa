package fr.cqpi.evaluation;

import static fr.cqpi.evaluation.WrittenHtml.escape;

import fr.cqpi.shared.DisplayDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.unbescape.uri.UriEscape;

/**
 * The rows of the cohort table, written straight to a string: the markup the {@code tr th:each} of cohort.html gives,
 * byte for byte, without its thirty expressions per learner (a cohort of 200 learners was 6,000 of them, most of the
 * page's CPU). The words come from the same messages, escaped as Thymeleaf escapes ({@code HtmlEscape.escapeHtml4Xml},
 * a learner's id in the link as a URI path, as {@code @{…}} escapes it); {@code CohortTableRowsTest} renders both ways, in both languages,
 * and fails on the first byte that differs: a change to the template's rows is made here too.
 */
@Component
class CohortTableRows {

    private final MessageSource messages;
    private final DisplayDates dates;

    /** Rows written here (false: through the template, to compare in tests). */
    boolean withoutTemplate = true;

    CohortTableRows(MessageSource messages, DisplayDates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    /** The tbody's content for these rows, or null when the template is to write them. */
    String render(List<CohortRow> rows, String contextPath, Locale locale) {
        if (!withoutTemplate) {
            return null;
        }
        String lastLabel = escape(message("export.col.lastEvaluation", locale));
        String neverJudged = escape(message("cohort.neverJudged", locale));
        String inactive = escape(message("cohort.inactive", locale));
        String learnerPath = escape(contextPath) + "/app/learners/";
        Words words = new Words(locale);
        StringBuilder out = new StringBuilder(rows.size() * 1200 + 16);
        for (CohortRow row : rows) {
            out.append("\n      <tr")
                    .append(row.learner().active() ? "" : " class=\"inactive\"")
                    .append(">\n        <th scope=\"row\">\n          <a href=\"")
                    .append(learnerPath)
                    .append(escape(UriEscape.escapeUriPath(row.learner().sub())))
                    .append("\">")
                    .append(escape(row.learner().displayName()))
                    .append("</a>\n          ");
            if (!row.learner().active()) {
                out.append("<span class=\"muted\">").append(inactive).append("</span>");
            }
            out.append("\n        </th>\n        <td class=\"last\" data-label=\"")
                    .append(lastLabel)
                    .append("\">")
                    .append(row.lastJudgedAt() != null ? escape(dates.format(row.lastJudgedAt())) : neverJudged)
                    .append("</td>\n        ");
            List<Results.BlocResult> blocs = row.results().blocs();
            for (int i = 0; i < blocs.size(); i++) {
                cell(out, blocs.get(i), words);
                out.append(i < blocs.size() - 1 ? "\n        " : "");
            }
            out.append("\n      </tr>");
        }
        return out.append("\n      ").toString();
    }

    private void cell(StringBuilder out, Results.BlocResult b, Words words) {
        out.append("<td data-label=\"")
                .append(escape(b.code()))
                .append("\">\n          <span class=\"badge s-")
                .append(b.state().name())
                .append("\">")
                .append(words.state(b.state()))
                .append("</span>\n          <span class=\"score\">")
                .append(words.percent(b.score()))
                .append("</span>\n          <progress max=\"100\" value=\"")
                .append(escape(b.score().toString()))
                .append("\" aria-label=\"")
                .append(words.progress(b.acquis(), b.total()))
                .append("\"></progress>\n        </td>");
    }

    /**
     * The cells' words, escaped, looked up once per page: 800 cells share a few states, percentages and counts (the
     * message look-ups were a tenth of the cohort page's CPU, then building a key per cell half of what was left).
     */
    private final class Words {

        private final Locale locale;
        private final Map<BlocState, String> states = new EnumMap<>(BlocState.class);
        private final Map<String, String> percents = new HashMap<>();
        private final Map<Long, String> progress = new HashMap<>();

        Words(Locale locale) {
            this.locale = locale;
        }

        String state(BlocState state) {
            return states.computeIfAbsent(state, s -> escape(message("bloc.state." + s, locale)));
        }

        // #numbers.formatDecimal(score, 1, 0): the locale's number with no decimals, rounded half-even; a score is
        // 0–100, so neither grouping nor the locale's digits show.
        String percent(BigDecimal score) {
            String percent = score.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
            return percents.computeIfAbsent(percent, p -> escape(message("punct.percent", locale, p)));
        }

        String progress(int acquis, int total) {
            return this.progress.computeIfAbsent(
                    ((long) acquis << 32) | (total & 0xffffffffL),
                    k -> escape(message("bloc.progress", locale, acquis, total)));
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
