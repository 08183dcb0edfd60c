package org.perfeval.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, kept in the database's folder instead of extracted into the temporary folder at every
 * start, as sqlite-jdbc does by itself: that took about 0.1 s of each start (it writes the library under a new name,
 * reads it back and compares it byte by byte), and it fails where {@code /tmp} is mounted {@code noexec}. The library
 * is written once per sqlite-jdbc version to {@code native/<version>/} beside the database (and again if it differs
 * from the jar's at a start) and named to sqlite-jdbc by
 * its {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties. When an administrator has set those
 * already, they stand; when the copy cannot be made, or made but not loaded, sqlite-jdbc extracts as it always did.
 */
final class SqliteNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection of the process: later ones use the library already loaded. */
    static void useCopyBeside(Path databaseFile) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path folder = databaseFile.getParent().resolve("native").resolve(SQLiteJDBCLoader.getVersion());
        Path library = folder.resolve(name);
        try {
            byte[] bytes = bundled(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
            // compared at every start, as sqlite-jdbc does with its extracted copy: what is loaded is the jar's own
            if (!Files.isRegularFile(library) || !Arrays.equals(bytes, Files.readAllBytes(library))) {
                write(bytes, library);
            }
            System.setProperty(NAME_PROPERTY, name);
            System.setProperty(PATH_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's native library not kept in {}, so sqlite-jdbc extracts it: {}", folder, e.toString());
        }
    }

    private static byte[] bundled(String resource) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no native library " + resource + " in sqlite-jdbc for this platform");
            }
            return in.readAllBytes();
        }
    }

    /** Writes under a temporary name and renames, so that a process starting meanwhile never loads half a library. */
    private static void write(byte[] bytes, Path library) throws IOException {
        Files.createDirectories(library.getParent());
        Path temp = Files.createTempFile(library.getParent(), library.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
