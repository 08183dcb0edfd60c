package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.perfeval.e2e.E2eHome.csvLine;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

import org.perfeval.report.tables.ManifestWriter;

/**
 * Issue 5, faults of the service's surroundings, with the real jar: the SQLite database locked by another
 * process, the disk full while reports are written, an outbox that is not a folder, and the database file
 * deleted while {@code run} is up. In each, no file is lost or stored twice, and the service recovers once
 * the fault is gone.
 */
class FaultsIT {

    static final String DEPT = "550001";
    static final String LOCKED = "The database is locked by another program";
    static final String REPORTS_WRITTEN = "reports written for 1 department-year(s)";

    @TempDir
    Path temp;

    /**
     * Another program holds SQLite's write lock ({@code BEGIN EXCLUSIVE}, as a sqlite3 shell or a backup
     * tool in a transaction would): each attempt at the file waits the busy timeout, fails with a bilingual
     * line and leaves the file in inbox/; the inbox backs off and tries again; once the lock goes the file
     * is stored, once.
     */
    @Test
    void aDatabaseLockedByAnotherProcessKeepsTheFileWaitingInTheInboxUntilTheLockGoes() throws Exception {
        assumeFalse(E2eDatabase.postgres(), "SQLite's file lock");
        E2eHome home = E2eHome.in(temp);
        Files.createDirectories(home.inbox());
        try (ServiceRun service = ServiceRun.start(home, JarRunner.create()
                .jvmOption("-Dperfeval.db.busy-timeout-ms=300").jvmOption("-Dperfeval.reports.debounce-ms=300"))) {
            Ledger ledger;
            try (Connection lock = home.connect(); Statement s = lock.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                ledger = dropLedger(home, "ledger-locked.csv", 40, 1);
                service.await("two attempts refused by the lock", () -> occurrences(service.running().outputSoFar(),
                        LOCKED) >= 2);
                assertTrue(Files.exists(ledger.file()), "the file waits in inbox/");
                assertFalse(Files.exists(home.inbox().resolve(".error")), "a lock is no fault of the file");
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ingest_batch")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getLong(1), "nothing recorded while locked");
                }
                String output = service.running().outputSoFar();
                assertTrue(output.contains("数据库被另一个程序锁定"), "said in Chinese too");
                assertTrue(output.lines().filter(l -> l.contains(LOCKED)).allMatch(l -> l.contains("[ledger-locked.csv ")),
                        () -> "each retry's line names the file, as grep '[<file> ' expects\n" + output);
                assertFalse(output.contains("Failed delivery") || output.contains("Rollback file strategy"),
                        () -> "perfeval's line alone, not Camel's too\n" + output);
                s.execute("ROLLBACK");
            }
            service.await("the ledger stored once the lock is gone", () -> !Files.exists(ledger.file()));
            assertEquals(Set.of("ledger-locked.csv"), E2eHome.fileNames(home.datedFolder(".done")));
            assertLedger(home, ledger.lines(), ledger.sumFen());
            service.await("the report", () -> spentIs(home, ledger.sumFen()));
            service.stop();
        }
    }

    /**
     * The disk fills up while reports are written. Real enough and without privileges: {@code prlimit
     * --fsize} gives the {@code report} command a file size limit, so the kernel fails every write past
     * {@value #FILE_LIMIT} bytes of a file with EFBIG, at whatever point the report writers are (the same
     * failing {@code write(2)} as ENOSPC). The larger report files cannot be written: the command fails with
     * a bilingual message, and every earlier report file is byte for byte as it was, its manifest intact.
     */
    @Test
    void aDiskFullWhileWritingReportsLeavesTheEarlierReportsAsTheyWere() throws Exception {
        Path prlimit = Path.of("/usr/bin/prlimit");
        assumeTrue(Files.isExecutable(prlimit), "prlimit (util-linux) sets the file size limit");
        E2eHome home = E2eHome.in(temp);
        E2eHome.copyDemoFiles(home.inbox());
        JarRunner.create().run(home.dir(), "once").assertExit(0);
        Path dept = home.outbox().resolve("2024").resolve(E2eHome.DEMO_DEPT);
        assertEquals(List.of(), ManifestWriter.verify(dept));
        Map<String, String> before = hashes(home.outbox());
        long largest = E2eHome.tree(dept).values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(largest > FILE_LIMIT, "a report file larger than the limit, else nothing fails: " + largest);

        JarRunner.Result full = fileSizeLimited(home, prlimit).run(home.dir(), "report");
        assertEquals(1, full.exitCode(), full::describe);
        assertTrue(full.output().contains("报告未能写入 outbox 文件夹") && full.output().contains("File too large"),
                full::describe);
        assertEquals(before, hashes(home.outbox()), "every earlier report file is as it was");
        assertEquals(List.of(), ManifestWriter.verify(dept));

        // space again: the next run writes the reports
        JarRunner.create().run(home.dir(), "report").assertExit(0);
        assertEquals(List.of(), ManifestWriter.verify(dept));
        assertTrue(E2eHome.tree(home.outbox()).keySet().stream().noneMatch(p -> p.contains("/.") || p.startsWith(".")),
                "no staging folder or temporary file left in outbox/");
        DemoIT.assertAmount(BigDecimal.valueOf(home.number("SELECT SUM(amount) FROM ledger_line"), 2),
                home.report(2024, E2eHome.DEMO_DEPT).path("totals").path("spent"), "report.json totals.spent");
    }

    static final long FILE_LIMIT = 40_000;

    /**
     * The jar under {@code prlimit --fsize}. SQLite's native library is given ready, from the test's class
     * path: the driver would otherwise unpack it into /tmp at start, a file far above the limit.
     */
    private JarRunner fileSizeLimited(E2eHome home, Path prlimit) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        Path lib = Files.createDirectories(temp.resolve("sqlite-native"));
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(
                "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name)) {
            assumeTrue(in != null, "sqlite-jdbc has no native library for this platform in its jar");
            Files.copy(in, lib.resolve(name));
        }
        return JarRunner.create().launcher(prlimit.toString(), "--fsize=" + FILE_LIMIT + ":" + FILE_LIMIT, "--")
                .jvmOption("-Dorg.sqlite.lib.path=" + lib).jvmOption("-Dorg.sqlite.lib.name=" + name)
                .jvmOption("-XX:-UsePerfData");
    }

    /**
     * {@code outbox} becomes a regular file (as root, permission bits would not stop the service: a file
     * where a folder should be does). Files without rejects are still stored; a file with rejects waits in
     * inbox/, as its rejects file cannot be written; the reports fail with a bilingual line, the
     * {@code outbox} health check goes DOWN, and when the folder is back the waiting file, the reports and
     * the health follow.
     */
    @Test
    void anOutboxThatIsNoFolderStopsTheReportsNotTheIngestionAndEverythingFollowsWhenItIsBack() throws Exception {
        E2eHome home = E2eHome.in(temp);
        Ledger first = dropLedger(home, "ledger-1.csv", 20, 1);
        try (ServiceRun service = reportedService(home, first)) {
            assertEquals("UP", service.check("outbox"));

            Path moved = Files.move(home.outbox(), temp.resolve("outbox-moved"));
            Files.writeString(home.outbox(), "a file where the outbox folder was");
            Ledger second = dropLedger(home, "ledger-2.csv", 30, 2);
            service.await("the second ledger stored", () -> !Files.exists(second.file()));
            assertLedger(home, first.lines() + second.lines(), first.sumFen() + second.sumFen());
            service.await("the outbox check DOWN", () -> "DOWN".equals(service.check("outbox")));
            assertEquals(503, service.healthStatus());
            service.await("the reports' failure, said in Chinese and English", () -> {
                String output = service.running().outputSoFar();
                return output.contains("报告未能写入 outbox 文件夹") && output.contains(
                        "Reports could not be written to the outbox folder");
            });
            assertTrue(service.checkNode("outbox").path("data").path("problem").asText().contains("Not a directory"),
                    () -> "the reason among the check's details: " + service.checkNode("outbox"));

            // 1 unusable row of 10 is accepted, but its rejects file has nowhere to go: the file waits
            Path withRejects = home.dropCsv("ledger-3.csv", 10, ledgerLines(3, 9, "不是金额"));
            service.await("the file with rejects refused for now", () -> service.running().outputSoFar()
                    .contains("ledger-3.csv was not ingested yet"));
            assertTrue(Files.exists(withRejects), "it waits in inbox/");

            Files.delete(home.outbox());
            Files.move(moved, home.outbox());
            service.await("the waiting file stored", () -> !Files.exists(withRejects));
            long all = first.sumFen() + second.sumFen() + 9 * fen(3);
            service.await("the report with every file", () -> spentIs(home, all));
            service.await("health UP again", () -> service.healthStatus() == 200);
            // the retried run and the run for the waiting file may both write the set: a set is published file by
            // file, so the manifest is checked once no run is publishing, and must then match
            Path set = home.outbox().resolve("2024").resolve(DEPT);
            service.await("a complete set", () -> ManifestWriter.verify(set).isEmpty());
            assertTrue(spentIs(home, all));
            assertTrue(Files.isRegularFile(home.outbox().resolve("rejects/ledger-3.csv.rejects.csv")));
            assertFalse(Files.exists(home.inbox().resolve(".error")));
            service.stop();
        }
    }

    /**
     * The SQLite file is deleted while {@code run} is up. The driver would make an empty file without tables
     * on the next connection, or go on writing to the deleted one; instead the {@code database} check is
     * DOWN while the file is missing, the next use makes a new database with the schema and logs that the
     * data was lost, files dropped from then on are stored, and the reports they touch are written.
     */
    @Test
    void aDatabaseFileDeletedWhileRunningIsShownDownAndMadeAgainAtTheNextUse() throws Exception {
        assumeFalse(E2eDatabase.postgres(), "the SQLite file");
        E2eHome home = E2eHome.in(temp);
        Ledger before = dropLedger(home, "ledger-before.csv", 20, 1);
        try (ServiceRun service = reportedService(home, before)) {
            assertEquals(200, service.healthStatus());

            Files.delete(home.database());
            service.await("the database check DOWN", () -> "DOWN".equals(service.check("database")));
            assertEquals(503, service.healthStatus());
            assertTrue(service.checkNode("database").path("message").asText().contains("database file was deleted"));

            Ledger after = dropLedger(home, "ledger-after.csv", 30, 2);
            service.await("the new ledger stored", () -> !Files.exists(after.file()));
            assertLedger(home, after.lines(), after.sumFen());
            String output = service.running().outputSoFar();
            assertTrue(output.contains("was deleted while perfeval was running") && output.contains("在运行中被删除"),
                    output);
            service.await("health UP again", () -> service.healthStatus() == 200);
            assertTrue(service.checkNode("database").path("message").asText().contains("recreated empty"));
            service.await("the report from what the new database holds", () -> spentIs(home, after.sumFen()));
            service.stop();
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * {@code run} with a short debounce, once it has stored and reported the ledger waiting in the inbox and
     * its report run is over (summary and marks too), so that nothing uses the database or the outbox now.
     */
    private static ServiceRun reportedService(E2eHome home, Ledger ledger) throws IOException {
        ServiceRun service = ServiceRun.start(home, JarRunner.create().jvmOption("-Dperfeval.reports.debounce-ms=300"));
        try {
            service.await("the first report", () -> spentIs(home, ledger.sumFen()));
            service.await("the end of the report run", () -> service.running().outputSoFar().contains(REPORTS_WRITTEN));
            return service;
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
    }

    record Ledger(Path file, int lines, long sumFen) {
    }

    private static long fen(int seed) {
        return 10_000L + seed;
    }

    /** Lines with vouchers of their own per seed (so files add up instead of replacing each other). */
    private static List<String> ledgerLines(int seed, int lines, String extraAmount) {
        List<String> out = new ArrayList<>(List.of(OnceIT.LEDGER_HEADER));
        for (int i = 0; i < lines; i++) {
            out.add(csvLine("2024", DEPT, "2024-04-0" + (1 + i % 9), "记-" + seed + "-" + i, "1", "P00" + (i % 3),
                    "付款", "30201 办公费", "一般公共预算", BigDecimal.valueOf(fen(seed), 2).toPlainString()));
        }
        if (extraAmount != null) {
            out.add(csvLine("2024", DEPT, "2024-04-10", "记-" + seed + "-x", "1", "P000", "付款", "30201 办公费",
                    "一般公共预算", extraAmount));
        }
        return out;
    }

    private static Ledger dropLedger(E2eHome home, String name, int lines, int seed) throws IOException {
        return new Ledger(home.dropCsv(name, 10, ledgerLines(seed, lines, null)), lines, lines * fen(seed));
    }

    private static void assertLedger(E2eHome home, long lines, long sumFen) throws Exception {
        assertEquals(lines, home.number("SELECT COUNT(*) FROM ledger_line"), "ledger lines, each once");
        assertEquals(sumFen, home.number("SELECT SUM(amount) FROM ledger_line"), "Σ amount, exact");
    }

    /** report.json of the department says this spending (false while it is missing or being replaced). */
    private static boolean spentIs(E2eHome home, long fen) {
        try {
            JsonNode spent = home.report(2024, DEPT).path("totals").path("spent");
            return spent.isNumber() && spent.decimalValue().compareTo(BigDecimal.valueOf(fen, 2)) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** SHA-256 of every file under a folder, by relative path. */
    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : E2eHome.tree(root).entrySet()) {
            if (e.getValue() >= 0) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(root.resolve(e.getKey())));
                out.put(e.getKey(), HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }
}
