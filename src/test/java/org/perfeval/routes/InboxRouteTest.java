package org.perfeval.routes;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.model.DeptYear;
import org.perfeval.report.ReportService;

/**
 * The inbox route in a real Camel context over a real home folder and SQLite database: files are
 * taken, ingested and moved to {@code .done/<yyyyMMdd>/} or {@code .error/<yyyyMMdd>/} (SPEC §3.1).
 * Waits with {@link NotifyBuilder}, never with sleeps.
 */
class InboxRouteTest {

    static final String LEDGER_HEADER = "会计年度,单位编码,凭证日期,凭证号,分录号,项目编码,摘要,经济分类科目,资金性质,支出金额";

    @TempDir
    Path temp;

    private Settings settings;
    private Services services;
    private CamelContext context;
    private Path inbox;
    private String dayBefore;

    @BeforeEach
    void setUp() throws Exception {
        dayBefore = today();
        settings = Settings.load(Home.open(temp.resolve("home")));
        services = Services.create(settings);
        inbox = settings.home().inbox();
        context = new DefaultCamelContext();
        Properties properties = settings.resolved();
        // fast polling for a test; the read lock still applies (a file must be 100 ms old)
        properties.setProperty("perfeval.inbox.poll-delay-ms", "50");
        properties.setProperty("perfeval.inbox.read-lock-check-interval-ms", "50");
        properties.setProperty("perfeval.inbox.read-lock-min-age-ms", "100");
        properties.setProperty("perfeval.inbox.read-lock-timeout-ms", "10000");
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(new InboxRoute(services.inboxHandler(), null));
    }

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void aGoodFileEndsInDoneAndABadOneInErrorWithABilingualExplanation() throws Exception {
        context.start();
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(2).create();

        write("good-ledger.csv", LEDGER_HEADER,
                "2024,880001,2024-03-05,记-0001,1,P001,办公用品,30201 办公费,一般公共预算,\"1,200.50\"",
                "2024,880001,2024-03-06,记-0002,1,P002,专家评审,30203 咨询费,一般公共预算,800.00",
                "2024,880001,2024-03-07,记-0003,1,P001,退回多付款,30201 办公费,一般公共预算,(0.50)");
        write("bad-layout.csv", "foo,bar,baz", "1,2,3", "4,5,6");

        assertTrue(notify.matches(20, SECONDS), "both files processed within 20 s");

        Path done = datedFolder(".done");
        Path error = datedFolder(".error");
        assertEquals(Set.of("good-ledger.csv"), files(done));
        assertEquals(Set.of("bad-layout.csv", "bad-layout.csv.error.txt"), files(error));
        assertEquals(Set.of(), files(inbox), "nothing left in inbox/");

        String text = Files.readString(error.resolve("bad-layout.csv.error.txt"), StandardCharsets.UTF_8);
        assertTrue(text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                () -> "Chinese explanation:\n" + text);
        assertTrue(text.contains("header") || text.contains("Header"), () -> "English explanation:\n" + text);
        assertTrue(text.contains("bad-layout.csv"), () -> "names the file:\n" + text);
        assertFalse(text.contains("at org.") || text.contains("Exception") || text.contains("\tat "),
                () -> "no stack trace:\n" + text);

        assertEquals(3, count("SELECT COUNT(*) FROM ledger_line"));
        assertEquals(200000, count("SELECT SUM(amount) FROM ledger_line"), "Σ 2,000.00 yuan in fen");
        assertEquals(1, count("SELECT COUNT(*) FROM ingest_batch WHERE file_name = 'good-ledger.csv' AND status = 'INGESTED'"));
        assertEquals(1, count("SELECT COUNT(*) FROM ingest_batch WHERE file_name = 'bad-layout.csv' AND status = 'FAILED'"));
        assertEquals(1, services.filesDone());
        assertEquals(1, services.filesFailed());
        assertEquals(Set.of(new DeptYear(2024, "880001")), services.pending().takeAll(),
                "the good file's department-year awaits its report");
    }

