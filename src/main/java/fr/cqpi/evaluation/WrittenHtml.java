package fr.cqpi.evaluation;

import org.unbescape.html.HtmlEscape;

/**
 * What the pages written without their template ({@link ReadOnlyCriterion}, {@link ReadOnlyGridPanels},
 * {@link CohortTableRows}) share with Thymeleaf: its escaping of {@code th:text} and attribute values, so that their
 * markup stays byte for byte the template's.
 */
final class WrittenHtml {

    private WrittenHtml() {}

    /** {@code th:text}'s escaping; null writes nothing, as Thymeleaf writes a null expression. */
    static String escape(String text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
    }
}
