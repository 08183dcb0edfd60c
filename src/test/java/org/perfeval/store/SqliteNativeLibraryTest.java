package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The native library kept beside the database. Its loading is not repeated here (the test JVM has loaded it for
 * the first database it opened, from that database's folder); every run of the jar does that part.
 */
class SqliteNativeLibraryTest {

    @TempDir
    Path dir;
    private String path;
    private String name;

    @BeforeEach
    void clearProperties() {
        path = System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        name = System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @AfterEach
    void restoreProperties() {
        restore(SqliteNativeLibrary.PATH_PROPERTY, path);
        restore(SqliteNativeLibrary.NAME_PROPERTY, name);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static byte[] jarsLibrary() throws Exception {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath()
                + "/" + LibraryLoaderUtil.getNativeLibName())) {
            return in.readAllBytes();
        }
    }

    @Test
    void theJarsLibraryIsWrittenOnceBesideTheDatabaseAndAgainWhenItDiffers() throws Exception {
        Path db = dir.resolve("data/perfeval.db");
        Path library = SqliteNativeLibrary.copyBeside(db);
        assertEquals(dir.resolve("data/native").resolve(SQLiteJDBCLoader.getVersion())
                .resolve(LibraryLoaderUtil.getNativeLibName()), library);
        assertArrayEquals(jarsLibrary(), Files.readAllBytes(library));
        try (var files = Files.list(library.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }

        FileTime earlier = FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() - 60_000);
        Files.setLastModifiedTime(library, earlier);
        SqliteNativeLibrary.copyBeside(db);
        assertEquals(earlier, Files.getLastModifiedTime(library), "a later start finds the copy and leaves it");

        Files.writeString(library, "not the library");
        SqliteNativeLibrary.copyBeside(db);
        assertArrayEquals(jarsLibrary(), Files.readAllBytes(library), "a changed copy is written again");
    }

    @Test
    void aCopyLeftHalfWrittenByAKilledProcessGoesAtALaterStart() throws Exception {
        Path db = dir.resolve("data/perfeval.db");
        Path library = SqliteNativeLibrary.copyBeside(db);
        String name = library.getFileName().toString();
        Path killed = Files.writeString(library.resolveSibling(name + "4711.tmp"), "half a library");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(SqliteNativeLibrary.LEFT_OVER)
                .minusSeconds(60)));
        Path writing = Files.writeString(library.resolveSibling(name + "4712.tmp"), "another process's copy");
        Path other = Files.writeString(library.resolveSibling("notes.tmp"), "not ours");

        SqliteNativeLibrary.copyBeside(db);
        assertArrayEquals(jarsLibrary(), Files.readAllBytes(library));
        assertFalse(Files.exists(killed), "the old temporary copy is removed");
        assertTrue(Files.exists(writing), "a copy still being written by another process stays");
        assertTrue(Files.exists(other), "only temporary copies of the library are touched");
    }

    @Test
    void theFolderOfAnEarlierVersionGoesWhenANewOneIsMade() throws Exception {
        Path old = Files.createDirectories(dir.resolve("data/native/3.0.0.0"));
        Files.writeString(old.resolve(LibraryLoaderUtil.getNativeLibName()), "an earlier library");
        Path library = SqliteNativeLibrary.copyBeside(dir.resolve("data/perfeval.db"));
        assertFalse(Files.exists(old));
        try (var folders = Files.list(dir.resolve("data/native"))) {
            assertEquals(List.of(library.getParent()), folders.toList());
        }
    }

    @Test
    void anAdministratorsOwnLibraryPathOrExtractionFolderStands() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/sqlite");
        assertFalse(SqliteNativeLibrary.loadCopyBeside(dir.resolve("data/perfeval.db")));
        assertEquals("/opt/sqlite", System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertFalse(Files.exists(dir.resolve("data/native")));

        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        System.setProperty("org.sqlite.tmpdir", dir.toString());
        try {
            assertFalse(SqliteNativeLibrary.loadCopyBeside(dir.resolve("data/perfeval.db")));
        } finally {
            System.clearProperty("org.sqlite.tmpdir");
        }
        assertNull(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertFalse(Files.exists(dir.resolve("data/native")));
    }

    @Test
    void withoutAPlaceForTheCopySqliteJdbcExtractsAsUsual() throws Exception {
        Files.writeString(dir.resolve("data"), "a file where the folder would be");
        assertFalse(SqliteNativeLibrary.loadCopyBeside(dir.resolve("data/perfeval.db")));
        assertNull(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertNull(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
    }
}
