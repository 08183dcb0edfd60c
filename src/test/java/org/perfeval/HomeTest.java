package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home folder's sub-folders are made when missing; a file in the way of one is named plainly. */
class HomeTest {

    @TempDir
    Path dir;

    @Test
    void missingFoldersAreCreated() throws IOException {
        Home home = Home.open(dir.resolve("home"));
        for (Path folder : new Path[] {home.inbox(), home.outbox(), home.data(), home.dir().resolve("logs")}) {
            assertTrue(Files.isDirectory(folder), folder.toString());
        }
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamedInBothLanguages() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("outbox"), "not a folder");
        IOException e = assertThrows(IOException.class, () -> Home.open(home));
        assertTrue(e.getMessage().contains("无法创建文件夹") && e.getMessage().contains("Cannot create the folder")
                && e.getMessage().contains(home.resolve("outbox").toString()), e.getMessage());
    }
}
