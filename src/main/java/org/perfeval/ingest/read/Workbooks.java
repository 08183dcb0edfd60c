package org.perfeval.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What the XLSX and XLS readers share: recognising what a file really is, and walking the sheets. */
final class Workbooks {

    static final String ENCRYPTED = "工作簿已加密，请取消密码后重新导出。"
            + " The workbook is password-protected: remove the password and export it again.";
    static final String ZIP_BOMB = "工作簿解压后异常巨大（疑似“压缩炸弹”），为安全起见不予读取。请在 Excel 中打开后另存，或导出为 CSV。"
            + " The workbook would expand to a suspicious size (possible zip bomb), so it was not read:"
            + " open it in Excel and save it again, or export it as CSV.";
    static final String HTML = "文件实际上是网页（HTML），不是 Excel 工作簿。请在 Excel 中打开并另存为 .xlsx，或导出为 CSV。"
            + " The file is really a web page (HTML), not an Excel workbook: open it in Excel and save it"
            + " as .xlsx, or export it as CSV.";
    static final String XML_2003 = "文件是 XML 电子表格（Excel 2003 XML），不是 XLSX 或 XLS。请在 Excel 中打开并另存为 .xlsx。"
            + " The file is an XML spreadsheet (Excel 2003 XML), not XLSX or XLS: open it in Excel and save"
            + " it as .xlsx.";
    static final String OLD_EXCEL = "工作簿是 Excel 95 或更早的格式，无法读取。请在 Excel 中另存为 .xlsx。"
            + " The workbook is in Excel 95 or older format and cannot be read: save it as .xlsx in Excel.";
    static final String EMPTY = "文件是空的（0 字节），请重新导出。 The file is empty (0 bytes): export it again.";

    private static final int HTML_SNIFF_BYTES = 1024;

    private Workbooks() {
    }

    /**
     * Fails unless the bytes are of the {@code expected} container (OOXML zip for .xlsx, OLE2 for
     * .xls), explaining what the file is instead: encrypted OOXML (an OLE2 container), HTML or XML
     * saved under an Excel name, the other Excel format, or something else entirely.
     */
    static void requireFormat(Path file, FileMagic expected) throws IOException, UnreadableFileException {
        if (Files.size(file) == 0) {
            throw new UnreadableFileException(EMPTY);
        }
        FileMagic magic = FileMagic.valueOf(file.toFile());
        if (magic == FileMagic.OLE2 && isEncryptedOoxml(file)) {
            throw new UnreadableFileException(ENCRYPTED);
        }
        if (magic == expected) {
            return;
        }
        if (magic == FileMagic.HTML || looksLikeHtml(file)) {
            throw new UnreadableFileException(HTML);
        }
        String named = expected == FileMagic.OOXML ? "XLSX" : "XLS";
        throw new UnreadableFileException(switch (magic) {
            case XML -> XML_2003;
            case BIFF2, BIFF3, BIFF4 -> OLD_EXCEL;
            case OLE2 -> "文件扩展名是 .xlsx，但内容是旧版 .xls 工作簿。请把扩展名改为 .xls，或在 Excel 中另存为 .xlsx。"
                    + " The file is named .xlsx but is an old-style .xls workbook: rename it to .xls, or save"
                    + " it as .xlsx in Excel.";
            case OOXML -> "文件扩展名是 .xls，但内容是 .xlsx 工作簿。请把扩展名改为 .xlsx 后重新放入。"
                    + " The file is named .xls but is an .xlsx workbook: rename it to .xlsx and put it in again.";
            default -> "文件不是有效的 " + named + " 工作簿（可能是改了扩展名的文本或其他文件）。请从系统重新导出，或导出为 CSV。"
                    + " The file is not a valid " + named + " workbook (perhaps a text or other file renamed):"
                    + " export it again from the finance system, or export it as CSV.";
        });
    }

    /** Excel's "Encrypt with password" wraps the OOXML zip in an OLE2 container with these streams. */
    private static boolean isEncryptedOoxml(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            return false; // a damaged OLE2 file: the reader will report it
        }
    }

    /** Finance systems often save an HTML table as ".xls"; FileMagic misses it after a BOM or blanks. */
    private static boolean looksLikeHtml(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(HTML_SNIFF_BYTES);
        }
        String text = new String(start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return text.contains("<html") || text.contains("<table") || text.contains("<!doctype html");
    }

    /**
     * Explains an exception thrown by POI or the streaming reader while opening or reading. One caused by the service
     * stopping (Camel interrupts the file's thread when it does not finish in time, which closes the file's channel)
     * says nothing about the workbook: it is thrown on as an I/O failure, so that the file stays in the inbox instead
     * of being put into .error as damaged.
     */
    static UnreadableFileException unreadable(Throwable e) {
        if (Interrupts.stopping(e)) {
            throw new UncheckedIOException(new InterruptedIOException("the service stopped while the workbook was read"));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof EncryptedDocumentException) {
                return new UnreadableFileException(ENCRYPTED, e);
            }
            if (t instanceof OldFileFormatException) {
                return new UnreadableFileException(OLD_EXCEL, e);
            }
            if (message.contains("Zip bomb") || message.contains("ZipSecureFile")
                    || message.contains("potentially malicious")) {
                return new UnreadableFileException(ZIP_BOMB, e);
            }
        }
        return new UnreadableFileException("工作簿已损坏或不完整（可能下载或复制中断），无法读取，请重新导出。"
                + " The workbook is damaged or incomplete (perhaps the download or copy was interrupted) and"
                + " cannot be read: export it again.", e);
    }

    /**
     * Every sheet becomes one table. Rows keep the numbers Excel shows: rows absent from the file
     * (never filled in) arrive as empty rows, so the visitor sees 1, 2, 3, … Exceptions of the
     * workbook library become {@link UnreadableFileException}; the visitor's own pass through.
     *
     * @param mergedRanges the merged cells of a sheet, known before its rows are read
     */
    static void readSheets(Workbook workbook, TableVisitor visitor, ReadLimits limits,
                           Function<Sheet, List<MergedRange>> mergedRanges) throws UnreadableFileException {
        Iterator<Sheet> sheets = library(workbook::sheetIterator);
        for (Sheet sheet = next(sheets); sheet != null; sheet = next(sheets)) {
            visitor.startSheet(library(sheet::getSheetName));
            Sheet current = sheet;
            visitor.mergedRanges(library(() -> mergedRanges.apply(current)));
            Iterator<Row> rows = library(sheet::rowIterator);
            int nextRowNumber = 1;
            for (Row row = next(rows); row != null; row = next(rows)) {
                int rowNumber = row.getRowNum() + 1;
                limits.checkRow(rowNumber);
                List<String> cells;
                try {
                    cells = WorkbookCells.cells(row, rowNumber, limits);
                } catch (RuntimeException e) {
                    throw unreadable(e);
                }
                for (; nextRowNumber < rowNumber; nextRowNumber++) {
                    visitor.row(nextRowNumber, List.of());
                }
                visitor.row(rowNumber, cells);
                nextRowNumber = Math.max(nextRowNumber, rowNumber + 1);
            }
            visitor.endTable();
        }
    }

    /** A call into the workbook library, whose exceptions mean the file is damaged. */
    private static <T> T library(Supplier<T> call) throws UnreadableFileException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static <T> T next(Iterator<T> it) throws UnreadableFileException {
        return library(() -> it.hasNext() ? it.next() : null);
    }
}
