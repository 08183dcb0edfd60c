package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.perfeval.e2e.E2eHome.csvLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.perfeval.CrashPoints;
import org.perfeval.report.tables.ManifestWriter;

/**
 * SPEC §3.6: one file is ingested in one transaction, so a crash mid-file leaves nothing of it, the
 * file stays in {@code inbox/}, and the next run ingests it exactly once. The crash is a real SIGKILL
 * of the real jar while it is inside the ledger's transaction, part way through the file; a SIGTERM
 * at the same point must stop the service cleanly.
 */
class CrashConsistencyIT {

    static final int LINES = 300_000;
    static final int PROJECTS = 50;
    static final String DEPT = "770001";
    static final String LEDGER = "ledger-2024-big.csv";

    @TempDir
    Path temp;

    @Test
    void killedMidFileLeavesNothingAndTheRestartIngestsEveryLineExactlyOnce() throws Exception {
        E2eHome home = E2eHome.in(temp);

        // the matching budget, ingested on its own so that the ledger is the only writer later
        List<String> budget = new ArrayList<>(List.of(OnceIT.BUDGET_HEADER));
        for (int p = 0; p < PROJECTS; p++) {
            budget.add(csvLine("2024", DEPT, "压力测试局", project(p), "项目" + p, "项目支出", "5,000,000.00", "5,000,000.00"));
        }
        home.dropCsv("budget-2024.csv", 30, budget);
        JarRunner.create().run(home.dir(), "once").assertExit(0);
        long budgetRows = home.number("SELECT COUNT(*) FROM budget_line");
        assertEquals(PROJECTS, budgetRows);

        Ledger ledger = writeLedger(home.inbox().resolve(LEDGER));
        E2eHome.age(ledger.file(), 10);

        JarRunner.Running running = JarRunner.create().start(home.dir(), "once");
        String seen = awaitInsideTheLedgerTransaction(running, home, ledger);
        JarRunner.Result killed = running.kill();
        System.out.println("CrashConsistencyIT: SIGKILL sent when " + seen);

        // nothing of the ledger is stored, the file waits in the inbox
        Set<String> left = home.filesLeftInInbox();
        assertTrue(left.contains(LEDGER), () -> "the ledger stays in inbox/ after the crash (" + seen
                + "); inbox holds " + left + "\n" + killed.describe());
        assertFalse(Files.exists(home.inbox().resolve(".error")), "the crash is not a file error");
        assertEquals(0, home.number("SELECT COUNT(*) FROM ledger_line"), () -> "no ledger line survives the crash ("
                + seen + ")");
        assertEquals(0, home.number("SELECT COUNT(*) FROM ledger_total"), "no ledger sum survives the crash");
        assertEquals(0, home.number("SELECT COUNT(*) FROM ingest_batch WHERE file_name = ? AND status <> 'FAILED'",
                LEDGER), "no batch of the ledger survives the crash");
        assertEquals(budgetRows, home.number("SELECT COUNT(*) FROM budget_line"), "the earlier budget is untouched");

        // the restart ingests the whole file, once
        JarRunner.Result again = JarRunner.create().run(home.dir(), "once").assertExit(0);

        Set<String> leftAfter = home.filesLeftInInbox();
        assertEquals(Set.of(), leftAfter, () -> "inbox/ is empty again (no stale lock file either)\n"
                + again.describe());
        assertTrue(E2eHome.fileNames(home.datedFolder(".done")).contains(LEDGER));
        assertEquals(LINES, home.number("SELECT COUNT(*) FROM ledger_line"), "every line stored once");
        assertEquals(ledger.sumFen(), home.number("SELECT SUM(amount) FROM ledger_line"), "Σ amount exact");
        assertEquals(1, home.number("SELECT COUNT(*) FROM ingest_batch WHERE file_name = ? AND status = 'INGESTED'",
                LEDGER));
        assertEquals(budgetRows, home.number("SELECT COUNT(*) FROM budget_line"));
        DemoIT.assertAmount(BigDecimal.valueOf(ledger.sumFen(), 2),
                home.report(2024, DEPT).path("totals").path("spent"), "report totals.spent");
    }

    /**
     * SPEC §2 and §9: SIGTERM while {@code run} is inside a large file stops the service within 30 s
     * (status 0 or 143), and the file either completed or was rolled back and stays in inbox/; a later
     * {@code once} then leaves every line stored exactly once.
     */
    @Test
    void sigtermMidFileCompletesOrRollsBackTheFile() throws Exception {
        E2eHome home = E2eHome.in(temp);
        Files.createDirectories(home.inbox());
        Ledger ledger = writeLedger(home.inbox().resolve(LEDGER));
        E2eHome.age(ledger.file(), 10);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JarRunner.Running running = JarRunner.create().jvmOption("-Dperfeval.http.port=" + port).start(home.dir(), "run");
        String seen = awaitInsideTheLedgerTransaction(running, home, ledger);

        long stopping = System.nanoTime();
        running.process().destroy(); // SIGTERM
        JarRunner.Result stopped = running.await(Duration.ofSeconds(45));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping);
        System.out.println("CrashConsistencyIT: SIGTERM sent when " + seen + "; stopped in " + seconds + " s");

