package org.perfeval.ingest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads an {@code .xls} (BIFF8) workbook. It is loaded whole, which is acceptable as the format
 * holds at most 65,536 rows per sheet, and files over {@link ReadLimits#maxXlsBytes()} are refused. Every sheet is one table; cells are converted by
 * {@link WorkbookCells}. A workbook encrypted with a real password (not Excel's built-in
 * "VelvetSweatshop" write protection) is an {@link UnreadableFileException}.
 */
public final class XlsTableReader implements TableReader {

    private final ReadLimits limits;

    public XlsTableReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void read(Path file, TableVisitor visitor) throws IOException, UnreadableFileException {
        Workbooks.requireFormat(file, FileMagic.OLE2);
        limits.checkXlsSize(Files.size(file));
        try (POIFSFileSystem fs = open(file); HSSFWorkbook workbook = load(fs)) {
            int merged = 0;
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                merged += workbook.getSheetAt(i).getNumMergedRegions();
            }
            if (merged > MergedRange.MAX_PER_WORKBOOK) {
                throw MergedRange.tooMany();
            }
            Workbooks.readSheets(workbook, visitor, limits,
                    sheet -> sheet.getMergedRegions().stream().map(MergedRange::of).toList());
        }
    }

    private static POIFSFileSystem open(Path file) throws UnreadableFileException {
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            // the file was just read whole to fingerprint it, so this is its content, not the disk
            throw Workbooks.unreadable(e);
        }
    }

    private static HSSFWorkbook load(POIFSFileSystem fs) throws UnreadableFileException {
        try {
            return new HSSFWorkbook(fs.getRoot(), false); // false: no need to keep macros, pictures, …
        } catch (IOException | RuntimeException e) {
            throw Workbooks.unreadable(e);
        }
    }
}
