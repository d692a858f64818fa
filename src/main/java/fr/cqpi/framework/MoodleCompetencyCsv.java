package fr.cqpi.framework;

import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.referentiel.Referentiel.Criterion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A référentiel version as a Moodle competency framework, in the CSV that Moodle's « Import competency framework »
 * ({@code tool_lpimportcsv}) reads: its fourteen columns in their order, a first row for the framework (its scale
 * « Non acquis, En cours, Acquis », Acquis the default and proficient value), then a row per bloc, compétence and
 * criterion, each naming its parent's id number. Comma-separated, UTF-8.
 */
final class MoodleCompetencyCsv {

    /** The columns, as Moodle's own export names them (tool_lpimportcsv's English strings). */
    static final List<String> HEADERS = List.of(
            "Parent id number",
            "Id number",
            "Shortname",
            "Description",
            "Description format",
            "Scale values",
            "Scale configuration",
            "Rule type (optional)",
            "Rule outcome (optional)",
            "Rule config (optional)",
            "Cross referenced competency id numbers",
            "Exported id (optional)",
            "Is framework",
            "Taxonomy");

    static final String SCALE = "Non acquis,En cours,Acquis";
    /** Moodle replaces scaleid with the scale it finds or creates; item 3 (Acquis) is the default and proficient. */
    static final String SCALE_CONFIGURATION = "[{\"scaleid\":\"0\"},{\"id\":3,\"scaledefault\":1,\"proficient\":1}]";
    /** Moodle's taxonomy per level: blocs are domains, compétences competencies, criteria indicators. */
    static final String TAXONOMY = "domain,competency,indicator";

    private static final String FORMAT_HTML = "1";
    private static final int SHORTNAME_MAX = 100;

    private MoodleCompetencyCsv() {}

    /** Moodle's framework id number: one per version, so that a new version imports beside the earlier one. */
    static String frameworkIdNumber(String code, int version) {
        return code + "-v" + version;
    }

    static void write(Referentiel referentiel, int version, Writer out) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(HEADERS.toArray(String[]::new))
                .setRecordSeparator("\n")
                .get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printRecord(
                    "",
                    frameworkIdNumber(referentiel.code(), version),
                    shortname(referentiel.title() + " (version " + version + ")"),
                    html(referentiel.description() == null ? List.of() : referentiel.description()),
                    FORMAT_HTML,
                    SCALE,
                    SCALE_CONFIGURATION,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "1",
                    TAXONOMY);
            for (Bloc bloc : referentiel.blocs()) {
                competency(csv, "", bloc.code(), bloc.title());
                for (Competence competence : bloc.competences()) {
                    competency(csv, bloc.code(), competence.code(), competence.title());
                    for (Criterion criterion : competence.criteria()) {
                        competency(csv, competence.code(), criterion.code(), criterion.text());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void competency(CSVPrinter csv, String parent, String code, String text) throws IOException {
        csv.printRecord(
                parent,
                code,
                shortname(code + " " + text),
                html(List.of(text)),
                FORMAT_HTML,
                "",
                "",
                "",
                "0",
                "null",
                "",
                "",
                "",
                "");
    }

    /** Moodle keeps 100 characters of a short name; a longer one is cut here at a word, with an ellipsis. */
    static String shortname(String text) {
        if (text.length() <= SHORTNAME_MAX) {
            return text;
        }
        String cut = text.substring(0, SHORTNAME_MAX - 1);
        int space = cut.lastIndexOf(' ');
        return (space > SHORTNAME_MAX / 2 ? cut.substring(0, space) : cut) + "…";
    }

    private static String html(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        // Only what HTML needs escaped: Moodle's editor shows the text as written (apostrophes included).
        paragraphs.forEach(p -> html.append("<p>")
                .append(p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</p>"));
        return html.toString();
    }
}
