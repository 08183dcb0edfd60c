package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home folder's sub-folders are made when missing; a file in the way of one is named plainly. Its config/ overrides
 * the built-in configuration file by file and key by key.
 */
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
    void aConfigFolderWithOnlyOneEditedSettingKeepsTheBuiltInRest() throws IOException {
        Settings settings = HomeConfig.withProperties(dir.resolve("home"), "perfeval.http.port = 18099");

        assertEquals("18099", settings.get("perfeval.http.port"));
        assertEquals("0 0 2 * * ?", settings.get("perfeval.consolidation.cron"), "a key it leaves out keeps its default");
        assertTrue(settings.get("perfeval.db.url").endsWith(dir.resolve("home/data/perfeval.db").toString()),
                settings.get("perfeval.db.url"));
        Home.ConfigDir configDir = settings.home().config();
        assertTrue(Files.isRegularFile(configDir.mappings().resolve("ledger.yaml")), "the built-in layouts");
        assertTrue(Files.isRegularFile(configDir.resolve("scoring.yaml")), "the built-in scoring rules");
        Services.validator(settings); // the layouts load
    }

    @Test
    void theHomesOwnLayoutsReplaceTheBuiltInOnes() throws IOException {
        Path mappings = Files.createDirectories(dir.resolve("home/config/mappings"));
        Settings settings = Settings.load(Home.open(dir.resolve("home")));
        assertEquals(mappings, settings.home().config().mappings());
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
