package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.perfeval.e2e.E2eHome.csvLine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} (SPEC §2): the long-running service picks up files dropped while it runs, regenerates the
 * affected report after the debounce, and stops on SIGTERM within 30 s with status 0 or 143.
 */
class RunIT {

    @TempDir
    Path temp;

    @Test
    void runIngestsDroppedFilesWritesTheReportAndStopsOnSigterm() throws Exception {
        E2eHome home = E2eHome.in(temp);
        Files.createDirectories(home.inbox());
        try (ServiceRun service = ServiceRun.start(home, JarRunner.create())) {
            home.dropCsv("budget.csv", 10, List.of(OnceIT.BUDGET_HEADER,
                    csvLine("2024", "660001", "运行局", "P001", "项目一", "项目支出", "10,000.00", "10,000.00")));
            home.dropCsv("ledger-1.csv", 5, List.of(OnceIT.LEDGER_HEADER,
                    csvLine("2024", "660001", "2024-05-01", "记-1", "1", "P001", "付款", "30201", "一般公共预算", "2,500.00")));

            service.await("report.json for 2024/660001 with spent 2,500.00", () ->
                    spent(home).compareTo(new BigDecimal("2500.00")) == 0);

            // a second export while the service keeps running: the report follows
            home.dropCsv("ledger-2.csv", 1, List.of(OnceIT.LEDGER_HEADER,
                    csvLine("2024", "660001", "2024-06-01", "记-2", "1", "P001", "付款", "30201", "一般公共预算", "1,000.00")));
            service.await("report.json updated to spent 3,500.00", () ->
                    spent(home).compareTo(new BigDecimal("3500.00")) == 0);
            assertEquals(Set.of(), home.filesLeftInInbox());
            assertEquals(Set.of("budget.csv", "ledger-1.csv", "ledger-2.csv"),
                    E2eHome.fileNames(home.datedFolder(".done")));
            service.stop(); // SIGTERM: gone within 30 s, status 0 or 143
        }
    }

    @Test
    void aSecondRunOnTheSameSqliteDatabaseIsRefusedWhileTheFirstRuns() throws Exception {
        assumeFalse(E2eDatabase.postgres(), "several nodes share a PostgreSQL database");
        E2eHome home = E2eHome.in(temp);
        Files.createDirectories(home.inbox());
        try (ServiceRun service = ServiceRun.start(home, JarRunner.create())) {
            JarRunner.Result second = JarRunner.create().env("PERFEVAL_HTTP_PORT", Integer.toString(ServiceRun.freePort()))
                    .run(home.dir(), "run");
            second.assertExit(1);
            assertTrue(second.output().contains("另一个 perfeval run 正在使用数据库")
                    && second.output().contains("SQLite allows one service"), second::describe);
            assertFalse(second.output().contains("\tat ") || second.output().contains("details in"), second::describe);
            assertFalse(Files.readString(home.dir().resolve("logs/perfeval.log")).contains("perfeval run failed"),
                    "no trace of the refusal in the running service's log");
            // the first goes on: a file dropped now is still ingested
            home.dropCsv("budget.csv", 1, List.of(OnceIT.BUDGET_HEADER,
                    csvLine("2024", "660001", "运行局", "P001", "项目一", "项目支出", "10,000.00", "10,000.00")));
            service.await("the first run ingests on", () -> Files.notExists(home.inbox().resolve("budget.csv")));
            service.stop();
        }
        // once it is gone, a run may start again
        try (ServiceRun again = ServiceRun.start(home, JarRunner.create())) {
            again.stop();
        }
    }

    private static BigDecimal spent(E2eHome home) {
        try {
            if (!Files.isRegularFile(home.reportFile(2024, "660001"))) {
                return BigDecimal.ONE.negate();
            }
            JsonNode totals = home.report(2024, "660001").path("totals");
            return totals.path("spent").isNumber() ? totals.path("spent").decimalValue() : BigDecimal.ONE.negate();
        } catch (IOException e) {
            return BigDecimal.ONE.negate(); // being replaced right now: look again
        }
    }
}
