package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading back what the writers produced, with plain POI (as Excel would see it). */
final class Xlsx {

    private Xlsx() {
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The first cell (row by row) whose string value equals {@code text}. */
    static Cell find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return cell;
                }
            }
        }
        return fail("no cell '" + text + "' in sheet " + sheet.getSheetName());
    }

    /** The first cell whose string value starts with {@code prefix}. */
    static Cell findStarting(Sheet sheet, String prefix) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(prefix)) {
                    return cell;
                }
            }
        }
        return fail("no cell starting '" + prefix + "' in sheet " + sheet.getSheetName());
    }

    static Cell at(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        assertNotNull(r, "row " + row + " of " + sheet.getSheetName());
        Cell cell = r.getCell(col);
        assertNotNull(cell, "cell " + row + "/" + col + " of " + sheet.getSheetName());
        return cell;
    }

    static Cell below(Cell cell, int rows) {
        return at(cell.getSheet(), cell.getRowIndex() + rows, cell.getColumnIndex());
    }

    static Cell right(Cell cell, int cols) {
        return at(cell.getSheet(), cell.getRowIndex(), cell.getColumnIndex() + cols);
    }

    /** A numeric cell with this value (万元, rate, score) and this number format. */
    static void assertNumber(Cell cell, double expected, String format) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), () -> "numeric at " + cell.getAddress());
        assertEquals(expected, cell.getNumericCellValue(), 1e-9, () -> "value at " + cell.getAddress());
        assertEquals(format, cell.getCellStyle().getDataFormatString(), () -> "format at " + cell.getAddress());
        assertBordered(cell);
    }

    static void assertText(Cell cell, String expected) {
        assertEquals(CellType.STRING, cell.getCellType(), () -> "string at " + cell.getAddress());
        assertEquals(expected, cell.getStringCellValue());
    }

    static void assertBlank(Cell cell) {
        assertEquals(CellType.BLANK, cell.getCellType(), () -> "blank at " + cell.getAddress());
    }

    static void assertBordered(Cell cell) {
        var style = cell.getCellStyle();
        for (BorderStyle border : new BorderStyle[] {style.getBorderTop(), style.getBorderBottom(),
                style.getBorderLeft(), style.getBorderRight()}) {
            assertEquals(BorderStyle.THIN, border, () -> "thin border at " + cell.getAddress());
        }
    }

    /** The merged region that starts at this cell. */
    static CellRangeAddress mergedFrom(Cell cell) {
        for (CellRangeAddress region : cell.getSheet().getMergedRegions()) {
            if (region.getFirstRow() == cell.getRowIndex() && region.getFirstColumn() == cell.getColumnIndex()) {
                return region;
            }
        }
        return fail("no merged region starts at " + cell.getAddress() + " in " + cell.getSheet().getSheetName());
    }

    static void assertNoMergeAt(Cell cell) {
        for (CellRangeAddress region : cell.getSheet().getMergedRegions()) {
            assertTrue(!region.isInRange(cell), () -> "unexpected merge " + region.formatAsString());
        }
    }

    /** Nowhere in the workbook a formula: every value is stored as a value. */
    static void assertNoFormulas(XSSFWorkbook workbook) {
        int cells = 0;
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType(),
                            () -> "formula at " + sheet.getSheetName() + "!" + cell.getAddress());
                    cells++;
                }
            }
        }
        assertTrue(cells > 0, "workbook has cells");
    }

    /** Fit to one page wide, as tall as needed, A4. */
    static void assertPrintsOnePageWide(Sheet sheet, boolean landscape) {
        assertTrue(sheet.getFitToPage(), "fit to page on " + sheet.getSheetName());
        PrintSetup print = sheet.getPrintSetup();
        assertEquals(1, print.getFitWidth());
        assertEquals(0, print.getFitHeight());
        assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
        assertEquals(landscape, print.getLandscape());
    }

    /** The written folder holds no temporary leftovers of the atomic write. */
    static void assertNoTempFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(f -> assertTrue(!f.getFileName().toString().endsWith(".tmp"), () -> "leftover " + f));
        }
    }
}
