package org.perfeval.ingest.read;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Cells a workbook shows merged into one: the value sits in the top-left cell, the others are empty in the file.
 *
 * @param firstRow    1-based, as a spreadsheet shows it
 * @param lastRow     1-based, inclusive
 * @param firstColumn 0-based
 * @param lastColumn  0-based, inclusive
 */
public record MergedRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    /** Merged ranges kept per workbook: a form has a few hundred; the cap keeps a hostile file's list small. */
    static final int MAX_PER_WORKBOOK = 100_000;

    static UnreadableFileException tooMany() {
        return new UnreadableFileException("工作簿的合并单元格超过 " + MAX_PER_WORKBOOK + " 处，文件无法读取。请取消合并单元格，"
                + "或导出为 CSV。 The workbook has more than " + MAX_PER_WORKBOOK + " merged cells, so it cannot be"
                + " read: unmerge the cells, or export it as CSV.");
    }

    static MergedRange of(CellRangeAddress range) {
        return new MergedRange(range.getFirstRow() + 1, range.getLastRow() + 1, range.getFirstColumn(),
                range.getLastColumn());
    }

    /** Whether the range covers more than one row: its value then stands for the rows below the first too. */
    public boolean spansRows() {
        return lastRow > firstRow;
    }
}