    @Test
    void anUnsupportedFileIsExplainedAndHiddenFilesAreLeftAlone() throws Exception {
        context.start();
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        Path hidden = write(".~lock.budget.csv#", "whatever");
        // Excel's owner file beside a workbook that is open: not an export, and Excel removes it
        Path owner = write("~$预算2024.xlsx", "\u0005张三");
        write("scan.pdf", "%PDF-1.4");

        assertTrue(notify.matches(20, SECONDS), "the PDF processed within 20 s");

        Path error = datedFolder(".error");
        assertEquals(Set.of("scan.pdf", "scan.pdf.error.txt"), files(error));
        String text = Files.readString(error.resolve("scan.pdf.error.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("CSV") && text.contains("XLSX"), () -> "says what is accepted:\n" + text);
        assertTrue(Files.exists(hidden), "hidden file left where it was");
        assertTrue(Files.exists(owner), "Excel's owner file left where it was");
        assertEquals(Set.of(hidden.getFileName().toString(), owner.getFileName().toString()), files(inbox));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_line"));
    }

    /**
     * SPEC §3.1: a file still being written (copied slowly) is not read half-written. The writer appends
     * a line every 20 ms for 1.5 s; with a minimum age of 1 s the route must wait for the whole file.
     */
    @Test
    void aFileStillBeingWrittenIsNotReadHalfWritten() throws Exception {
        context.getPropertiesComponent().addOverrideProperty("perfeval.inbox.read-lock-min-age-ms", "1000");
        context.start();
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        int lines = 0;
        try (OutputStream out = Files.newOutputStream(inbox.resolve("slow.csv"))) {
            out.write((LEDGER_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                lines++;
                out.write(("2024,880001,2024-03-05,记-" + lines + ",1,P001,办公用品,30201 办公费,一般公共预算,1.00\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertFalse(notify.matches(), "the file was taken while still being written");
        }

        assertTrue(notify.matches(20, SECONDS), "the finished file processed within 20 s");
        assertEquals(Set.of("slow.csv"), files(datedFolder(".done")));
        assertEquals(lines, count("SELECT COUNT(*) FROM ledger_line"), "every line of the finished file");
    }

    /** Names as people type them: spaces, brackets, and characters Camel's expression language gives meaning to. */
    @Test
    void oddFileNamesAreMovedUnchanged() throws Exception {
        List<String> names = List.of("预算 (1).csv", "a&b=c.csv", "x${date:now:yyyy}.csv", "100%.csv", "it's #1.csv",
                "UPPER.CSV");
        for (int i = 0; i < names.size(); i++) {
            age(write(names.get(i), ledger("N" + i)), Instant.now().minus(Duration.ofMinutes(10 - i)));
        }
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(names.size()).create();
        context.start();

        assertTrue(notify.matches(20, SECONDS), "all files processed within 20 s");
        assertEquals(new TreeSet<>(names), files(datedFolder(".done")));
        assertEquals(Set.of(), files(inbox));
        assertEquals(names.size(), count("SELECT COUNT(*) FROM ledger_line"));
    }

    /** SPEC §3.6: files waiting together are taken oldest first, by modification time, then name. */
    @Test
    void waitingFilesAreTakenOldestFirst() throws Exception {
        Instant now = Instant.now();
        age(write("a.csv", ledger("A")), now.minus(Duration.ofMinutes(1)));
        age(write("b.csv", ledger("B")), now.minus(Duration.ofMinutes(3)));
        age(write("c.csv", ledger("C")), now.minus(Duration.ofMinutes(2)));
        age(write("d.csv", ledger("D")), now.minus(Duration.ofMinutes(2)));
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(4).create();
        context.start();

        assertTrue(notify.matches(20, SECONDS), "four files processed within 20 s");

        List<String> order = new ArrayList<>();
        try (Connection c = services.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT file_name FROM ingest_batch ORDER BY id")) {
            while (rs.next()) {
                order.add(rs.getString(1));
            }
        }
        assertEquals(List.of("b.csv", "c.csv", "d.csv", "a.csv"), order);
        assertEquals(Set.of("a.csv", "b.csv", "c.csv", "d.csv"), files(datedFolder(".done")));
    }

    @Test
    void aFolderDroppedIntoTheInboxEndsInErrorWithItsReason() throws Exception {
        Path folder = Files.createDirectories(inbox.resolve("导出文件夹"));
        age(write("导出文件夹/明细账.csv", ledger("记-0009")), Instant.now().minusSeconds(60));
        age(folder, Instant.now().minusSeconds(60));
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute(InboxRoute.REFUSALS_ROUTE_ID).whenDone(1).create();
        context.start();

        assertTrue(notify.matches(20, SECONDS), "the folders were looked at within 20 s");

        Path error = datedFolder(".error");
        assertEquals(Set.of("导出文件夹.error.txt"), files(error));
        assertTrue(Files.isRegularFile(error.resolve("导出文件夹").resolve("明细账.csv")), "moved whole");
        assertTrue(Files.readString(error.resolve("导出文件夹.error.txt")).contains("是一个文件夹"));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_line"), "nothing inside a folder is read");
        assertEquals(1, services.filesFailed());
    }

    private static String[] ledger(String voucher) {
        return new String[] {LEDGER_HEADER, "2024,880001,2024-03-05," + voucher + ",1,P001,办公用品,30201 办公费,一般公共预算,10.00"};
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(inbox.resolve(name), (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void age(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = services.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String today() {
        return LocalDate.now(ReportService.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** inbox/<which>/<yyyyMMdd>/ for today (the day may turn while the test runs). */
    private Path datedFolder(String which) {
        Set<String> days = new TreeSet<>(List.of(dayBefore, today()));
        for (String day : days) {
            Path folder = inbox.resolve(which).resolve(day);
            if (Files.isDirectory(folder)) {
                return folder;
            }
        }
        throw new AssertionError("no " + inbox.resolve(which) + "/" + days);
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }
}