        assertTrue(seconds <= 30, () -> "stopped within 30 s of SIGTERM, took " + seconds + " s");
        assertTrue(stopped.exitCode() == 0 || stopped.exitCode() == 143, stopped::describe);
        long rows = home.number("SELECT COUNT(*) FROM ledger_line");
        Set<String> left = home.filesLeftInInbox();
        if (rows == 0) {
            assertTrue(left.contains(LEDGER), () -> "rolled back, so the ledger stays in inbox/: " + left);
        } else {
            assertEquals(LINES, rows, "completed, so every line is stored");
            assertFalse(left.contains(LEDGER), () -> "completed, so the ledger left inbox/: " + left);
        }

        JarRunner.create().run(home.dir(), "once").assertExit(0);
        assertEquals(LINES, home.number("SELECT COUNT(*) FROM ledger_line"), "every line stored once");
        assertEquals(ledger.sumFen(), home.number("SELECT SUM(amount) FROM ledger_line"), "Σ amount exact");
        Set<String> leftAfter = home.filesLeftInInbox();
        assertEquals(Set.of(), leftAfter, "inbox/ is empty");
    }

    // ------------------------------------------------------------------ SIGKILL at named points

    static final String POINT_DEPT = "770002";
    static final String CORRECTED = "ledger-2024.csv";

    /** A home whose budget and first ledger are stored and reported, copied for each kill below. */
    @TempDir
    static Path prepared;
    private static Ledger firstLedger;
    private static byte[] firstLedgerBytes;

    @BeforeAll
    static void prepareHome() throws Exception {
        E2eHome home = E2eHome.in(prepared);
        List<String> budget = new ArrayList<>(List.of(OnceIT.BUDGET_HEADER));
        for (int p = 0; p < 6; p++) {
            budget.add(csvLine("2024", POINT_DEPT, "断点测试局", project(p), "项目" + p, "项目支出", "90,000.00", "90,000.00"));
        }
        home.dropCsv("budget-2024.csv", 30, budget);
        firstLedger = smallLedger(home.inbox().resolve(CORRECTED), 600, 3);
        firstLedgerBytes = Files.readAllBytes(firstLedger.file());
        JarRunner.create().run(home.dir(), "once").assertExit(0);
        assertEquals(List.of(), ManifestWriter.verify(deptDir(home)), "the first report set is complete");
    }

    /**
     * SIGKILL at each {@link CrashPoints} point while a corrected ledger (same name, other amounts) replaces
     * the first one: right after the kill the database holds the old or the new ledger whole, the file is in
     * inbox/ or in .done/ (once), and the report set is the old one intact, or a set whose manifest shows it
     * is not complete; the restart then ends with the new figures exactly, a complete set and summary, an empty
     * inbox and no temporary files.
     */
    @ParameterizedTest(name = "SIGKILL at {0}")
    @ValueSource(strings = {CrashPoints.BEFORE_TRANSACTION, CrashPoints.BEFORE_COMMIT, CrashPoints.BEFORE_MOVE,
            CrashPoints.REPORT_STAGED, CrashPoints.REPORT_PUBLISHING, CrashPoints.SUMMARY})
    void killedAtAPointLeavesAConsistentStateAndTheRestartCompletesIt(String point) throws Exception {
        E2eHome base = E2eHome.in(prepared);
        E2eHome home = E2eHome.in(temp);
        E2eHome.copyTree(base.dir(), home.dir());
        E2eDatabase.copy(base.dir(), home.dir());
        Ledger corrected = smallLedger(home.inbox().resolve(CORRECTED), 700, 7);
        byte[] correctedBytes = Files.readAllBytes(corrected.file());

        JarRunner.Running running = JarRunner.create().jvmOption("-D" + CrashPoints.PROPERTY + "=" + point)
                .start(home.dir(), "once");
        awaitPause(running, point);
        JarRunner.Result killed = running.kill();
        System.out.println("CrashConsistencyIT: SIGKILL at " + point);

        // right after the kill: each part whole, old or new
        boolean committed = !point.equals(CrashPoints.BEFORE_TRANSACTION) && !point.equals(CrashPoints.BEFORE_COMMIT);
        boolean moved = committed && !point.equals(CrashPoints.BEFORE_MOVE);
        Ledger stored = committed ? corrected : firstLedger;
        assertLedgerStored(home, stored, "after the kill at " + point);
        assertEquals(1, copies(home, correctedBytes), () -> "the corrected ledger is in inbox/ or .done/, once: "
                + E2eHome.treeOrProblem(home.inbox()) + "\n" + killed.describe());
        assertEquals(!moved, Files.exists(home.inbox().resolve(CORRECTED)), "in inbox/ until moved");
        assertFalse(Files.exists(home.inbox().resolve(".error")), "a crash is not a file error");
        List<String> problems = ManifestWriter.verify(deptDir(home));
        if (point.equals(CrashPoints.REPORT_PUBLISHING)) {
            assertFalse(problems.isEmpty(), "the manifest shows the half-published set as incomplete");
        } else {
            assertEquals(List.of(), problems, "the set is complete");
            Ledger reported = point.equals(CrashPoints.SUMMARY) ? corrected : firstLedger;
            assertReported(home, reported, point.equals(CrashPoints.SUMMARY) ? firstLedger : reported);
        }

        // the restart finishes the work: the new figures everywhere, nothing half done, nothing left over
        JarRunner.Result again = JarRunner.create().run(home.dir(), "once").assertExit(0);
        String after = "after the restart (killed at " + point + ")\n" + again.describe();
        assertLedgerStored(home, corrected, after);
        assertEquals(Set.of(), home.filesLeftInInbox(), after);
        assertEquals(1, copies(home, correctedBytes), after);
        assertEquals(1, copies(home, firstLedgerBytes), "the first ledger stays in .done/");
        assertEquals(1, home.number("SELECT COUNT(*) FROM ingest_batch WHERE status = 'INGESTED' AND file_name = ?",
                CORRECTED), after);
        assertEquals(List.of(), ManifestWriter.verify(deptDir(home)), after);
        assertReported(home, corrected, corrected);
        assertEquals(0, home.number("SELECT COUNT(*) FROM report_pending"), "no report left marked out of date");
        assertEquals(List.of(), hiddenLeftovers(home.outbox()), "no temporary file or staging folder left in outbox/");
    }

    /** Waits for the child's line saying it stopped at the point; fails when it ends or takes more than 60 s. */
    private static void awaitPause(JarRunner.Running running, String point) {
        String line = "perfeval.test: paused at " + point;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!running.outputSoFar().contains(line)) {
            if (!running.isAlive()) {
                fail("'once' ended without reaching " + point + "\n" + running.outputSoFar());
            }
            if (System.nanoTime() > deadline) {
                running.kill();
                fail("'once' did not reach " + point + " within 60 s\n" + running.outputSoFar());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static Path deptDir(E2eHome home) {
        return home.outbox().resolve("2024").resolve(POINT_DEPT);
    }

    /** Every ledger line of exactly one of the two files, and nothing of the other. */
    private static void assertLedgerStored(E2eHome home, Ledger ledger, String when) throws Exception {
        assertEquals(ledger.lines(), home.number("SELECT COUNT(*) FROM ledger_line"), () -> "ledger lines " + when);
        assertEquals(ledger.sumFen(), home.number("SELECT SUM(amount) FROM ledger_line"), () -> "Σ amount " + when);
        assertEquals(PROJECTS_OF_POINTS, home.number("SELECT COUNT(*) FROM budget_line"), () -> "budget lines " + when);
    }

    /** report.json's and the year summary's spending, to the fen. */
    private static void assertReported(E2eHome home, Ledger inReport, Ledger inSummary) throws IOException {
        DemoIT.assertAmount(BigDecimal.valueOf(inReport.sumFen(), 2),
                home.report(2024, POINT_DEPT).path("totals").path("spent"), "report.json totals.spent");
        JsonNode summary = JSON.readTree(home.outbox().resolve("2024").resolve("summary.json").toFile());
        DemoIT.assertAmount(BigDecimal.valueOf(inSummary.sumFen(), 2),
                summary.path("departments").path(0).path("spent"), "summary.json spent");
    }

    /** How many files with exactly these bytes are in inbox/ itself and anywhere under inbox/.done/. */
    private static long copies(E2eHome home, byte[] content) throws IOException {
        long n = 0;
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> top = Files.list(home.inbox())) {
            top.filter(Files::isRegularFile).forEach(candidates::add);
        }
        Path done = home.inbox().resolve(".done");
        if (Files.isDirectory(done)) {
            try (Stream<Path> all = Files.walk(done)) {
                all.filter(Files::isRegularFile).forEach(candidates::add);
            }
        }
        for (Path file : candidates) {
            if (java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                n++;
            }
        }
        return n;
    }

    /** Paths under outbox/ with a segment starting with a dot: temporary files, staging folders. */
    private static List<String> hiddenLeftovers(Path outbox) throws IOException {
        return E2eHome.tree(outbox).keySet().stream().filter(p -> p.startsWith(".") || p.contains("/.")).toList();
    }

    static final int PROJECTS_OF_POINTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A ledger of {@code lines} lines over the six projects, amounts varied by {@code seed}; returns Σ in fen. */
    private static Ledger smallLedger(Path file, int lines, int seed) throws IOException {
        long sum = 0;
        List<String> out = new ArrayList<>(List.of(OnceIT.LEDGER_HEADER));
        for (int i = 0; i < lines; i++) {
            long fen = (i * 7919L * seed) % 900_000L + 1;
            sum += fen;
            out.add(csvLine("2024", POINT_DEPT, String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28), "记-" + i, "1",
                    project(i % PROJECTS_OF_POINTS), "第" + i + "笔", "30201 办公费", "一般公共预算",
                    BigDecimal.valueOf(fen, 2).toPlainString()));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, (String.join("\r\n", out) + "\r\n").getBytes(StandardCharsets.UTF_8));
        E2eHome.age(file, 10);
        return new Ledger(file, sum, lines);
    }

    private static String project(int p) {
        return String.format("P%03d", p);
    }

    record Ledger(Path file, long sumFen, int lines) {
    }

    /** 300,000 lines, three per voucher, in the amount spellings exports use; returns Σ in fen. */
    private static Ledger writeLedger(Path file) throws IOException {
        long sum = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(OnceIT.LEDGER_HEADER);
            out.write("\r\n");
            for (int i = 0; i < LINES; i++) {
                long fen = (i * 7919L) % 5_000_000L + 1;
                if (i % 97 == 0) {
                    fen = -fen;
                }
                sum += fen;
                String yuan = BigDecimal.valueOf(fen, 2).toPlainString();
                String amount = switch (i % 4) {
                    case 0 -> yuan;
                    case 1 -> fen < 0 ? "(" + BigDecimal.valueOf(-fen, 2).toPlainString() + ")" : yuan;
                    case 2 -> String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen, 2));
                    default -> " " + yuan + " ";
                };
                int month = 1 + i % 12;
                out.write(csvLine("2024", DEPT, String.format("2024-%02d-%02d", month, 1 + i % 28),
                        "记-" + (i / 3), Integer.toString(i % 3 + 1), project(i % PROJECTS), "支付第" + i + "笔款项",
                        "30201 办公费", "一般公共预算", amount));
                out.write("\r\n");
            }
        }
        return new Ledger(file, sum, LINES);
    }

    /**
     * Waits until the process is inside the ledger's database transaction and has read a good part of
     * the file: a write transaction is open (probed without waiting) and, where
     * {@code /proc} shows it, the process's read position in the ledger is past 30 %. Bounded by a deadline.
     */
    private static String awaitInsideTheLedgerTransaction(JarRunner.Running running, E2eHome home, Ledger ledger)
            throws IOException {
        long size = Files.size(ledger.file());
        Path real = ledger.file().toRealPath();
        boolean proc = Files.isDirectory(Path.of("/proc/" + ProcessHandle.current().pid() + "/fdinfo"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long lockedSince = 0;
        while (true) {
            if (!running.isAlive()) {
                fail("'once' finished before it could be killed inside the ledger's transaction: make the ledger"
                        + " larger\n" + running.outputSoFar());
            }
            if (System.nanoTime() > deadline) {
                running.kill();
                fail("'once' was never seen inside the ledger's transaction within 60 s\n" + running.outputSoFar());
            }
            // where /proc shows the read position, the database is probed only once the file is being read:
            // a probe while the process creates the database (switching it to WAL) would make that fail
            long pos = proc ? readPosition(running.pid(), real) : -1;
            boolean reading = !proc || pos >= size * 3 / 10 && pos < size;
            if (reading && E2eDatabase.writeTransactionOpen(home.dir())) {
                if (lockedSince == 0) {
                    lockedSince = System.nanoTime();
                }
                if (proc) {
                    return "write lock held, read position " + pos + " of " + size + " bytes";
                } else if (System.nanoTime() - lockedSince > TimeUnit.SECONDS.toNanos(1)) {
                    return "write lock held for 1 s";
                }
            } else {
                lockedSince = 0;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** The process's read offset in the file (Linux {@code /proc/PID/fdinfo}); -1 when it does not have it open. */
    static long readPosition(long pid, Path file) {
        Path fds = Path.of("/proc/" + pid + "/fd");
        try (Stream<Path> s = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file)) {
                        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/fdinfo/" + fd.getFileName()))) {
                            if (line.startsWith("pos:")) {
                                return Long.parseLong(line.substring(4).strip());
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the descriptor closed between listing and reading
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
