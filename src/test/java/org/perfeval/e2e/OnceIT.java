package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.e2e.E2eHome.csvLine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code once} (SPEC §2, §3.1): exit status by outcome, files moved to .done/.error, and output paths kept safe. */
class OnceIT {

    static final String LEDGER_HEADER = csvLine("会计年度", "单位编码", "凭证日期", "凭证号", "分录号", "项目编码", "摘要",
            "经济分类科目", "资金性质", "支出金额");
    static final String BUDGET_HEADER = csvLine("年度", "单位编码", "单位名称", "项目编码", "项目名称", "支出类型",
            "年初预算数", "全年预算数");

    @TempDir
    Path temp;

    private E2eHome home;

    private E2eHome home() {
        if (home == null) {
            home = E2eHome.in(temp);
        }
        return home;
    }

    private Path goodLedger(String name, int ageMinutes) throws IOException {
        return home().dropCsv(name, ageMinutes, List.of(LEDGER_HEADER,
                csvLine("2024", "880001", "2024-03-05", "记-0001", "1", "P001", "办公用品", "30201 办公费", "一般公共预算", "1,200.50"),
                csvLine("2024", "880001", "2024-03-06", "记-0002", "1", "P002", "专家评审", "30203 咨询费", "一般公共预算", "800.00"),
                csvLine("2024", "880001", "2024-03-07", "记-0003", "1", "P001", "退回多付款", "30201 办公费", "一般公共预算", "(0.50)")));
    }

    private Path goodBudget(String name, int ageMinutes) throws IOException {
        return home().dropCsv(name, ageMinutes, List.of(BUDGET_HEADER,
                csvLine("2024", "880001", "测试局", "P001", "办公设备购置", "项目支出", "5,000.00", "5,000.00"),
                csvLine("2024", "880001", "测试局", "P002", "专家咨询", "项目支出", "1,000.00", "1,000.00")));
    }

