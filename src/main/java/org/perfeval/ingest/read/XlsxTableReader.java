package org.perfeval.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import com.github.pjfanning.xlsx.StreamingReader;

/**
 * Reads an {@code .xlsx} workbook streaming (excel-streaming-reader): memory depends on the row
 * cache and on the shared-strings table (the distinct texts), not on the number of rows. Every sheet,
 * hidden ones included, is one table; cells are converted by {@link WorkbookCells}; its merged cells are
 * read first ({@link #mergedRanges}). POI's zip-bomb protection
 * ({@code ZipSecureFile}) stays at its defaults; tripping it is an {@link UnreadableFileException}.
 * The parts the reader keeps in memory whole (every XML part but the worksheets: shared strings,
 * styles, workbook) must expand to at most {@link ReadLimits#maxXlsxPartBytes()}: distinct texts in
 * the shared strings compress too poorly for the zip-bomb ratio to catch them.
 */
public final class XlsxTableReader implements TableReader {

    private static final int ROW_CACHE_SIZE = 100;
    private static final int BUFFER_SIZE = 4096;

    private final ReadLimits limits;

    public XlsxTableReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void read(Path file, TableVisitor visitor) throws IOException, UnreadableFileException {
        Workbooks.requireFormat(file, FileMagic.OOXML);
        checkWholeParts(file);
        Map<String, List<MergedRange>> merged = mergedRanges(file);
        Workbook workbook;
        try {
            workbook = StreamingReader.builder()
                    .rowCacheSize(ROW_CACHE_SIZE)
                    .bufferSize(BUFFER_SIZE)
                    .open(file.toFile());
        } catch (RuntimeException e) {
            throw Workbooks.unreadable(e);
        }
        try (workbook) {
            Workbooks.readSheets(workbook, visitor, limits,
                    sheet -> merged.getOrDefault(sheet.getSheetName(), List.of()));
        }
    }

    /** The merged cells of every sheet, by sheet name, read before the rows ({@link MergedCellScan}). */
    private static Map<String, List<MergedRange>> mergedRanges(Path file) throws UnreadableFileException {
        Map<String, List<MergedRange>> bySheet = new HashMap<>();
        int kept = 0;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    List<MergedRange> ranges = MergedCellScan.of(sheet, MergedRange.MAX_PER_WORKBOOK - kept);
                    kept += ranges.size();
                    bySheet.put(sheets.getSheetName(), ranges);
                }
            }
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw Workbooks.unreadable(e);
        }
        return bySheet;
    }

    /** Inflates each part read whole, counting its real bytes up to the limit. */
    private void checkWholeParts(Path file) throws UnreadableFileException {
        byte[] buffer = new byte[64 * 1024];
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (!isReadWhole(entry.getName())) {
                    continue;
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0 && size <= limits.maxXlsxPartBytes(); n = in.read(buffer)) {
                        size += n;
                    }
                }
                if (size > limits.maxXlsxPartBytes()) {
                    throw limits.xlsxPartTooLarge(entry.getName());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw Workbooks.unreadable(e);
        }
    }

    /** XML parts other than worksheets: the streaming reader parses them into memory. */
    static boolean isReadWhole(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        return (name.endsWith(".xml") || name.endsWith(".rels")) && !name.startsWith("xl/worksheets/");
    }
}
