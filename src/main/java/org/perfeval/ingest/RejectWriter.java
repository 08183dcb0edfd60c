package org.perfeval.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import org.perfeval.ingest.map.RowRejection;
import org.perfeval.report.AtomicFiles;
import org.perfeval.report.SafeCsv;

/**
 * {@code outbox/rejects/<file>.rejects.csv} ({@link #fileName}): every data row that could not be used, with the row
 * number a spreadsheet shows, the column, the value, the reason, then the original cells. Written to
 * a temporary name and renamed by {@link #publish()}, so nobody opens a half-written file.
 */
public final class RejectWriter implements AutoCloseable {

    private final Path target;
    private Path temp;
    private CSVPrinter printer;
    private int count;

    public RejectWriter(Path rejectsDir, String fileName) {
        this.target = rejectsDir.resolve(fileName(fileName));
    }

    /** {@code <file>.rejects.csv}, shortened when that is too long a name (see {@link FileNames}). */
    public static String fileName(String inputFileName) {
        return FileNames.withSuffix(inputFileName, ".rejects.csv");
    }

    public void write(SourceRow row, RowRejection rejection) throws IOException {
        if (printer == null) {
            temp = AtomicFiles.createTemp(target);
            OutputStream out = Files.newOutputStream(temp);
            printer = SafeCsv.open(out);
            printer.printRecord("row", "column", "value", "reason");
        }
        List<String> record = new ArrayList<>(4 + row.cells().size());
        record.add(Integer.toString(row.number()));
        record.add(SafeCsv.cell(rejection.column()));
        record.add(SafeCsv.cell(rejection.value()));
        record.add(SafeCsv.cell(rejection.reason()));
        for (String cell : row.cells()) {
            record.add(SafeCsv.cell(cell));
        }
        printer.printRecord(record);
        count++;
    }

    public int count() {
        return count;
    }

    /**
     * Moves the finished file into place and returns it; without rejects, returns null and leaves an earlier file's
     * list of the same name alone (see {@link #removeEarlier}).
     */
    public Path publish() throws IOException {
        if (printer == null) {
            return null;
        }
        printer.close();
        printer = null;
        AtomicFiles.readableByOthers(temp);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
        return target;
    }

    /**
     * Without rejects of its own, removes the list an earlier file of the same name left: the file that replaced it
     * has none. Not called when that earlier file stays in force beside this one (rows of other fiscal years).
     */
    public void removeEarlier() throws IOException {
        // no rejects folder (or no outbox folder at all): nothing stale to remove
        if (count == 0 && Files.isDirectory(target.getParent())) {
            Files.deleteIfExists(target);
            AtomicFiles.removeLeftovers(target);
        }
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
        }
        if (temp != null) {
            Files.deleteIfExists(temp);
        }
    }
}
