package org.perfeval.ingest.read;

import java.nio.file.Path;
import java.util.Locale;

/** Chooses the reader for a file by its extension (case-insensitive), per SPEC §3.1. */
public final class TableReaders {

    private TableReaders() {
    }

    /**
     * @param encoding how to decode the file if it is delimited text (ignored for workbooks)
     * @param hash     what hashes a delimited-text file's bytes as they are parsed, or null; a workbook is read by
     *                 random access and hashed beforehand ({@link FileInspector#inspect})
     * @throws UnreadableFileException for any extension but .csv, .txt, .xlsx, .xls
     */
    public static TableReader forFile(Path file, TextEncoding encoding, ContentHash hash, ReadLimits limits)
            throws UnreadableFileException {
        String name = file.getFileName().toString();
        if (hash != null && !isText(name)) {
            throw new IllegalArgumentException("a workbook is not hashed while it is read: " + name);
        }
        return switch (extension(name)) {
            case "csv", "txt" -> new CsvTableReader(encoding, limits, hash);
            case "xlsx" -> new XlsxTableReader(limits);
            case "xls" -> new XlsTableReader(limits);
            default -> throw new UnreadableFileException("不支持的文件类型（" + name
                    + "），请导出为 CSV、XLSX 或 XLS。 Unsupported file type (" + name
                    + "): export as CSV, XLSX or XLS.");
        };
    }

    /** Whether the file is delimited text (.csv, .txt) rather than a workbook. */
    public static boolean isText(String fileName) {
        return switch (extension(fileName)) {
            case "csv", "txt" -> true;
            default -> false;
        };
    }

    public static boolean isSupported(String fileName) {
        return switch (extension(fileName)) {
            case "csv", "txt", "xlsx", "xls" -> true;
            default -> false;
        };
    }

    /** lower-case extension without the dot, or "" */
    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
