package org.perfeval.ingest.read;

import org.apache.poi.ss.util.CellReference;

/**
 * Upper bounds that keep a hostile or broken file from exhausting memory. A file that exceeds one
 * is unreadable as a whole ({@link UnreadableFileException} naming the limit and the row). Each is a
 * setting {@code perfeval.ingest.*} of {@code config/application.properties}.
 *
 * @param maxColumns      cells in one row (up to the last non-empty cell for workbooks)
 * @param maxCellChars    characters in one cell (Excel's own limit is 32,767)
 * @param maxRowsPerTable rows of one table (a CSV file, a sheet)
 * @param maxLineChars    characters of one CSV record, i.e. one line, or several when a quoted
 *                        field holds line breaks; mainly stops an unclosed quote from swallowing
 *                        the rest of the file into memory
 * @param maxXlsxPartBytes uncompressed bytes of one XLSX part that is read whole into memory (the
 *                        shared strings, the styles, the workbook: every XML part but the sheets,
 *                        which are streamed); counted as they inflate, whatever the zip claims
 * @param maxXlsBytes     size of an {@code .xls} file, which is loaded whole
 */
public record ReadLimits(int maxColumns, int maxCellChars, int maxRowsPerTable, int maxLineChars,
                         long maxXlsxPartBytes, long maxXlsBytes) {

    public static final long MIB = 1024L * 1024L;
    public static final ReadLimits DEFAULTS = new ReadLimits(1_000, 32_767, 5_000_000, 1_048_576, 128 * MIB, 64 * MIB);

    public ReadLimits {
        if (maxColumns < 1 || maxCellChars < 1 || maxRowsPerTable < 1 || maxLineChars < 1 || maxXlsxPartBytes < 1
                || maxXlsBytes < 1) {
            throw new IllegalArgumentException("read limits must be positive: " + maxColumns + ", " + maxCellChars
                    + ", " + maxRowsPerTable + ", " + maxLineChars + ", " + maxXlsxPartBytes + ", " + maxXlsBytes);
        }
    }

    /** The text limits given, the workbook limits at their defaults. */
    public ReadLimits(int maxColumns, int maxCellChars, int maxRowsPerTable, int maxLineChars) {
        this(maxColumns, maxCellChars, maxRowsPerTable, maxLineChars, DEFAULTS.maxXlsxPartBytes, DEFAULTS.maxXlsBytes);
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

    /** An XLSX part read whole ({@code xl/sharedStrings.xml} …) expands beyond {@link #maxXlsxPartBytes}. */
    UnreadableFileException xlsxPartTooLarge(String part) {
        String limit = megabytes(maxXlsxPartBytes);
        return new UnreadableFileException("工作簿的“" + part + "”部分解压后超过 " + limit + " 的上限（文字内容过多），"
                + "文件无法读取。请拆分为几个文件，或导出为 CSV。 The part '" + part + "' of the workbook expands to more"
                + " than " + limit + " (too much text), so the file cannot be read: split it into several files, or"
                + " export it as CSV.");
    }

    /** An {@code .xls} file larger than {@link #maxXlsBytes}. */
    void checkXlsSize(long bytes) throws UnreadableFileException {
        if (bytes > maxXlsBytes) {
            String limit = megabytes(maxXlsBytes);
            throw new UnreadableFileException("工作簿（.xls 格式）大于 " + limit + " 的上限，无法读取。请在 Excel 中另存为 .xlsx，"
                    + "或导出为 CSV。 The XLS workbook is larger than " + limit + ", so it cannot be read: save it as"
                    + " .xlsx in Excel, or export it as CSV.");
        }
    }

    private static String megabytes(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MB" : bytes + " bytes";
    }
}
