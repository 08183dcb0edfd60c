package org.perfeval.ingest.read;

import org.apache.poi.ss.util.CellReference;

/**
 * Upper bounds that keep a hostile or broken file from exhausting memory. A file that exceeds one
 * is unreadable as a whole ({@link UnreadableFileException} naming the limit and the row).
 *
 * @param maxColumns      cells in one row (up to the last non-empty cell for workbooks)
 * @param maxCellChars    characters in one cell (Excel's own limit is 32,767)
 * @param maxRowsPerTable rows of one table (a CSV file, a sheet)
 * @param maxLineChars    characters of one CSV record, i.e. one line, or several when a quoted
 *                        field holds line breaks; mainly stops an unclosed quote from swallowing
 *                        the rest of the file into memory
 */
public record ReadLimits(int maxColumns, int maxCellChars, int maxRowsPerTable, int maxLineChars) {

    public static final ReadLimits DEFAULTS = new ReadLimits(1_000, 32_767, 5_000_000, 1_048_576);

    public ReadLimits {
        if (maxColumns < 1 || maxCellChars < 1 || maxRowsPerTable < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("read limits must be positive: " + maxColumns + ", "
                    + maxCellChars + ", " + maxRowsPerTable + ", " + maxLineChars);
        }
    }

    void checkRow(long rowNumber) throws UnreadableFileException {
        if (rowNumber > maxRowsPerTable) {
            throw new UnreadableFileException("表格超过 " + maxRowsPerTable + " 行的上限（第 " + rowNumber
                    + " 行），请拆分为几个文件后重新导出。 The table has more than " + maxRowsPerTable
                    + " rows (row " + rowNumber + "): split it into several files and export again.");
        }
    }

    void checkColumns(long rowNumber, int columns) throws UnreadableFileException {
        if (columns > maxColumns) {
            throw new UnreadableFileException("第 " + rowNumber + " 行超过 " + maxColumns
                    + " 列的上限，文件无法读取，请检查导出设置。 Row " + rowNumber + " has more than "
                    + maxColumns + " columns, so the file cannot be read: check the export settings.");
        }
    }

    /** @param column 0-based; named as Excel does (A, B, …) */
    void checkCell(long rowNumber, int column, int chars) throws UnreadableFileException {
        if (chars > maxCellChars) {
            String cell = CellReference.convertNumToColString(column) + rowNumber;
            throw new UnreadableFileException("单元格 " + cell + "（第 " + rowNumber + " 行）超过 "
                    + maxCellChars + " 个字符的上限，文件无法读取。 Cell " + cell + " (row " + rowNumber
                    + ") is longer than " + maxCellChars + " characters, so the file cannot be read.");
        }
    }

    /** A CSV record (from {@code lineNumber} on) exceeded {@link #maxLineChars}. */
    UnreadableFileException recordTooLong(long lineNumber) {
        return new UnreadableFileException("从第 " + lineNumber + " 行开始的记录超过 " + maxLineChars
                + " 个字符的上限（可能有未闭合的引号），文件无法读取。 The record starting at line "
                + lineNumber + " is longer than " + maxLineChars
                + " characters (perhaps a quote is not closed), so the file cannot be read.");
    }
}