    /**
     * A {@code once} that finds nothing to do (run by cron every few minutes, say) leaves nothing in the temporary
     * folder: no report warm-up is started for it, and SQLite's native library is kept beside the database.
     */
    @Test
    void onceWithNothingToDoLeavesNothingInTheTemporaryFolder() throws IOException {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        for (int run = 0; run < 2; run++) {
            JarRunner.create().jvmOption("-Djava.io.tmpdir=" + tmp).run(home().dir(), "once").assertExit(0);
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList());
            }
        }
        assertEquals(!E2eDatabase.postgres(), Files.isDirectory(home().dir().resolve("data/native")),
                "SQLite's library beside the database; none with PostgreSQL");
    }

    @Test
    void aFailingDatabaseStopsOnceWithStatusOneAndLeavesTheFileInTheInbox() throws IOException, SQLException {
        JarRunner.create().run(home().dir(), "once").assertExit(0); // creates the database
        E2eDatabase.breakInserts(home().dir(), "ledger_line");
        goodLedger("ledger.csv", 10);

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once");

        assertEquals(1, r.exitCode(), r::describe);
        assertEquals(Set.of("ledger.csv"), home().filesLeftInInbox(), "the file waits for the next run");
        assertEquals(0, home().number("SELECT COUNT(*) FROM ledger_line"));
        assertTrue(r.output().contains("file stays in inbox"), r::describe);
        assertFalse(r.output().contains("\tat org."), () -> "no stack trace\n" + r.describe());
    }

    @Test
    void onlyGoodFilesExitZeroAndEndInDone() throws IOException, SQLException {
        goodBudget("budget.csv", 20);
        goodLedger("ledger.csv", 10);

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once").assertExit(0);

        assertEquals(Set.of(), home().filesLeftInInbox(), r::describe);
        assertEquals(Set.of("budget.csv", "ledger.csv"), E2eHome.fileNames(home().datedFolder(".done")));
        assertFalse(Files.exists(home().inbox().resolve(".error")), "nothing in .error");
        assertEquals(3, home().number("SELECT COUNT(*) FROM ledger_line"));
        assertEquals(200000, home().number("SELECT SUM(amount) FROM ledger_line"), "Σ 2,000.00 yuan in fen");
        JsonNode report = home().report(2024, "880001");
        DemoIT.assertAmount(new BigDecimal("2000.00"), report.path("totals").path("spent"), "totals.spent");
        DemoIT.assertAmount(new BigDecimal("6000.00"), report.path("totals").path("budget_final"), "totals.budget_final");
    }

    @Test
    void aFailingFileExitsOneAndEndsInErrorWithItsExplanation() throws IOException, SQLException {
        goodLedger("ledger.csv", 20);
        home().dropCsv("unknown-layout.csv", 10, List.of("foo,bar,baz", "1,2,3", "4,5,6"));

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once").assertExit(1);

        assertEquals(Set.of(), home().filesLeftInInbox(), r::describe);
        assertEquals(Set.of("ledger.csv"), E2eHome.fileNames(home().datedFolder(".done")), "the good file is ingested");
        Path error = home().datedFolder(".error");
        assertEquals(Set.of("unknown-layout.csv", "unknown-layout.csv.error.txt"), E2eHome.fileNames(error));
        String text = Files.readString(error.resolve("unknown-layout.csv.error.txt"), StandardCharsets.UTF_8);
        assertTrue(text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                () -> "explanation in Chinese:\n" + text);
        assertTrue(text.matches("(?s).*\\b[Hh]eader\\b.*"), () -> "explanation in English names the header:\n" + text);
        assertFalse(text.contains("at org.") || text.contains("Exception"), () -> "no stack trace:\n" + text);
        assertEquals(3, home().number("SELECT COUNT(*) FROM ledger_line"), "the good file's rows are stored");
        assertTrue(home().logText().contains("unknown-layout.csv"), "the log names the failed file");
    }

    @Test
    void aNameTooLongForTheReadLockEndsInErrorInsteadOfWaitingForever() throws IOException {
        // 247 bytes: Camel's read lock could not create "<name>.camelLock" (257 bytes) and left the file in inbox
        String name = "很".repeat(81) + ".csv";
        goodLedger(name, 10);
        goodLedger("ledger.csv", 10);

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once").assertExit(1);

        assertEquals(Set.of(), home().filesLeftInInbox(), r::describe);
        Path error = home().datedFolder(".error");
        assertTrue(Files.isRegularFile(error.resolve(name)), r::describe);
        assertTrue(home().logText().contains("文件名太长（247 字节）"), r::describe);
        assertFalse(home().logText().contains("File name too long"), "no Camel warning with a stack trace");
        assertEquals(Set.of("ledger.csv"), E2eHome.fileNames(home().datedFolder(".done")));
    }

    @Test
    void anUnsupportedFileTypeEndsInErrorAndAHiddenFileIsLeftAlone() throws IOException {
        Path pdf = home().inbox().resolve("预算说明.pdf");
        Files.createDirectories(home().inbox());
        Files.write(pdf, "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
        E2eHome.age(pdf, 10);
        Path hidden = home().dropCsv(".~lock.ledger.csv", 10, List.of(LEDGER_HEADER));

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once").assertExit(1);

        Path error = home().datedFolder(".error");
        assertEquals(Set.of("预算说明.pdf", "预算说明.pdf.error.txt"), E2eHome.fileNames(error), r::describe);
        String text = Files.readString(error.resolve("预算说明.pdf.error.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("CSV") && text.contains("XLSX"), () -> "says which types are accepted:\n" + text);
        assertTrue(Files.exists(hidden), "hidden files are left alone");
    }

    /**
     * A department code is data from an untrusted export. {@code ../../evil} resolved naively under
     * {@code outbox/2024/} is {@code home/evil}, {@code ../../../evil} is beside the home folder.
     */
    @Test
    void aDepartmentCodeWithDotDotStaysInsideOutbox() throws IOException {
        Path sibling = Files.createDirectories(temp.resolve("sibling"));
        Files.writeString(sibling.resolve("keep.txt"), "untouched");
        home().dropCsv("evil-budget.csv", 10, List.of(BUDGET_HEADER,
                csvLine("2024", "../../evil", "坏单位", "P001", "测试项目", "项目支出", "1,000.00", "1,000.00"),
                csvLine("2024", "../../../evil", "更坏单位", "P001", "测试项目", "项目支出", "2,000.00", "2,000.00"),
                csvLine("2024", "/tmp/evil", "绝对路径", "P001", "测试项目", "项目支出", "3,000.00", "3,000.00")));
        TreeMap<String, Long> outsideBefore = outsideHome();

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once");

        assertEquals(outsideBefore, outsideHome(), () -> "nothing written beside the home folder\n" + r.describe());
        assertFalse(Files.exists(Path.of("/tmp/evil")), "nothing written at an absolute department path");
        for (String top : List.of("evil", "outbox/evil", "inbox/evil", "data/evil")) {
            assertFalse(Files.exists(home().dir().resolve(top)), () -> top + " must not exist");
        }
        List<Path> reports;
        try (Stream<Path> s = Files.walk(home().dir())) {
            reports = s.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        }
        assertFalse(reports.isEmpty(), () -> "the departments still get their reports\n" + r.describe());
        Path year = home().outbox().resolve("2024").toAbsolutePath().normalize();
        for (Path report : reports) {
            Path folder = report.toAbsolutePath().normalize().getParent();
            assertEquals(year, folder.getParent(), () -> "report folder directly in outbox/2024: " + folder);
            assertFalse(folder.getFileName().toString().startsWith("."), "no hidden or dot-dot folder: " + folder);
        }
        // the report keeps the code as exported: only the folder name is made safe
        Set<String> codes = new TreeSet<>();
        for (Path report : reports) {
            codes.add(new ObjectMapper().readTree(report.toFile())
                    .path("department").path("code").asText());
        }
        assertEquals(Set.of("../../evil", "../../../evil", "/tmp/evil"), codes);
        r.assertExit(0);
    }

    /** A report that cannot be written (a file where its folder belongs) fails report and consolidate. */
    @Test
    void reportAndConsolidateExitOneWhenAReportCannotBeWritten() throws IOException {
        goodBudget("budget.csv", 10);
        JarRunner.create().run(home().dir(), "once").assertExit(0);
        Path folder = home().reportFile(2024, "880001").getParent();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(folder, "in the way");

        JarRunner.Result report = JarRunner.create().run(home().dir(), "report", "--year", "2024").assertExit(1);
        assertTrue(report.output().contains("880001"), () -> "names what failed\n" + report.describe());
        assertFalse(report.output().contains("\tat org."), () -> "no stack trace\n" + report.describe());
        JarRunner.create().run(home().dir(), "consolidate").assertExit(1);
    }

    @Test
    void onceExitsOneWhenTheReportsCannotBeWritten() throws IOException {
        Files.createDirectories(home().outbox());
        Files.writeString(home().outbox().resolve("2024"), "in the way");
        goodBudget("budget.csv", 10);

        JarRunner.Result r = JarRunner.create().run(home().dir(), "once");

        assertEquals(1, r.exitCode(), () -> "the report for 2024/880001 was not written\n" + r.describe());
        assertFalse(r.output().contains("MessageId"), () -> "a plain message, not Camel's delivery dump\n" + r.describe());
    }

    /** Everything under the test's temp folder that is not the home folder. */
    private TreeMap<String, Long> outsideHome() throws IOException {
        TreeMap<String, Long> all = E2eHome.tree(temp);
        all.keySet().removeIf(k -> k.equals("home/") || k.startsWith("home/"));
        return all;
    }
}
