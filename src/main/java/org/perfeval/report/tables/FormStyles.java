package org.perfeval.report.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.perfeval.report.AtomicFiles;
import org.perfeval.report.OfficeDocuments;
import org.perfeval.report.Wan;

/**
 * The look of the official forms (附件1–3, the yearly summary), shared by every workbook writer: styles are
 * created once per workbook (Excel caps a workbook at ~64 000 styles, so never one per cell), and every
 * value goes through a typed method so amounts are always numeric 万元 cells, never text.
 *
 * <p>Merged regions: every cell of a region is written with its border style when its row is written and the
 * region is added afterwards, so the same code works for streaming (SXSSF) sheets whose earlier rows are gone.
 */
public final class FormStyles {

    /** Excel's width unit is 1/256 of a character; CJK characters take about two. */
    private static final int CHAR = 256;
    private static final String FONT = "宋体";

    private final CellStyle attachmentLabel;
    private final CellStyle title;
    private final CellStyle infoLeft;
    private final CellStyle infoRight;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle quotedText;
    private final CellStyle centeredText;
    private final CellStyle quotedCenteredText;
    private final CellStyle amount;
    private final CellStyle rate;
    private final CellStyle score;
    private final CellStyle count;
    private final CellStyle blank;

    public FormStyles(Workbook workbook) {
        Font body = font(workbook, 11, false);
        Font bold = font(workbook, 11, true);
        Font big = font(workbook, 16, true);

        attachmentLabel = workbook.createCellStyle();
        attachmentLabel.setFont(bold);
        title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        infoLeft = workbook.createCellStyle();
        infoLeft.setFont(body);
        infoLeft.setAlignment(HorizontalAlignment.LEFT);
        infoRight = workbook.createCellStyle();
        infoRight.setFont(body);
        infoRight.setAlignment(HorizontalAlignment.RIGHT);

        header = bordered(workbook, bold, HorizontalAlignment.CENTER);
        header.setWrapText(true);
        text = bordered(workbook, body, HorizontalAlignment.LEFT);
        text.setWrapText(true);
        quotedText = bordered(workbook, body, HorizontalAlignment.LEFT);
        quotedText.setWrapText(true);
        quotedText.setQuotePrefixed(true);
        centeredText = bordered(workbook, body, HorizontalAlignment.CENTER);
        centeredText.setWrapText(true);
        quotedCenteredText = bordered(workbook, body, HorizontalAlignment.CENTER);
        quotedCenteredText.setWrapText(true);
        quotedCenteredText.setQuotePrefixed(true);
        amount = numeric(workbook, body, "#,##0.00");
        rate = numeric(workbook, body, "0.00%");
        score = numeric(workbook, body, "0.00");
        count = numeric(workbook, body, "0");
        blank = bordered(workbook, body, HorizontalAlignment.CENTER);
    }

    // ---- values -------------------------------------------------------------------------------------

    /** A bold, centred column or group header. */
    public Cell header(Row row, int col, String label) {
        return setText(put(row, col, header), label);
    }

    /** Text from the data, left-aligned; null leaves the bordered cell empty. */
    public Cell text(Row row, int col, String value) {
        return setText(put(row, col, formulaLike(value) ? quotedText : text), value);
    }

    /** Text from the data, centred (codes, grades, level names). */
    public Cell centered(Row row, int col, String value) {
        return setText(put(row, col, formulaLike(value) ? quotedCenteredText : centeredText), value);
    }

    /** An amount given in yuan, shown as a number in 万元 with two decimals. */
    public Cell amount(Row row, int col, BigDecimal yuan) {
        Cell cell = put(row, col, amount);
        if (yuan != null) {
            cell.setCellValue(Wan.of(yuan).doubleValue());
        }
        return cell;
    }

    /** A rate (0.7391) shown as 73.91 %. */
    public Cell rate(Row row, int col, BigDecimal value) {
        return number(put(row, col, rate), value);
    }

    /** Points and scores, two decimals. */
    public Cell score(Row row, int col, BigDecimal value) {
        return number(put(row, col, score), value);
    }

