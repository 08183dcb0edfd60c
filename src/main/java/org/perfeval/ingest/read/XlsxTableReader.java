package org.perfeval.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;

/**
 * Reads an {@code .xlsx} workbook streaming (excel-streaming-reader): memory depends on the row
 * cache and on the shared-strings table (the distinct texts), not on the number of rows. Every sheet,
 * hidden ones included, is one table; cells are converted by {@link WorkbookCells}. Merged cells are
 * not resolved: a merged header's value sits in its top-left cell only. POI's zip-bomb protection
 * ({@code ZipSecureFile}) stays at its defaults; tripping it is an {@link UnreadableFileException}.
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
            Workbooks.readSheets(workbook, visitor, limits);
        }
    }
}
