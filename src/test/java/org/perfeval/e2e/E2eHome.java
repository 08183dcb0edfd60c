package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A home folder for one end-to-end test, seen from outside the process: files dropped into
 * {@code inbox/}, the dated {@code .done}/{@code .error} folders, the SQLite database read with plain
 * JDBC, {@code report.json} read with Jackson, and snapshots of folder trees.
 */
public final class E2eHome {

    /** The bundled demo exports (failsafe runs in the module directory). */
    public static final Path DEMO = Path.of("src/main/resources/demo").toAbsolutePath();
    public static final List<String> DEMO_FILES = List.of("2024年单位基本情况.csv", "2024年支出明细账.csv",
            "2024年绩效指标.xls", "2024年预算指标.xlsx");
    public static final String DEMO_DEPT = "901001";

    /** Amounts read exactly, as BigDecimal. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Path dir;
    private final Instant created = Instant.now();

    private E2eHome(Path dir) {
        this.dir = dir;
    }

    /** {@code <tempDir>/home}, not created: the commands must create what they need. */
    public static E2eHome in(Path tempDir) {
        return at(tempDir.resolve("home"));
    }

    /** The home folder {@code dir} itself (one made by a test harness, say). */
    public static E2eHome at(Path dir) {
        return new E2eHome(dir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    public Path inbox() {
        return dir.resolve("inbox");
    }

    public Path outbox() {
        return dir.resolve("outbox");
    }

    public Path database() {
        return dir.resolve("data").resolve("perfeval.db");
    }

    public Path log() {
        return dir.resolve("logs").resolve("perfeval.log");
    }

    public String logText() throws IOException {
        return Files.readString(log(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ inbox

    /**
     * Writes a UTF-8 CSV into {@code inbox/} with a time stamp {@code ageMinutes} in the past, as a
     * file copied with its time stamp kept: the read lock's minimum age is then already met.
     */
    public Path dropCsv(String name, int ageMinutes, List<String> lines) throws IOException {
        Files.createDirectories(inbox());
        Path file = inbox().resolve(name);
        Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        age(file, ageMinutes);
        return file;
    }

    public static void age(Path file, int minutes) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(minutes))));
    }

    /** Names of the regular files directly in inbox/ (not in .done/.error). */
    public Set<String> filesLeftInInbox() throws IOException {
        try (Stream<Path> s = Files.list(inbox())) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /**
     * The single dated folder {@code inbox/<which>/<yyyyMMdd>/}, checked to be the date of this test's
     * run (in the server's zone or Asia/Shanghai, before or after midnight).
     */
    public Path datedFolder(String which) throws IOException {
        Path parent = inbox().resolve(which);
        assertTrue(Files.isDirectory(parent), () -> parent + " does not exist; inbox holds " + treeOrProblem(inbox()));
        List<Path> days;
        try (Stream<Path> s = Files.list(parent)) {
            days = s.filter(Files::isDirectory).toList();
        }
        assertEquals(1, days.size(), () -> "one dated folder expected in " + parent + ": " + days);
        String name = days.get(0).getFileName().toString();
        assertTrue(plausibleDays().contains(name),
                () -> "folder " + name + " is not yyyyMMdd of today; expected one of " + plausibleDays());
        return days.get(0);
    }

    private Set<String> plausibleDays() {
        Set<String> days = new TreeSet<>();
        for (Instant t : List.of(created, Instant.now())) {
            for (ZoneId zone : List.of(ZoneId.systemDefault(), ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"))) {
                days.add(LocalDate.ofInstant(t, zone).format(DAY));
            }
        }
        return days;
    }

    /** Regular file names in a folder. */
    public static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    // ------------------------------------------------------------------ outputs

    public Path reportFile(int year, String deptFolder) {
        return outbox().resolve(Integer.toString(year)).resolve(deptFolder).resolve("report.json");
    }

    public JsonNode report(int year, String deptFolder) throws IOException {
        return JSON.readTree(Files.readString(reportFile(year, deptFolder), StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ database

    /** A plain JDBC connection to the home's database, opened from outside the application. */
    public Connection connect() throws SQLException {
        Connection c = E2eDatabase.connect(dir);
        assertTrue(c != null, () -> "no database at " + database());
        return c;
    }

    /** The tables that have the given column, on either database (from the JDBC metadata). */
    public List<String> tablesWith(String column) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.getMetaData().getColumns(null, null, "%", column)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        return tables;
    }

    /** The first column of the first row as a long; 0 for NULL. */
    public long number(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The rows of a query as lists of strings, for assertions on small tables. */
    public List<List<String>> rows(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ folder trees

    /** Every path under {@code root} (relative, '/'-separated) with its size for files, -1 for folders. */
    public static TreeMap<String, Long> tree(Path root) throws IOException {
        TreeMap<String, Long> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(root)) {
                    out.put(root.relativize(d).toString().replace('\\', '/') + "/", -1L);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                out.put(root.relativize(f).toString().replace('\\', '/'), attrs.size());
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** {@link #tree} for failure messages. */
    public static String treeOrProblem(Path root) {
        try {
            return tree(root).keySet().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Copies a whole folder tree (a home prepared once, reused by several tests). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Copies the demo exports somewhere (not into an inbox unless asked). */
    public static void copyDemoFiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : DEMO_FILES) {
            try (InputStream in = Files.newInputStream(DEMO.resolve(name))) {
                Files.copy(in, folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("demo file " + name, e);
            }
        }
    }

    /** One CSV record, every cell quoted (RFC 4180). */
    public static String csvLine(Object... cells) {
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
}
