package org.perfeval.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.perfeval.e2e.E2eHome;

/**
 * Checks of what a home folder holds after the hostile corpus: the database read with plain JDBC,
 * the outbox files as Excel and a browser would read them. Shared by the in-process and the jar run.
 */
final class HostileOutputs {

    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "LPT1", "LPT2");

    private HostileOutputs() {
    }

    /** Every stored amount of 金额边界.csv is exactly the yuan its text means, in row order. */
    static void edgeAmountsStoredExactly(Path home) throws SQLException {
        List<List<String>> rows = query(home, "SELECT l.voucher_no, l.amount FROM ledger_line l JOIN ingest_batch b"
                + " ON b.id = l.batch_id WHERE b.file_name = '金额边界.csv' ORDER BY l.source_row");
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (List<String> amount : HostileCorpus.STORED_AMOUNTS) {
            expected.add("记-" + ++n + " " + new BigDecimal(amount.get(1)).movePointRight(2).longValueExact());
        }
        assertEquals(expected, rows.stream().map(r -> r.get(0) + " " + r.get(1)).toList(), "amounts in fen");
    }

    /** Whatever the codes say, every report folder is one safe name directly in outbox/2024/. */
    static void reportFoldersStayInOutbox(Path home) throws IOException {
        Path year = home.resolve("outbox").resolve("2024");
        Set<String> codes = new java.util.TreeSet<>();
        for (Path report : filesNamed(home, "report.json")) {
            Path folder = report.getParent();
            assertEquals(year, folder.getParent(), () -> "report folder directly in outbox/2024: " + folder);
            String name = folder.getFileName().toString();
            assertFalse(name.startsWith("."), name);
            assertFalse(DEVICE_NAMES.contains(name.toUpperCase(Locale.ROOT).split("\\.")[0]), name);
            codes.add(new ObjectMapper().readTree(report.toFile()).path("department").path("code").asText());
        }
        assertTrue(codes.containsAll(HostileCorpus.HOSTILE_CODES), () -> "each department has its report: " + codes);
        for (Path escaped : List.of(home.resolve("逃逸"), home.getParent().resolve("逃逸"), Path.of("/tmp/perfeval-逃逸"),
                home.resolve("outbox").resolve("逃逸"))) {
            assertFalse(Files.exists(escaped), () -> "written outside outbox/2024: " + escaped);
        }
    }

    /**
     * Texts that Excel would run as formulas stay text in every output: CSV cells are prefixed with
     * {@code '}, XLSX cells are string cells (no output has a formula), and report.html escapes markup.
     */
    static void injectionIsDefused(Path home) throws IOException {
        Path dept = home.resolve("outbox").resolve("2024").resolve(HostileCorpus.INJECTION_DEPT);
        List<String> csvCells = new ArrayList<>();
        for (Path csv : filesEndingWith(home.resolve("outbox"), ".csv")) {
            csvCells.addAll(csvCells(csv));
        }
        for (String cell : csvCells) {
            assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell),
                    () -> "a CSV cell Excel would run as a formula: " + cell);
        }
        assertTrue(csvCells.contains("'" + HostileCorpus.INJECTED.get(0)), "the injected name is in a CSV, defused");
        assertTrue(csvCells.contains("'=1+1"), "the injected project code is in projects.csv, defused");

        List<String> xlsxTexts = new ArrayList<>();
        for (Path xlsx : filesEndingWith(dept, ".xlsx")) {
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            assertNotEquals(CellType.FORMULA, cell.getCellType(),
                                    () -> xlsx.getFileName() + " " + cell.getAddress() + " is a formula");
                            if (cell.getCellType() == CellType.STRING) {
                                xlsxTexts.add(cell.getStringCellValue());
                            }
                        }
                    }
                }
            }
        }
        for (String injected : HostileCorpus.INJECTED.subList(0, 4)) {
            assertTrue(xlsxTexts.stream().anyMatch(t -> t.contains(injected)),
                    () -> "the attachments show '" + injected + "' as text");
        }

        String html = Files.readString(dept.resolve("report.html"), StandardCharsets.UTF_8);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element in report.html");
        assertFalse(html.contains("<img"), "no injected element in report.html");
        assertTrue(html.contains("&lt;script&gt;alert") || html.contains("&lt;script&gt;"),
                "the injected markup is shown as text");
    }

    private static List<String> csvCells(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> cells = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            cells.addAll(r.toList());
        }
        return cells;
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Path> filesNamed(Path root, String name) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).toList();
        }
    }

    private static List<Path> filesEndingWith(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /** Rows of a query on the home's SQLite database, as strings. */
    static List<List<String>> query(Path home, String sql, Object... args) throws SQLException {
        return E2eHome.at(home).rows(sql, args);
    }
}
