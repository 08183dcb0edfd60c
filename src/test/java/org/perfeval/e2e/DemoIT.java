package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.e2e.E2eHome.DEMO_DEPT;
import static org.perfeval.e2e.E2eHome.DEMO_FILES;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} on a fresh home (SPEC §2): the four bundled exports end in {@code .done}, the report
 * states the demo ledger's figures; then what can be done with that home: {@code demo} again (every
 * file a duplicate), {@code report} and {@code consolidate} rewriting report.json from the database.
 * The demo runs once; the tests that change the home work on a copy of it.
 */
class DemoIT {

    /** The demo ledger's 合计 row: 借方 99,851,041.68 − 贷方 171,567.89. */
    static final BigDecimal DEMO_SPENT = new BigDecimal("99679473.79");
    /** The demo budget's 全年预算数 (万元 in the workbook), in yuan. */
    static final BigDecimal DEMO_BUDGET_FINAL = new BigDecimal("101059829.35");

    @TempDir
    static Path shared;

    static E2eHome demoHome;
    static JarRunner.Result demoRun;

    @TempDir
    Path temp;

    @BeforeAll
    static void runDemoOnAFreshHome() {
        demoHome = E2eHome.in(shared);
        demoRun = JarRunner.create().run(demoHome.dir(), "demo");
    }

    /** A copy of the home the demo left, for a test that changes it. */
    private E2eHome copyOfDemoHome() throws IOException {
        demoRun.assertExit(0);
        E2eHome copy = E2eHome.in(temp);
        E2eHome.copyTree(demoHome.dir(), copy.dir());
        E2eDatabase.copy(demoHome.dir(), copy.dir());
        return copy;
    }

    @Test
    void demoExitsZeroAndEveryExampleEndsInDone() throws IOException {
        demoRun.assertExit(0);
        Set<String> inboxEntries;
        try (Stream<Path> s = Files.list(demoHome.inbox())) {
            inboxEntries = s.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
        assertEquals(Set.of(".done"), inboxEntries, () -> "inbox/ after demo: " + inboxEntries + "\n" + demoRun.describe());
        Path done = demoHome.datedFolder(".done");
        assertEquals(new TreeSet<>(DEMO_FILES), E2eHome.fileNames(done));
        for (String name : DEMO_FILES) {
            assertEquals(Files.size(E2eHome.DEMO.resolve(name)), Files.size(done.resolve(name)),
                    name + " was moved unchanged");
        }
    }

    @Test
    void reportJsonStatesTheDemoLedgerAndBudgetTotals() throws IOException {
        demoRun.assertExit(0);
        Path file = demoHome.reportFile(2024, DEMO_DEPT);
        assertTrue(Files.isRegularFile(file), () -> "no " + file + "\n" + demoRun.describe());
        JsonNode report = demoHome.report(2024, DEMO_DEPT);
        assertEquals(2024, report.path("fiscal_year").asInt());
        assertEquals(DEMO_DEPT, report.path("department").path("code").asText());
        JsonNode totals = report.path("totals");
        assertAmount(DEMO_SPENT, totals.path("spent"), "totals.spent");
        assertAmount(DEMO_BUDGET_FINAL, totals.path("budget_final"), "totals.budget_final");
        assertAmount(DEMO_BUDGET_FINAL.subtract(DEMO_SPENT), totals.path("balance"), "totals.balance");

        JsonNode projects = report.path("projects");
        assertTrue(projects.isArray() && projects.size() > 0, "projects is a non-empty array");
        List<String> codes = new ArrayList<>();
        projects.forEach(p -> codes.add(p.path("code").asText()));
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(null);
        assertEquals(sorted, codes, "projects are sorted by code");
        assertEquals(codes.size(), new TreeSet<>(codes).size(), "each project once");
    }

    @Test
    void logHasOneIngestedSummaryLinePerFile() throws IOException {
        demoRun.assertExit(0);
        String log = demoHome.logText();
        for (String name : DEMO_FILES) {
            long lines = log.lines().filter(l -> l.contains("ingested " + name + ":")).count();
            assertEquals(1, lines, () -> "one 'ingested " + name + ":' line in logs/perfeval.log\n" + log);
        }
        assertTrue(log.lines().anyMatch(l -> l.contains("ingested 2024年支出明细账.csv: kind=ledger")
                && l.contains("rows=2314") && l.contains("rejected=0")), log);
    }

    @Test
    void demoTwiceFindsOnlyDuplicatesAndLeavesTheFiguresAlone() throws IOException, SQLException {
        E2eHome home = copyOfDemoHome();
        JsonNode before = home.report(2024, DEMO_DEPT);
        long ledgerRows = home.number("SELECT COUNT(*) FROM ledger_line");
        long ledgerFen = home.number("SELECT SUM(amount) FROM ledger_line");

        JarRunner.Result second = JarRunner.create().run(home.dir(), "demo").assertExit(0);

        assertEquals(4, home.number("SELECT COUNT(*) FROM ingest_batch WHERE status = 'DUPLICATE'"), second::describe);
        assertEquals(4, home.number("SELECT COUNT(*) FROM ingest_batch WHERE status = 'INGESTED'"), second::describe);
        for (String name : DEMO_FILES) {
            assertEquals(1, home.number("SELECT COUNT(*) FROM ingest_batch WHERE file_name = ? AND status = 'DUPLICATE'",
                    name), name + " is a duplicate the second time");
        }
        assertEquals(ledgerRows, home.number("SELECT COUNT(*) FROM ledger_line"), "no ledger line added");
        assertEquals(ledgerFen, home.number("SELECT SUM(amount) FROM ledger_line"), "no amount added");
        assertEquals(Set.of(), home.filesLeftInInbox());
        assertEquals(new TreeSet<>(DEMO_FILES), E2eHome.fileNames(home.datedFolder(".done")));

        JsonNode after = home.report(2024, DEMO_DEPT);
        assertEquals(before.path("totals"), after.path("totals"), "report totals unchanged");
        assertAmount(DEMO_SPENT, after.path("totals").path("spent"), "totals.spent");
        assertEquals(before.path("projects"), after.path("projects"), "projects unchanged");
    }

    @Test
    void reportCommandRewritesReportJsonFromTheDatabase() throws IOException {
        E2eHome home = copyOfDemoHome();
        JsonNode before = home.report(2024, DEMO_DEPT);
        Files.delete(home.reportFile(2024, DEMO_DEPT));

        JarRunner.Result r = JarRunner.create().run(home.dir(), "report", "--year", "2024", "--dept", DEMO_DEPT)
                .assertExit(0);

        assertTrue(Files.isRegularFile(home.reportFile(2024, DEMO_DEPT)), r::describe);
        assertSameFigures(before, home.report(2024, DEMO_DEPT));
    }

    @Test
    void consolidateRewritesEveryReportFromTheDatabase() throws IOException {
        E2eHome home = copyOfDemoHome();
        JsonNode before = home.report(2024, DEMO_DEPT);
        Files.delete(home.reportFile(2024, DEMO_DEPT));

        JarRunner.Result r = JarRunner.create().run(home.dir(), "consolidate").assertExit(0);

        assertTrue(Files.isRegularFile(home.reportFile(2024, DEMO_DEPT)), r::describe);
        assertSameFigures(before, home.report(2024, DEMO_DEPT));
    }

    @Test
    void reportForADepartmentWithoutDataSaysSoAndExitsOne() throws IOException {
        E2eHome home = copyOfDemoHome();
        JarRunner.Result r = JarRunner.create().run(home.dir(), "report", "--year", "2030", "--dept", "999999");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.output().contains("999999"), () -> "the message names the department\n" + r.describe());
    }

