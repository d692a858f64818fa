package fr.cqpi.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as French Excel opens it with a double click: UTF-8 with a byte order mark, « ; » between cells, decimal
 * comma, CRLF. A cell a spreadsheet would take for a formula (=, +, -, @, tab, CR) is prefixed with a quote.
 */
final class CsvSheetWriter implements SheetWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final CSVFormat FRENCH_EXCEL = CSVFormat.EXCEL
            .builder()
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();

    private final CSVPrinter printer;

    CsvSheetWriter(OutputStream out) {
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, FRENCH_EXCEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void header(List<String> titles) throws IOException {
        row(titles);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (Object cell : cells) {
            printer.print(text(cell));
        }
        printer.println();
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (cell instanceof Number number) {
            return number.toString().replace('.', ',');
        }
        if (cell instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (cell instanceof LocalDate date) {
            return DAY.format(date);
        }
        return neutralised(cell.toString());
    }

    /** OWASP's advice against CSV injection: a leading quote makes the cell text. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
