package org.perfeval.ingest.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Turns spreadsheet cells into the text a user sees, for XLSX (streaming) and XLS alike:
 * <ul>
 *   <li>formulas: their cached value, converted like a constant of that type; one that a program which does
 *       not calculate saved with an empty value reads as {@link #UNCALCULATED} and its formula, which no amount
 *       reads, so that its row is rejected rather than counted as 0;</li>
 *   <li>numbers: as Excel displays them in the General format (15 significant digits, so a stored
 *       {@code 0.30000000000000004} is {@code 0.3}), never in exponent form, no trailing {@code .0};</li>
 *   <li>whole numbers in a zero-padded format such as {@code 0000000} (how codes typed as numbers keep
 *       their leading zeros): padded as Excel shows them, {@code 0824002}, so that they meet the same
 *       code typed as text in another file;</li>
 *   <li>numbers in a percentage format ({@code 0.00%}): as a percentage, {@code 98%} for a stored 0.98, which is
 *       how a target of {@code ≥95%} compares with it;</li>
 *   <li>date-formatted numbers: {@code yyyy-MM-dd} (a time of day is dropped);</li>
 *   <li>booleans: {@code TRUE}/{@code FALSE};</li>
 *   <li>errors: Excel's error text such as {@code #DIV/0!}, not {@code ""}, because an empty amount
 *       counts as 0 while the error text makes row validation reject the row;</li>
 *   <li>blank: {@code ""}.</li>
 * </ul>
 */
public final class WorkbookCells {

    /** What a formula without a calculated value reads as: the rejects file shows it, and what to do. */
    public static final String UNCALCULATED = "（公式未计算，请用 Excel 打开并保存后重新导出）=";
    private static final Pattern ZERO_PADDED = Pattern.compile("0{2,}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private WorkbookCells() {
    }

    static String text(Cell cell) {
        CellType type = cell.getCellType();
        if (type != CellType.FORMULA) {
            return text(cell, type);
        }
        try {
            return text(cell, cell.getCachedFormulaResultType());
        } catch (NumberFormatException e) {
            // a workbook saved by a program that does not calculate (openpyxl) has <v/>: no value. Not blank, which
            // counts as 0 in an amount: a text that no amount or code reads, so the row is rejected with it
            return UNCALCULATED + cell.getCellFormula();
        }
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : asFormatted(number(cell.getNumericCellValue()), cell.getCellStyle());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell);
            default -> "";
        };
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (IllegalStateException e) {
            // the streaming reader has no code for a formula's cached error, only text like
            // "ERROR:  #DIV/0!": keep the part Excel shows
            String text = cell.getStringCellValue();
            int hash = text.indexOf('#');
            return hash < 0 ? text : text.substring(hash);
        }
    }

    /** The two number formats whose display changes what a value means to the user: zero-padded codes, percentages. */
    private static String asFormatted(String number, CellStyle style) {
        String format = style == null ? null : style.getDataFormatString();
        if (format == null) {
            return number;
        }
        if (isPercent(format)) {
            return new BigDecimal(number).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (format.length() > number.length() && ZERO_PADDED.matcher(format).matches()
                && DIGITS.matcher(number).matches()) {
            return "0".repeat(format.length() - number.length()) + number;
        }
        return number;
    }

    /** A format with a % sign outside quotes and escapes ({@code 0.00%}, not {@code 0"%"} or {@code 0\%}). */
    private static boolean isPercent(String format) {
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && !quoted) {
                i++;
            } else if (c == '%' && !quoted) {
                return true;
            }
        }
        return false;
    }

    static String number(double value) {
        if (value == 0) {
            return "0"; // also -0.0
        }
        String text = NumberToTextConverter.toText(value);
        // the General format switches to exponent form for very large or small magnitudes
        return text.indexOf('E') < 0 ? text : new BigDecimal(text).toPlainString();
    }

    /**
     * The cells of one row at their column positions, gaps filled with {@code ""}. Empty cells after
     * the last non-empty one are left out (formatting often extends rows far to the right), so
     * {@link ReadLimits#maxColumns()} counts up to the last cell with a value.
     */
    static List<String> cells(Row row, int rowNumber, ReadLimits limits) throws UnreadableFileException {
        List<String> cells = new ArrayList<>();
        for (Cell cell : row) {
            String text = text(cell);
            if (text.isEmpty()) {
                continue;
            }
            int column = cell.getColumnIndex();
            limits.checkColumns(rowNumber, column + 1);
            limits.checkCell(rowNumber, column, text.length());
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, text); // cells out of order in the file
            } else {
                cells.add(text);
            }
        }
        return cells;
    }
}
