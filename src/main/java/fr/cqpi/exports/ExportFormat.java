package fr.cqpi.exports;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The two formats a spreadsheet user opens: CSV (French Excel's dialect) and XLSX. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public static Optional<ExportFormat> of(String extension) {
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    SheetWriter open(OutputStream out, String sheetName) {
        return switch (this) {
            case CSV -> new CsvSheetWriter(out);
            case XLSX -> new XlsxSheetWriter(out, sheetName.toLowerCase(Locale.ROOT));
        };
    }
}
