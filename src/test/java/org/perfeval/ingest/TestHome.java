package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.store.TestPostgres;

/**
 * A home folder with the built-in configuration and its own SQLite database, built the way the
 * application builds it, plus what the ingestion tests need around it: input files written in the
 * test (CSV text in any charset, XLSX with merged cells), plain-JDBC queries, the rejects file and
 * report.json. Input files are written to {@code <temp>/files}, outside the home folder.
 */
public final class TestHome {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path root;
    private final Path home;
    private final Path files;
    private final Services services;

    private TestHome(Path root, Path home, Path files, Services services) {
        this.root = root;
        this.home = home;
        this.files = files;
        this.services = services;
    }

    /** A fresh home at {@code <tempDir>/home}, input files in {@code <tempDir>/files}. */
    public static TestHome create(Path tempDir) throws IOException, SQLException {
        Path home = tempDir.resolve("home");
        Path files = Files.createDirectories(tempDir.resolve("files"));
        Services services = Services.create(Settings.load(Home.open(home)));
        return new TestHome(tempDir, home.toAbsolutePath().normalize(), files, services);
    }

    /**
     * The same on a fresh PostgreSQL database of the test server (skipped without one, see
     * {@link TestPostgres}): the home gets its own config/ naming the database.
     */
    public static TestHome createOnPostgres(Path tempDir) throws IOException, SQLException {
        TestPostgres pg = TestPostgres.require();
        Path config = copyBuiltInConfig(tempDir);
        Files.writeString(config.resolve("application.properties"), "\nperfeval.db.url = " + pg.createDatabase()
                + "\nperfeval.db.user = " + pg.user() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return create(tempDir);
    }

    /**
     * A fresh home whose config/ has one layout more than the built-in ones, as a user adds it, and the given
     * settings ({@code key = value} lines) added to its application.properties.
     */
    public static TestHome createWithLayout(Path tempDir, String fileName, String yaml, String... settings)
            throws IOException, SQLException {
        Path config = copyBuiltInConfig(tempDir);
        Files.writeString(config.resolve("mappings").resolve(fileName), yaml);
        Files.writeString(config.resolve("application.properties"), "\n" + String.join("\n", settings) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return create(tempDir);
    }

    /** Copies the built-in configuration to the config/ of the home at {@code <tempDir>/home}, and returns it. */
    private static Path copyBuiltInConfig(Path tempDir) throws IOException {
        Path config = tempDir.resolve("home/config");
        Path builtIn = Home.classpathFolder("/default-config");
        try (Stream<Path> tree = Files.walk(builtIn)) {
            for (Path from : tree.toList()) {
                Path to = config.resolve(builtIn.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return config;
    }

    public Path root() {
        return root;
    }

    public Path home() {
        return home;
    }

    public Services services() {
        return services;
    }

    // ------------------------------------------------------------------ input files

    /** One CSV record: every cell quoted, so amounts such as {@code 1,929.17} stay one cell. */
    public static String line(Object... cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String s = cells[i] == null ? "" : cells[i].toString();
            out.append('"').append(s.replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }

    /** A UTF-8 CSV file (no BOM) of the given lines. */
    public Path csv(String name, String... lines) throws IOException {
        return csv(name, StandardCharsets.UTF_8, lines);
    }

    public Path csv(String name, Charset charset, String... lines) throws IOException {
        return Files.write(files.resolve(name), (String.join("\r\n", lines) + "\r\n").getBytes(charset));
    }

    public Path csv(String name, List<String> lines) throws IOException {
        return csv(name, lines.toArray(String[]::new));
    }

    /** Starts a workbook; {@link Workbook#write} puts it into the files folder. */
    public Workbook workbook() {
        return new Workbook(files);
    }

    /** An XLSX workbook built sheet by sheet: strings become text cells, numbers numeric cells, null no cell. */
    public static final class Workbook {
        private final Path dir;
        private final XSSFWorkbook wb = new XSSFWorkbook();
        private Sheet sheet;

        private Workbook(Path dir) {
            this.dir = dir;
        }

        public Workbook sheet(String name) {
            sheet = wb.createSheet(name);
            return this;
        }

        /** The next row (after the last one written). */
        public Workbook row(Object... cells) {
            return rowAt(sheet.getPhysicalNumberOfRows() == 0 ? 1 : sheet.getLastRowNum() + 2, cells);
        }

        /** A row at a 1-based spreadsheet row number, leaving the rows before it absent. */
        public Workbook rowAt(int rowNumber, Object... cells) {
            Row row = sheet.createRow(rowNumber - 1);
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
            return this;
        }

        /** Merges a range such as {@code D1:G1}; the value stays in its top-left cell, as Excel keeps it. */
        public Workbook merge(String range) {
            sheet.addMergedRegion(CellRangeAddress.valueOf(range));
            return this;
        }

        public Path write(String name) throws IOException {
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.close();
            return file;
        }
    }

    // ------------------------------------------------------------------ ingest

    public IngestOutcome ingest(Path file) throws Exception {
        return services.ingest().ingest(file);
    }

    /** Ingests and insists the file was stored, with a helpful message when not. */
    public IngestOutcome ingestOk(Path file) throws Exception {
        IngestOutcome outcome = ingest(file);
        assertEquals("INGESTED", outcome.status().name(), () -> file.getFileName() + ": " + outcome.message());
        return outcome;
    }

    // ------------------------------------------------------------------ database

    /** Changes the database behind the application's back: the state an earlier version or a crash left. */
    public int update(String sql) throws SQLException {
        try (Connection c = services.database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }

    public List<Map<String, Object>> query(String sql, Object... args) throws SQLException {
        try (Connection c = services.database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The single row a query returns. */
    public Map<String, Object> one(String sql, Object... args) throws SQLException {
        List<Map<String, Object>> rows = query(sql, args);
        assertEquals(1, rows.size(), () -> "expected one row from " + sql + " but got " + rows);
        return rows.get(0);
    }

    /** The first column of the first row as a long (COUNT, SUM …); 0 for NULL. */
    public long number(String sql, Object... args) throws SQLException {
        Object v = query(sql, args).get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    public long count(String table) throws SQLException {
        return number("SELECT COUNT(*) FROM " + table);
    }

    /** Every table holding rows of a file, found by its batch_id column (so a new table is covered too). */
    public List<String> rowTables() throws SQLException {
        return tablesWith("batch_id");
    }

    /** The tables that have the given column. */
    public List<String> tablesWith(String column) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = services.database().connect();
             ResultSet rs = c.getMetaData().getColumns(null, null, "%", column)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        return tables;
    }

    /** Rows of a batch over every row table: what one file left in the database. */
    public long rowsOfBatch(long batchId) throws SQLException {
        long n = 0;
        for (String table : rowTables()) {
            n += number("SELECT COUNT(*) FROM " + table + " WHERE batch_id = ?", batchId);
        }
        return n;
    }

    /** Every row of every row table: what all files left. */
    public long allRows() throws SQLException {
        long n = 0;
        for (String table : rowTables()) {
            n += count(table);
        }
        return n;
    }

    /**
     * The ledger as reports read it (FiguresStore.ledgerSums over ledger_total) agrees with the stored
     * ledger lines, for every department-year: whatever was replaced, the sums followed.
     */
    public void assertLedgerSumsMatchLines() throws SQLException {
        org.perfeval.store.FiguresStore figures = new org.perfeval.store.FiguresStore(services.database());
        for (org.perfeval.model.DeptYear key : figures.departmentYears()) {
            Map<String, String> fromSums = new java.util.TreeMap<>();
            for (org.perfeval.store.FiguresStore.LedgerSum s : figures.ledgerSums(key)) {
                fromSums.put(s.projectCode() + "|" + s.econClass() + "|" + s.fundSource(),
                        s.amount().toPlainString() + " x" + s.lines());
            }
            Map<String, String> fromLines = new java.util.TreeMap<>();
            for (Map<String, Object> r : query("SELECT project_code, econ_class, fund_source, SUM(amount) s, COUNT(*) n"
                    + " FROM ledger_line WHERE fiscal_year = ? AND dept_code = ?"
                    + " GROUP BY project_code, econ_class, fund_source", key.fiscalYear(), key.deptCode())) {
                fromLines.put(r.get("project_code") + "|" + r.get("econ_class") + "|" + r.get("fund_source"),
                        org.perfeval.store.Fen.toYuan(((Number) r.get("s")).longValue()).toPlainString()
                                + " x" + r.get("n"));
            }
            assertEquals(fromLines, fromSums, "ledger sums of " + key + " drifted from its lines");
        }
    }

    public Map<String, Object> batch(long id) throws SQLException {
        return one("SELECT * FROM ingest_batch WHERE id = ?", id);
    }

    // ------------------------------------------------------------------ outputs

    public Path rejectsFile(String fileName) {
        return home.resolve("outbox").resolve("rejects").resolve(fileName + ".rejects.csv");
    }

    /** The rejects file's records, header included, after checking it starts with a UTF-8 BOM. */
    public List<List<String>> rejects(String fileName) throws IOException {
        byte[] bytes = Files.readAllBytes(rejectsFile(fileName));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3),
                "rejects file starts with a UTF-8 BOM");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text))) {
            records.add(r.toList());
        }
        return records;
    }

    public Path reportFile(int year, String deptFolder) {
        return home.resolve("outbox").resolve(Integer.toString(year)).resolve(deptFolder).resolve("report.json");
    }

    public int regenerateReports() throws Exception {
        return services.reports().regenerateAll(null, null);
    }

    public String reportText(int year, String deptFolder) throws IOException {
        return Files.readString(reportFile(year, deptFolder), StandardCharsets.UTF_8);
    }

    public JsonNode report(int year, String deptFolder) throws IOException {
        return JSON.readTree(reportText(year, deptFolder));
    }
}
