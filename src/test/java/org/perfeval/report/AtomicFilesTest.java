package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private List<Path> files() throws IOException {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.toList();
        }
    }
}
