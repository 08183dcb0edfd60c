package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.store.Database;

/** The DOWN sides of perfeval's health checks, which the running app cannot show. */
class HealthChecksTest {

    @TempDir
    Path dir;

    @Test
    void allUpOnAHealthyHome() throws Exception {
        Map<String, HealthCheck.Result> results = call(checks(dir.resolve("inbox"), 1));
        results.values().forEach(r -> assertEquals(HealthCheck.State.UP, r.getState(), r.getCheck().getId()));
        assertEquals(List.of("database", "disk-space", "inbox"), results.keySet().stream().sorted().toList());
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
        HealthCheck check = HealthChecks.create(database, dir, dir, 1).get(0);
        HealthCheck.Result result = check.call();
        assertEquals("database", check.getId());
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getError().isPresent());
    }

    private List<HealthCheck> checks(Path inbox, long minFreeMb) throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("data/perfeval.db"), null, null);
        return HealthChecks.create(database, inbox, dir, minFreeMb);
    }

    private static Map<String, HealthCheck.Result> call(List<HealthCheck> checks) {
        return checks.stream().map(HealthCheck::call)
                .collect(Collectors.toMap(r -> r.getCheck().getId(), Function.identity()));
    }
}
