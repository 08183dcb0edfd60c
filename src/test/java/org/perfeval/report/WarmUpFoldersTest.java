package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that ends before its report warm-up has cleaned up leaves a folder; a later warm-up removes it. */
class WarmUpFoldersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant STALE = NOW.minus(ReportService.STALE_WARM_UP).minusSeconds(1);

    @TempDir
    Path temp;
    @TempDir
    Path elsewhere;

    private Path folder(String name, Instant modified) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("report.html"), "<html></html>");
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }

    private List<String> left() throws Exception {
        try (var entries = Files.list(temp)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void warmUpFoldersOfEarlierRunsGoAndCurrentOnesAndOthersStay() throws Exception {
        Path ours = folder(ReportService.WARM_UP_PREFIX + "1", NOW);
        folder(ReportService.WARM_UP_PREFIX + "2", STALE);
        Path running = folder(ReportService.WARM_UP_PREFIX + "3", NOW.minus(Duration.ofSeconds(2)));
        Path other = folder("someone-else", NOW.minus(Duration.ofDays(3)));

        ReportService.removeStaleWarmUps(ours, NOW);

        assertEquals(List.of(ReportService.WARM_UP_PREFIX + "1", ReportService.WARM_UP_PREFIX + "3", "someone-else"),
                left());
        assertTrue(Files.exists(running.resolve("report.html")), "another process's warm-up is under way");
        assertTrue(Files.exists(other.resolve("report.html")));
    }

    /** In a shared temporary folder a link is removed as a link: what it names stays, wherever it is. */
    @Test
    void linksAreNeverFollowed() throws Exception {
        Path ours = folder(ReportService.WARM_UP_PREFIX + "1", NOW);
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep");
        Files.createDirectories(elsewhere.resolve("dir"));
        Files.writeString(elsewhere.resolve("dir/inside.txt"), "keep");
        Path linkToFolder = Files.createSymbolicLink(temp.resolve(ReportService.WARM_UP_PREFIX + "link"),
                elsewhere.resolve("dir"));
        Path withLinks = folder(ReportService.WARM_UP_PREFIX + "2", NOW);
        Files.createSymbolicLink(withLinks.resolve("file-link"), precious);
        Files.createSymbolicLink(withLinks.resolve("dir-link"), elsewhere.resolve("dir"));
        Files.setLastModifiedTime(withLinks, FileTime.from(STALE));
        Path withFolder = folder(ReportService.WARM_UP_PREFIX + "3", NOW);
        Files.createDirectories(withFolder.resolve("sub"));
        Files.setLastModifiedTime(withFolder, FileTime.from(STALE));

        ReportService.removeStaleWarmUps(ours, NOW);

        assertFalse(Files.exists(withLinks, LinkOption.NOFOLLOW_LINKS), "its links went, and with them the folder");
        assertEquals("keep", Files.readString(precious));
        assertEquals("keep", Files.readString(elsewhere.resolve("dir/inside.txt")));
        assertTrue(Files.isSymbolicLink(linkToFolder), "a link named like a warm-up folder is not one");
        assertTrue(Files.isDirectory(withFolder.resolve("sub")), "a folder a warm-up does not make stays");
    }
}
