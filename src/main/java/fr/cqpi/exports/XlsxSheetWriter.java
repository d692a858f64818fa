package fr.cqpi.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One XLSX sheet written with POI's streaming workbook: only the last rows stay in memory (the others go to an
 * uncompressed temporary file, removed at close: compressing it would cost more than the disk it saves), so an export of any size costs the same memory. Header bold and frozen,
 * filters on, numbers as numbers and dates as dates.
 */
final class XlsxSheetWriter implements SheetWriter {

    private static final int ROWS_IN_MEMORY = 200;
    private static final int WIDTH_UNITS_PER_CHARACTER = 256;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dayStyle;
    private final CellStyle textStyle;
    private int columns;
    private int rows;

    XlsxSheetWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.sheet = workbook.createSheet(sheetName);
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        this.headerStyle.setFont(bold);
        this.headerStyle.setWrapText(true);
        this.dateStyle = workbook.createCellStyle();
        this.dateStyle.setDataFormat(
                workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        this.dayStyle = workbook.createCellStyle();
        this.dayStyle.setDataFormat(
                workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        this.textStyle = workbook.createCellStyle();
        this.textStyle.setWrapText(false);
    }

    @Override
    public void header(List<String> titles) {
        columns = titles.size();
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(60, Math.max(12, titles.get(i).length() + 2)) * WIDTH_UNITS_PER_CHARACTER);
        }
        sheet.createFreezePane(1, 1);
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDateTime dateTime) {
                cell.setCellValue(dateTime);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dayStyle);
            } else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(textStyle);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (columns > 0) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
