package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The native library is copied beside the database and named to sqlite-jdbc. The library of this test JVM is loaded
 * already, so the properties set here change nothing for other tests; they are put back all the same.
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

    @Test
    void theLibraryIsCopiedOnceBesideTheDatabaseAndNamedToSqliteJdbc() throws Exception {
        SqliteNativeLibrary.useCopyBeside(dir.resolve("data/perfeval.db"));
        Path folder = dir.resolve("data/native").resolve(SQLiteJDBCLoader.getVersion());
        Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());
        assertEquals(folder.toString(), System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertEquals(LibraryLoaderUtil.getNativeLibName(), System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath()
                + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(library));
        }
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file left");
        }

        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        FileTime written = Files.getLastModifiedTime(library);
        Files.setLastModifiedTime(library, FileTime.fromMillis(written.toMillis() - 60_000));
        SqliteNativeLibrary.useCopyBeside(dir.resolve("data/perfeval.db"));
        assertEquals(written.toMillis() - 60_000, Files.getLastModifiedTime(library).toMillis(),
                "a later start finds the copy and leaves it");

        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        Files.writeString(library, "not the library");
        SqliteNativeLibrary.useCopyBeside(dir.resolve("data/perfeval.db"));
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath()
                + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(library), "a changed copy is written again");
        }
    }

    @Test
    void anAdministratorsOwnLibraryPathStands() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/sqlite");
        SqliteNativeLibrary.useCopyBeside(dir.resolve("data/perfeval.db"));
        assertEquals("/opt/sqlite", System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertFalse(Files.exists(dir.resolve("data/native")));
    }

    @Test
    void withoutAPlaceForTheCopySqliteJdbcExtractsAsUsual() throws Exception {
        Files.writeString(dir.resolve("data"), "a file where the folder would be");
        SqliteNativeLibrary.useCopyBeside(dir.resolve("data/perfeval.db"));
        assertNull(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertNull(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
    }
}
