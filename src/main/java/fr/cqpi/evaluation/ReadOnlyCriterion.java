package fr.cqpi.evaluation;

import static fr.cqpi.evaluation.WrittenHtml.escape;

import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.DisplayDates;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A criterion of a read-only grid (the learner's own), written straight to a string: the markup Thymeleaf's
 * {@code criterion} fragment of grid-parts.html gives when it is not editable, byte for byte, without the fragment's
 * sixty expressions. A learner's grid is read by that learner alone, so a cache keyed on what it shows (as
 * {@link RenderedCriteria} keeps the trainers' ones) misses for every learner not seen before; this costs a few
 * microseconds per criterion instead of a Thymeleaf render. The words come from the same messages, escaped as
 * Thymeleaf escapes ({@code HtmlEscape.escapeHtml4Xml}); {@code ReadOnlyCriterionTest} renders both ways for every
 * case the fragment distinguishes, in both languages, and fails on the first byte that differs: a change to the
 * fragment's read-only branch is made here too.
 */
@Component
class ReadOnlyCriterion {

    private final MessageSource messages;
    private final DisplayDates dates;

    ReadOnlyCriterion(MessageSource messages, DisplayDates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    String render(LearnerGrid grid, Referentiel.Bloc bloc, Referentiel.Criterion k, Locale locale) {
        Judgment j = grid.mine(k.code());
        String domId = k.code().replace(".", "-");
        boolean divergent = grid.divergent(k.code());
        StringBuilder out = new StringBuilder(1200);
        out.append("<div class=\"criterion")
                .append(divergent ? " divergent" : "")
                .append("\" id=\"criterion-")
                .append(escape(domId))
                .append("\">\n  <div class=\"criterion-text\">\n    <span class=\"code\">")
                .append(escape(k.code()))
                .append("</span>\n    <p lang=\"fr\">")
                .append(escape(k.text()))
                .append("</p>\n  </div>\n  \n  \n  \n  \n  \n  <div class=\"judgment readonly\">\n")
                .append("    <p class=\"judgment-role\">")
                .append(escape(message("evaluator.role." + j.evaluatorRole(), locale)))
                .append("</p>\n    <span class=\"badge s-")
                .append(escape(String.valueOf(j.status())))
                .append("\">")
                .append(escape(message("status." + j.status(), locale)))
                .append("</span>\n    ");
        if (j.modality() != null) {
            out.append("<span class=\"muted\" lang=\"fr\">")
                    .append(escape(bloc.modalityLabel(j.modality())))
                    .append("</span>");
        }
        out.append("\n    ");
        if (j.comment() != null) {
            out.append("<p class=\"comment-text\">").append(escape(j.comment())).append("</p>");
        }
        out.append("\n  </div>\n  ");
        if (j.updatedAt() != null) {
            out.append("<p class=\"last-change muted\">");
            lastChange(out, grid, j, " class=\"session-of\"", locale);
            out.append("</p>");
        }
        out.append("\n  \n  ");
        if (grid.showsOther()) {
            Judgment o = grid.other(k.code());
            String role = escape(message("evaluator.role." + o.evaluatorRole(), locale));
            out.append("<div class=\"other-judgment\" role=\"group\" aria-labelledby=\"other-")
                    .append(escape(domId))
                    .append("\">\n    \n    <p class=\"judgment-role\" id=\"other-")
                    .append(escape(domId))
                    .append("\" title=\"")
                    .append(role)
                    .append("\"><span aria-hidden=\"true\">")
                    .append(escape(message("evaluator.short." + o.evaluatorRole(), locale)))
                    .append("</span><span class=\"visually-hidden\">")
                    .append(role)
                    .append("</span></p>\n    <span class=\"badge s-")
                    .append(escape(String.valueOf(o.status())))
                    .append("\">")
                    .append(escape(message("status." + o.status(), locale)))
                    .append("</span>\n    ");
            if (divergent) {
                out.append("<strong class=\"divergence-flag\">")
                        .append(escape(message("divergence.flag", locale)))
                        .append("</strong>");
            }
            out.append("\n    ");
            if (o.modality() != null) {
                out.append("<span class=\"muted\" lang=\"fr\">")
                        .append(escape(bloc.modalityLabel(o.modality())))
                        .append("</span>");
            }
            out.append("\n    ");
            if (o.comment() != null) {
                out.append("<p class=\"comment-text\">")
                        .append(escape(o.comment()))
                        .append("</p>");
            }
            out.append("\n    ");
            if (o.updatedAt() != null) {
                out.append("<p class=\"muted small\">");
                lastChange(out, grid, o, "", locale);
                out.append("</p>");
            }
            out.append("\n  </div>");
        }
        out.append("\n</div>");
        return out.toString();
    }

    /** « Modifié par X le … », then « · Évaluation intermédiaire du … » when the judgment's session is known. */
    private void lastChange(StringBuilder out, LearnerGrid grid, Judgment j, String sessionClass, Locale locale) {
        // SpEL's Elvis (the fragment's « ?: ») takes an empty name as none.
        String by = j.updatedByName() != null && !j.updatedByName().isEmpty() ? j.updatedByName() : j.updatedBySub();
        out.append("<span>")
                .append(escape(message("criterion.changed", locale, by, dates.format(j.updatedAt()))))
                .append("</span>");
        EvaluationSession s = grid.session(j.sessionId());
        if (s != null) {
            String kind = message("evalsession.kind." + s.kind(), locale);
            out.append(" · <span")
                    .append(sessionClass)
                    .append(">")
                    .append(escape(message("evalsession.label", locale, kind, dates.formatDate(s.heldOn()))))
                    .append("</span>");
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
