package fr.cqpi.exports;

import java.io.IOException;
import java.util.List;

/**
 * Rows of one sheet, written as they come. A cell is a {@link String}, a {@link Number}, a
 * {@link java.time.LocalDateTime} (French wall-clock time), a {@link java.time.LocalDate} or null for an empty cell.
 */
interface SheetWriter extends AutoCloseable {

    void header(List<String> titles) throws IOException;

    void row(List<?> cells) throws IOException;

    @Override
    void close() throws IOException;
}