    /** Head counts and other whole numbers. */
    public Cell count(Row row, int col, Number value) {
        Cell cell = put(row, col, count);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    /** An empty cell with the table's border. */
    public Cell blank(Row row, int col) {
        return put(row, col, blank);
    }

    /**
     * Extends {@code first} to the right up to {@code lastCol} and merges: the covered cells get the same style
     * so the merged region keeps its borders.
     */
    public Cell across(Cell first, int lastCol) {
        Row row = first.getRow();
        for (int col = first.getColumnIndex() + 1; col <= lastCol; col++) {
            put(row, col, first.getCellStyle());
        }
        merge(row.getSheet(), row.getRowNum(), row.getRowNum(), first.getColumnIndex(), lastCol);
        return first;
    }

    /** Merges a rectangle whose cells are already written (a single cell is left alone). */
    public static void merge(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol) {
        if (firstRow != lastRow || firstCol != lastCol) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
    }

    /**
     * True when row {@code i} starts a run of equal keys: the writer puts the value there only and leaves the
     * rest of the run blank, then {@link #mergeRuns} merges the run (one 一级指标 cell over its indicators).
     */
    public static boolean startsRun(List<?> keys, int i) {
        return i == 0 || !Objects.equals(keys.get(i), keys.get(i - 1));
    }

    /** Merges, in column {@code col}, every run of equal non-null keys; key i sits in row firstRow + i. */
    public static void mergeRuns(Sheet sheet, int firstRow, int col, List<?> keys) {
        int start = 0;
        for (int i = 1; i <= keys.size(); i++) {
            if (i == keys.size() || startsRun(keys, i)) {
                if (keys.get(start) != null) {
                    merge(sheet, firstRow + start, firstRow + i - 1, col, col);
                }
                start = i;
            }
        }
    }

    // ---- form furniture -----------------------------------------------------------------------------

    /**
     * The head of an official form: {@code 附件N} on its own line, the title merged across the table, and the
     * 填报单位 line (left) with the year and unit (right). Returns the next free row index.
     */
    public int formHead(Sheet sheet, String attachment, String titleText, String unitLine, String rightLine,
                        int lastCol) {
        int r = 0;
        if (attachment != null) {
            Cell label = sheet.createRow(r++).createCell(0);
            label.setCellValue(attachment);
            label.setCellStyle(attachmentLabel);
        }
        Row titleRow = sheet.createRow(r++);
        titleRow.setHeightInPoints(30);
        Cell titleCell = titleRow.createCell(0);
        titleCell.setCellValue(titleText);
        titleCell.setCellStyle(title);
        for (int col = 1; col <= lastCol; col++) {
            titleRow.createCell(col).setCellStyle(title);
        }
        merge(sheet, titleRow.getRowNum(), titleRow.getRowNum(), 0, lastCol);

        // The 填报单位 line takes the left part, the year/unit the right third.
        Row info = sheet.createRow(r++);
        int split = Math.max(1, lastCol - Math.max(1, (lastCol + 1) / 3) + 1);
        Cell left = info.createCell(0);
        left.setCellValue(unitLine);
        left.setCellStyle(infoLeft);
        merge(sheet, info.getRowNum(), info.getRowNum(), 0, split - 1);
        Cell right = info.createCell(split);
        right.setCellValue(rightLine);
        right.setCellStyle(infoRight);
        merge(sheet, info.getRowNum(), info.getRowNum(), split, lastCol);
        return r;
    }

    /**
     * Column widths (in characters) and the print setup of the official forms: A4, fit to one page wide,
     * as many pages tall as needed, centred, narrow margins.
     */
    public static void pageSetup(Sheet sheet, boolean landscape, int... widthsInChars) {
        for (int col = 0; col < widthsInChars.length; col++) {
            sheet.setColumnWidth(col, widthsInChars[col] * CHAR);
        }
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
    }

    /** Freezes the rows above {@code firstDataRow} and repeats them on every printed page. */
    public static void freezeHeader(Sheet sheet, int headerFirstRow, int firstDataRow) {
        sheet.createFreezePane(0, firstDataRow);
        sheet.setRepeatingRows(CellRangeAddress.valueOf((headerFirstRow + 1) + ":" + firstDataRow));
    }

    /**
     * Excel does not grow a row for wrapped text in merged cells, so long texts (deviation reasons, project
     * names) get an estimated height: one line per {@code widthInChars} display characters.
     */
    public static void fitHeight(Row row, String value, int widthInChars) {
        if (value == null || value.isEmpty() || widthInChars <= 0) {
            return;
        }
        int lines = 0;
        for (String line : value.split("\n", -1)) {
            lines += Math.max(1, (displayWidth(line) + widthInChars - 1) / widthInChars);
        }
        float needed = Math.min(409f, 15f * lines + 3f);
        if (needed > row.getHeightInPoints()) {
            row.setHeightInPoints(needed);
        }
    }

    /**
     * Writes a workbook atomically (temporary name, then rename) and lets go of it. A streaming (SXSSF) workbook's
     * template (styles, sheet settings, no rows) is assembled in memory rather than in a temporary file.
     */
    public static Path save(Workbook workbook, Path target) throws IOException {
        try {
            AtomicFiles.write(target, workbook instanceof SXSSFWorkbook streaming
                    ? streaming::writeAvoidingTempFiles : workbook::write);
        } finally {
            if (workbook instanceof XSSFWorkbook document) {
                OfficeDocuments.discard(document);
            } else {
                workbook.close();
            }
        }
        return target;
    }

    /** Text Excel would take for a formula if someone edits the cell: =, +, -, @. */
    static boolean formulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@';
    }

    static int displayWidth(String value) {
        int width = 0;
        for (int i = 0; i < value.length(); i++) {
            width += value.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return width;
    }

    // ---- internals ----------------------------------------------------------------------------------

    private static Cell put(Row row, int col, CellStyle style) {
        Cell cell = row.getCell(col);
        if (cell == null) {
            cell = row.createCell(col);
        }
        cell.setCellStyle(style);
        return cell;
    }

    private static Cell setText(Cell cell, String value) {
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    private static Cell number(Cell cell, BigDecimal value) {
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    private static Font font(Workbook workbook, int points, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        return font;
    }

    private static CellStyle bordered(Workbook workbook, Font font, HorizontalAlignment alignment) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static CellStyle numeric(Workbook workbook, Font font, String format) {
        CellStyle style = bordered(workbook, font, HorizontalAlignment.RIGHT);
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
