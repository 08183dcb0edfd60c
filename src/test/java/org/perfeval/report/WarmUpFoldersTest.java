package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that ends before its report warm-up has cleaned up leaves a folder; a later warm-up removes it. */
class WarmUpFoldersTest {

    @TempDir
    Path temp;

    private Path folder(String name, Instant modified) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("report.html"), "<html></html>");
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }

    @Test
    void warmUpFoldersOfEarlierRunsGoAndCurrentOnesAndOthersStay() throws Exception {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        Path stale = folder(ReportService.WARM_UP_PREFIX + "123", now.minus(ReportService.STALE_WARM_UP).minusSeconds(1));
        Path running = folder(ReportService.WARM_UP_PREFIX + "456", now.minus(Duration.ofSeconds(2)));
        Path other = folder("someone-else", now.minus(Duration.ofDays(3)));

        ReportService.removeStaleWarmUps(temp, now);

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(running.resolve("report.html")), "another process's warm-up is under way");
        assertTrue(Files.exists(other.resolve("report.html")));
        try (var left = Files.list(temp)) {
            assertEquals(2, left.count());
        }
    }
}