    @Test
    void ingestLogLinesCarryTheInboxRouteId() throws IOException {
        demoRun.assertExit(0);
        String log = demoHome.logText();
        assertTrue(log.lines().filter(l -> l.contains("ingested ")).allMatch(l -> l.contains("[inbox]")), log);
    }

    @Test
    void demoUnderAPosixLocaleWorksOrExplainsTheLocale() {
        E2eHome home = E2eHome.in(temp);
        JarRunner.Result r = JarRunner.create().unsetEnv("LANG").unsetEnv("LANGUAGE").env("LC_ALL", "C")
                .run(home.dir(), "demo");
        assertTrue(r.exitCode() == 0 || r.output().contains("UTF-8") && !r.output().contains("InvalidPathException"),
                () -> "demo either works or says the locale must be UTF-8 (e.g. LANG=C.UTF-8)\n" + r.describe());
    }

    private static void assertSameFigures(JsonNode before, JsonNode after) {
        assertEquals(before.path("fiscal_year"), after.path("fiscal_year"));
        assertEquals(before.path("department"), after.path("department"));
        assertEquals(before.path("totals"), after.path("totals"), "totals");
        assertEquals(before.path("profile"), after.path("profile"), "profile");
        assertEquals(before.path("projects"), after.path("projects"), "projects");
        assertEquals(before.path("department_score"), after.path("department_score"), "department_score");
        assertAmount(DEMO_SPENT, after.path("totals").path("spent"), "totals.spent");
        assertFalse(after.path("generated_at").isMissingNode(), "generated_at");
    }

    static void assertAmount(BigDecimal expected, JsonNode actual, String what) {
        assertTrue(actual.isNumber(), () -> what + " is a JSON number: " + actual);
        assertEquals(0, expected.compareTo(actual.decimalValue()), () -> what + ": expected " + expected + " but was "
                + actual.decimalValue());
    }
}
