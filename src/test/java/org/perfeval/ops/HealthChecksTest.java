package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.ReportService;
import org.perfeval.store.Database;

/** The DOWN sides of perfeval's health checks, which the running app cannot show. */
class HealthChecksTest {

    @TempDir
    Path dir;

    @Test
    void allUpOnAHealthyHome() throws Exception {
        Map<String, HealthCheck.Result> results = call(checks(dir.resolve("inbox"), 1));
        results.values().forEach(r -> assertEquals(HealthCheck.State.UP, r.getState(), r.getCheck().getId()));
        assertEquals(List.of("database", "disk-space", "inbox", "outbox"), results.keySet().stream().sorted().toList());
        assertTrue(results.get("database").getMessage().orElseThrow().startsWith("SELECT 1 answered"));
    }

    @Test
    void diskSpaceIsDownBelowTheMinimum() throws Exception {
        long moreThanAnyDisk = Long.MAX_VALUE / (1024 * 1024);
        HealthCheck.Result result = call(checks(dir.resolve("inbox"), moreThanAnyDisk)).get("disk-space");
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getDetails().containsKey("free_mb"));
        assertTrue(result.getMessage().orElseThrow().contains("MB needed"));
    }

    @Test
    void inboxIsDownWhenMissing() throws Exception {
        HealthCheck.Result result = call(checks(dir.resolve("no-such-inbox"), 1)).get("inbox");
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().contains("does not exist"));
    }

    @Test
    void databaseIsDownWhenItCannotBeQueried() throws Exception {
        Path file = dir.resolve("data/perfeval.db");
        Database database = Database.open("jdbc:sqlite:" + file, null, null);
        // a folder where the database file was: SQLite can no longer open it
        Files.delete(file);
        Files.createDirectory(file);
        HealthCheck check = HealthChecks.create(database, dir, dir, dir, 1, () -> null).get(0);
        HealthCheck.Result result = check.call();
        assertEquals("database", check.getId());
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getError().isPresent());
    }

    /** Deleted under a running process, the SQLite file is DOWN until its next use makes it again, empty. */
    @Test
    void databaseIsDownWhileItsFileIsDeletedAndUpOnceRecreated() throws Exception {
        Path file = dir.resolve("data/perfeval.db");
        Database database = Database.open("jdbc:sqlite:" + file, null, null);
        HealthCheck check = HealthChecks.create(database, dir, dir, dir, 1, () -> null).get(0);
        Files.delete(file);

        HealthCheck.Result lost = check.call();
        assertEquals(HealthCheck.State.DOWN, lost.getState());
        assertTrue(lost.getMessage().orElseThrow().contains("database file was deleted"), lost.getMessage()::get);
        assertFalse(Files.exists(file), "the check itself does not make an empty file look healthy");

        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ingest_batch")) {
            assertTrue(rs.next(), "the next use made the schema again");
            assertEquals(0, rs.getLong(1));
        }
        HealthCheck.Result recreated = check.call();
        assertEquals(HealthCheck.State.UP, recreated.getState());
        assertTrue(recreated.getMessage().orElseThrow().contains("recreated empty"), recreated.getMessage()::get);
        assertEquals(database.recreatedAt().toString(), recreated.getDetails().get("recreated_at"));
    }

    @Test
    void outboxIsDownWhenItIsAFileOrTheLastReportRunFailed() throws Exception {
        Path outbox = dir.resolve("outbox");
        Files.writeString(outbox, "not a folder");
        assertEquals(HealthCheck.State.DOWN, outboxCheck(outbox, null).getState());

        Files.delete(outbox);
        Files.createDirectories(outbox);
        assertEquals(HealthCheck.State.UP, outboxCheck(outbox, null).getState());

        ReportService.Failure failure = new ReportService.Failure(Instant.parse("2026-11-24T10:00:00Z"), "磁盘已满 disk full");
        HealthCheck.Result failed = outboxCheck(outbox, failure);
        assertEquals(HealthCheck.State.DOWN, failed.getState());
        assertTrue(failed.getMessage().orElseThrow().contains("2026-11-24T10:00:00Z"), failed.getMessage()::get);
        assertEquals(failure.problem(), failed.getDetails().get("problem"));
    }

    private HealthCheck.Result outboxCheck(Path outbox, ReportService.Failure failure) throws Exception {
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("data/perfeval.db"), null, null);
        return call(HealthChecks.create(database, dir, outbox, dir, 1, () -> failure)).get("outbox");
    }

    private List<HealthCheck> checks(Path inbox, long minFreeMb) throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("data/perfeval.db"), null, null);
        return HealthChecks.create(database, inbox, dir.resolve("outbox"), dir, minFreeMb, () -> null);
    }

    private static Map<String, HealthCheck.Result> call(List<HealthCheck> checks) {
        return checks.stream().map(HealthCheck::call)
                .collect(Collectors.toMap(r -> r.getCheck().getId(), Function.identity()));
    }
}
