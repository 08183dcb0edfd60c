package org.perfeval.ingest.read;

import java.util.List;

/**
 * Receives the tables of one input file, row by row, as they are read. A reader calls
 * {@link #startTable}, then {@link #row} for every row (blank rows included, so row numbers stay
 * those a spreadsheet shows), then {@link #endTable}; a workbook does this once per sheet.
 */
public interface TableVisitor {

    void startTable(String tableName);

    /**
     * A table that is a sheet of a workbook, in place of {@link #startTable}: a row is then known by its sheet and
     * its number, since every sheet has a row 8.
     */
    default void startSheet(String sheetName) {
        startTable(sheetName);
    }

    /**
     * The table's merged cells, before its rows; workbooks only. A merged cell's value arrives in its top-left cell,
     * the other cells of the range arrive empty, as the file holds them.
     */
    default void mergedRanges(List<MergedRange> ranges) {
    }

    /**
     * One physical row. Cells are text exactly as a user sees it: trimmed of nothing, numbers from
     * spreadsheets without a trailing {@code .0} and without exponent, date cells as
     * {@code yyyy-MM-dd}; an empty cell is {@code ""}. The list may be shorter than the header.
     *
     * @param rowNumber 1-based number of the row as a spreadsheet shows it (CSV: record number)
     */
    void row(int rowNumber, List<String> cells);

    void endTable();
}
