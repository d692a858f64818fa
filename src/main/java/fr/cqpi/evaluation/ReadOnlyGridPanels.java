package fr.cqpi.evaluation;

import static fr.cqpi.evaluation.WrittenHtml.escape;

import fr.cqpi.referentiel.Referentiel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.unbescape.uri.UriEscape;

/**
 * The bloc tabs and panels of a read-only grid (the learner's own), written straight to a string: the markup grid.html
 * and its fragments ({@code tab-state}, {@code bloc-summary}, {@code divergences}, {@code competence}) give when the
 * grid is not editable, byte for byte, without their four hundred expressions — three quarters of a learner's grid
 * page's CPU once its criteria were written by {@link ReadOnlyCriterion}. The words come from the same messages,
 * escaped as Thymeleaf escapes; {@code ReadOnlyCriterionTest} renders the learner's page both ways, in both languages,
 * and fails on the first byte that differs: a change to those parts of the templates is made here too.
 */
@Component
class ReadOnlyGridPanels {

    private final MessageSource messages;

    /** Panels written here (false: through the template, to compare in tests). */
    boolean withoutTemplate = true;

    ReadOnlyGridPanels(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The tabs and the bloc panels, or null when the template is to write them; {@code openEvidence} is the open bloc's
     * evidence panel, or null to load it.
     */
    String render(
            LearnerGrid grid,
            Map<String, String> criteria,
            String selectedBloc,
            String openEvidence,
            String contextPath,
            Locale locale) {
        if (!withoutTemplate) {
            return null;
        }
        List<Referentiel.Bloc> blocs = grid.referentiel().blocs();
        StringBuilder out = new StringBuilder(80_000);
        out.append("<div class=\"tabs\" role=\"tablist\" aria-label=\"")
                .append(word("grid.blocs", locale))
                .append("\">\n    ");
        for (Referentiel.Bloc b : blocs) {
            String code = escape(b.code());
            boolean selected = b.code().equals(selectedBloc);
            out.append("<button type=\"button\" role=\"tab\" class=\"tab\"\n            id=\"tab-")
                    .append(code)
                    .append("\" aria-controls=\"panel-")
                    .append(code)
                    .append("\" aria-selected=\"")
                    .append(selected)
                    .append("\" tabindex=\"")
                    .append(selected ? "0" : "-1")
                    .append("\">\n      <span>")
                    .append(code)
                    .append("</span>\n      <span class=\"badge s-");
            Results.BlocResult result = grid.results().bloc(b.code()).orElseThrow();
            out.append(result.state().name())
                    .append("\" id=\"tab-state-")
                    .append(code)
                    .append("\">")
                    .append(word("bloc.state." + result.state(), locale))
                    .append("</span>\n    </button>");
        }
        out.append("\n  </div>");
        String learnerPath = escape(contextPath) + "/app/learners/"
                + escape(UriEscape.escapeUriPath(grid.learner().sub()));
        for (Referentiel.Bloc b : blocs) {
            out.append("\n\n  ");
            boolean open = b.code().equals(selectedBloc);
            panel(out, grid, b, criteria, !open, open ? openEvidence : null, learnerPath, locale);
        }
        return out.toString();
    }

    private void panel(
            StringBuilder out,
            LearnerGrid grid,
            Referentiel.Bloc b,
            Map<String, String> criteria,
            boolean hidden,
            String evidence,
            String learnerPath,
            Locale locale) {
        String code = escape(b.code());
        out.append("<section role=\"tabpanel\" class=\"bloc-panel\" id=\"panel-")
                .append(code)
                .append("\"\n           aria-labelledby=\"tab-")
                .append(code)
                .append('"')
                .append(hidden ? " hidden=\"hidden\"" : "")
                .append(">\n    <h2><span>")
                .append(code)
                .append("</span> — <span lang=\"fr\">")
                .append(escape(b.title()))
                .append("</span></h2>\n    ");
        summary(out, b, grid.results().bloc(b.code()).orElseThrow(), locale);
        out.append("\n    \n    ");
        divergences(out, b, grid.divergences(b.code()), grid.showsOther(), locale);
        out.append("\n    <details class=\"card modalities\">\n      <summary><strong>")
                .append(word("grid.modalities", locale))
                .append(word("punct.colon", locale))
                .append("</strong>\n        ");
        List<Referentiel.Modality> modalities = b.modalities();
        for (int i = 0; i < modalities.size(); i++) {
            out.append("<span lang=\"fr\">")
                    .append(escape(modalities.get(i).label() + (i == modalities.size() - 1 ? "" : " · ")))
                    .append("</span>");
        }
        out.append("</summary>\n      <ul>\n        ");
        for (int i = 0; i < modalities.size(); i++) {
            Referentiel.Modality m = modalities.get(i);
            out.append(i == 0 ? "" : "\n        ")
                    .append("<li lang=\"fr\"><strong>")
                    .append(escape(m.label()))
                    .append("</strong>\n          ");
            if (!m.topics().isEmpty()) {
                out.append("<ul>");
                m.topics().forEach(t -> out.append("<li>").append(escape(t)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</li>");
        }
        out.append("\n      </ul>\n    </details>\n    ");
        for (Referentiel.Competence c : b.competences()) {
            competence(out, grid, c, criteria, locale);
        }
        // The open bloc's evidence comes written in the page, the others' load when their tab is shown (app.js).
        if (evidence != null) {
            out.append("\n    ").append(evidence).append("\n  </section>");
            return;
        }
        out.append("\n    <section class=\"no-print\" hx-trigger=\"")
                .append(hidden ? "cqpi-shown" : "load")
                .append("\" hx-swap=\"outerHTML\" hx-get=\"")
                .append(learnerPath)
                .append("/evidence/")
                .append(escape(UriEscape.escapeUriPath(b.code())))
                .append("\"></section>\n  </section>");
    }

    private void summary(StringBuilder out, Referentiel.Bloc b, Results.BlocResult r, Locale locale) {
        out.append("<div class=\"card bloc-summary\" id=\"bloc-summary-")
                .append(escape(b.code()))
                .append("\">\n  <span class=\"badge s-")
                .append(r.state().name())
                .append("\">")
                .append(word("bloc.state." + r.state(), locale))
                .append("</span>\n  <dl class=\"bloc-outcome\">\n    <div><dt>")
                .append(word("bloc.evaluation", locale))
                .append("</dt>\n      <dd class=\"s-")
                .append(r.evaluationState().name())
                .append("\">")
                .append(word("bloc.evaluation." + r.evaluationState(), locale))
                .append("</dd></div>\n    <div><dt>")
                .append(word("bloc.proposition", locale))
                .append("</dt>\n      ");
        outcome(out, r.proposition() == null ? null : r.proposition().name(), "bloc.proposition", locale);
        out.append("</div>\n    <div><dt>")
                .append(word("bloc.decision", locale))
                .append("</dt>\n      ");
        outcome(out, r.decision() == null ? null : r.decision().name(), "bloc.decision", locale);
        out.append("</div>\n  </dl>\n  <strong class=\"score\">")
                .append(word("bloc.score", locale, decimal(r.score(), locale)))
                .append("</strong>\n  <span class=\"muted\">")
                .append(word("bloc.counts", locale, r.acquis(), r.evaluated(), r.total()))
                .append("</span>\n  <progress max=\"100\" value=\"")
                .append(escape(String.valueOf(r.score())))
                .append("\" aria-label=\"")
                .append(word("bloc.progress", locale, r.acquis(), r.total()))
                .append("\"></progress>\n</div>");
    }

    /** A {@code dd} of the proposition or decision when there is one, else the "none" one after the same space. */
    private void outcome(StringBuilder out, String value, String key, Locale locale) {
        if (value != null) {
            out.append("<dd class=\"s-")
                    .append(value)
                    .append("\">")
                    .append(word(key + "." + value, locale))
                    .append("</dd>\n      ");
        } else {
            out.append("\n      <dd class=\"muted\">")
                    .append(word(key + ".none", locale))
                    .append("</dd>");
        }
    }

    private void divergences(
            StringBuilder out, Referentiel.Bloc b, List<Divergence> list, boolean showsOther, Locale locale) {
        out.append("<div class=\"card divergences\" id=\"divergences-")
                .append(escape(b.code()))
                .append('"')
                .append(showsOther ? "" : " hidden=\"hidden\"")
                .append(">\n  <h3>")
                .append(word("divergence.title", locale, list.size()))
                .append("</h3>\n  ");
        if (list.isEmpty()) {
            out.append("<p class=\"muted\">")
                    .append(word("divergence.none", locale))
                    .append("</p>\n  ");
        } else {
            out.append("\n  <ul>");
            for (Divergence d : list) {
                out.append("\n    <li><a href=\"#criterion-")
                        .append(escape(d.criterionCode().replace(".", "-")))
                        .append("\">")
                        .append(escape(d.criterionCode()))
                        .append("</a>")
                        .append(word("punct.colon", locale))
                        .append("\n      <span>")
                        .append(word(
                                "divergence.item",
                                locale,
                                message("status." + d.evaluateur().status(), locale),
                                message("status." + d.tuteur().status(), locale)))
                        .append("</span></li>");
            }
            out.append("\n  </ul>");
        }
        out.append("\n</div>");
    }

    private void competence(
            StringBuilder out,
            LearnerGrid grid,
            Referentiel.Competence c,
            Map<String, String> criteria,
            Locale locale) {
        Results.CompetenceResult cr = grid.results().competence(c.code()).orElseThrow();
        String code = escape(c.code());
        out.append("<section class=\"competence\" id=\"competence-")
                .append(code)
                .append("\">\n  <h3>\n    <span>")
                .append(escape(c.code() + " — "))
                .append("<span lang=\"fr\">")
                .append(escape(c.title()))
                .append("</span></span>\n    <span class=\"badge s-")
                .append(cr.state().name())
                .append("\" id=\"competence-state-")
                .append(code)
                .append("\">")
                .append(escape(
                        message("competence.state." + cr.state(), locale) + " · " + cr.acquis() + "/" + cr.total()))
                .append("</span>\n  </h3>\n  \n  \n  \n  <div class=\"criteria\">\n    \n    ");
        c.criteria().forEach(k -> out.append(criteria.get(k.code())));
        out.append("\n  </div>\n</section>");
    }

    /** {@code #numbers.formatDecimal(n, 1, 2)}: two decimals rounded half-even, the locale's decimal separator. */
    private static String decimal(BigDecimal n, Locale locale) {
        String plain = n.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return plain.replace('.', DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }

    private String word(String key, Locale locale, Object... args) {
        return escape(message(key, locale, args));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
