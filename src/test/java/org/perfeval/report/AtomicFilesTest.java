package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are replaced whole or not at all: a reader never sees half a file. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewVersionReplacesTheOldOneWholeAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("new content".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new content", Files.readString(target));
        assertEquals(List.of(target), files());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "readable by the web server and the file share, like any report");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileIntact() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(), "no temporary file left behind");
    }

    @Test
    void theTemporaryFileOfAKilledWriterGoesWhenTheSameFileIsWrittenAgain() throws IOException {
        Path leftover = Files.writeString(dir.resolve(".report.json-8123456789012345678.tmp"), "half");
        Path otherTarget = Files.writeString(dir.resolve(".summary.json-8123456789012345678.tmp"), "half");
        Path notOurs = Files.writeString(dir.resolve(".report.json-backup.tmp"), "someone else's");
        AtomicFiles.write(dir.resolve("report.json"), out -> out.write('1'));
        assertEquals(List.of(notOurs, otherTarget, dir.resolve("report.json")), files().stream().sorted().toList(),
                "only the leftover of report.json itself went: " + leftover);
    }

    @Test
    void aNameNearTheFileSystemLimitGetsAShortTemporaryName() throws IOException {
        // 80 CJK characters are 240 bytes: with the ".<name>-<digits>.tmp" around them, more than 255
        Path target = dir.resolve("预".repeat(80) + ".csv");
        Path temp = AtomicFiles.createTemp(target);
        assertTrue(temp.getFileName().toString().getBytes(StandardCharsets.UTF_8).length < 64, temp.toString());
        AtomicFiles.write(target, out -> out.write('1'));
        assertEquals(List.of(target), files(), "the earlier temporary file of the same target was removed too");
    }

    @Test
    void removeTemporaryFilesClearsEveryTargetsLeftoversAndNothingElse() throws IOException {
        Files.writeString(dir.resolve(".report.html-77.tmp"), "half");
        Files.writeString(dir.resolve(".manifest.json-78.tmp"), "half");
        Path report = Files.writeString(dir.resolve("report.json"), "whole");
        Path hidden = Files.writeString(dir.resolve(".hidden"), "not a temporary file");
        AtomicFiles.removeTemporaryFiles(dir);
        assertEquals(List.of(hidden, report), files().stream().sorted().toList());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.toList();
        }
    }
}
