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

    static MergedRange of(CellRangeAddress range) {
        return new MergedRange(range.getFirstRow() + 1, range.getLastRow() + 1, range.getFirstColumn(),
                range.getLastColumn());
    }

    /** Whether the range covers more than one row: its value then stands for the rows below the first too. */
    public boolean spansRows() {
        return lastRow > firstRow;
    }
}
