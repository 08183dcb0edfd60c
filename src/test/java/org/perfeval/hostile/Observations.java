package org.perfeval.hostile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.perfeval.e2e.E2eHome;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What became of a file in a home folder, read from the outside: where it lies in {@code inbox/},
 * its {@code .error.txt}, its rejects file and its batch in the database.
 */
final class Observations {

    private Observations() {
    }

    static HostileCase.Observed observe(Path home, String fileName) throws IOException, SQLException {
        Path inbox = home.resolve("inbox");
        String folder = null;
        String errorText = null;
        for (String which : List.of(".done", ".error")) {
            for (Path day : list(inbox.resolve(which))) {
                if (Files.exists(day.resolve(fileName), LinkOption.NOFOLLOW_LINKS)) {
                    folder = which;
                }
                Path text = day.resolve(fileName + ".error.txt");
                if (Files.isRegularFile(text)) {
                    folder = which;
                    errorText = Files.readString(text, StandardCharsets.UTF_8);
                }
            }
        }
        List<List<String>> batch = HostileOutputs.query(home, "SELECT id, status, rows_read, rows_ingested, rows_rejected"
                + " FROM ingest_batch WHERE file_name = ? ORDER BY id DESC LIMIT 1", fileName);
        if (batch.isEmpty()) {
            return new HostileCase.Observed(folder, errorText, rejects(home, fileName), null, 0, 0, 0, 0);
        }
        List<String> b = batch.get(0);
        return new HostileCase.Observed(folder, errorText, rejects(home, fileName), b.get(1), Integer.parseInt(b.get(2)),
                Integer.parseInt(b.get(3)), Integer.parseInt(b.get(4)), rowsOfBatch(home, Long.parseLong(b.get(0))));
    }

    /**
     * Data rows a batch stored: in every table whose rows keep their spreadsheet row ({@code source_row}), findings
     * apart. Sums ({@code ledger_total}) and vouchers ({@code ledger_voucher}) have none.
     */
    static long rowsOfBatch(Path home, long batchId) throws SQLException {
        long rows = 0;
        for (String table : E2eHome.at(home).tablesWith("source_row")) {
            if (!table.equals("ingest_finding")) {
                rows += Long.parseLong(HostileOutputs.query(home, "SELECT COUNT(*) FROM " + table
                        + " WHERE batch_id = ?", batchId).get(0).get(0));
            }
        }
        return rows;
    }

    /**
     * The records of the file's rejects file ({@code outbox/rejects/<name>.rejects.csv}, or a shortened
     * name when that would be too long), or null when there is none.
     */
    static List<List<String>> rejects(Path home, String fileName) throws IOException {
        String start = fileName.substring(0, Math.min(fileName.length(), 20));
        List<Path> found = new ArrayList<>();
        for (Path p : list(home.resolve("outbox").resolve("rejects"))) {
            String name = p.getFileName().toString();
            if (name.startsWith(start) && name.endsWith(".rejects.csv")) {
                found.add(p);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw new AssertionError("several rejects files for " + fileName + ": " + found);
        }
        String text = Files.readString(found.get(0), StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError(found.get(0) + " does not start with a BOM");
        }
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            records.add(r.toList());
        }
        return records;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
