package org.perfeval.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import org.perfeval.report.AtomicFiles;

/**
 * SQLite's native library, kept in the database's folder instead of extracted into the temporary folder at every
 * start, as sqlite-jdbc does by itself: that cannot load where {@code /tmp} is mounted {@code noexec} (common on
 * hardened servers), leaves a copy behind whenever the process is killed, and writes, reads back and compares a
 * megabyte at every start. The library is written to {@code native/<version>/} beside the database once per
 * sqlite-jdbc version (again if it no longer matches the jar's), loaded, and named to sqlite-jdbc by its
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties. An administrator's own
 * {@code org.sqlite.lib.path} or {@code org.sqlite.tmpdir} stands; a copy that cannot be made or loaded (a
 * read-only or {@code noexec} folder) leaves sqlite-jdbc to extract it as it always did.
 */
final class SqliteNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Far longer than writing a megabyte takes. */
    static final Duration LEFT_OVER = Duration.ofMinutes(10);

    /** Whether the process has tried already: it loads the library once, whichever way. */
    private static final AtomicBoolean TRIED = new AtomicBoolean();

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection of the process; later calls change nothing. */
    static void useCopyBeside(Path databaseFile) {
        if (TRIED.compareAndSet(false, true)) {
            loadCopyBeside(databaseFile);
        }
    }

    /** @return whether the copy beside the database is loaded and named to sqlite-jdbc */
    static boolean loadCopyBeside(Path databaseFile) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(TMPDIR_PROPERTY) != null) {
            return false;
        }
        try {
            Path library = copyBeside(databaseFile);
            System.load(library.toString()); // sqlite-jdbc's own load of the same file then finds it loaded
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            return true;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("SQLite's native library not kept beside {}, so sqlite-jdbc extracts it: {}", databaseFile,
                    e.toString());
            return false;
        }
    }

    /**
     * Makes sure {@code native/<version>/} beside the database holds the jar's library, compared byte by byte as
     * sqlite-jdbc compares its extracted copy; a folder of an earlier version is removed when a new one is made.
     *
     * @return the library file
     */
    static Path copyBeside(Path databaseFile) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        Path versions = databaseFile.getParent().resolve("native");
        Path library = versions.resolve(SQLiteJDBCLoader.getVersion()).resolve(name);
        byte[] bytes = bundled(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (Files.isRegularFile(library) && Arrays.equals(bytes, Files.readAllBytes(library))) {
            removeLeftOverCopies(library);
            return library;
        }
        write(bytes, library);
        removeLeftOverCopies(library);
        try {
            removeOtherVersions(versions, library.getParent());
        } catch (IOException e) {
            LOG.debug("an earlier version's SQLite library stays in {}: {}", versions, e.toString());
        }
        return library;
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
        Path temp = Files.createTempFile(library.getParent(), library.getFileName().toString(), TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Removes the temporary copies that a process killed while writing the library left (a megabyte each), once
     * they are old enough not to be another process's copy still being written. A failure only leaves them.
     */
    private static void removeLeftOverCopies(Path library) {
        String prefix = library.getFileName().toString();
        Instant before = Instant.now().minus(LEFT_OVER);
        try (Stream<Path> files = Files.list(library.getParent())) {
            List<Path> copies = files.filter(entry -> entry.getFileName().toString().startsWith(prefix)
                    && entry.getFileName().toString().endsWith(TEMP_SUFFIX)).toList();
            for (Path file : copies) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("left-over copies of SQLite's library stay beside {}: {}", library, e.toString());
        }
    }

    private static void removeOtherVersions(Path versions, Path current) throws IOException {
        List<Path> others;
        try (Stream<Path> folders = Files.list(versions)) {
            others = folders.filter(folder -> !folder.equals(current)).toList();
        }
        for (Path folder : others) {
            AtomicFiles.deleteTree(folder);
        }
    }
}
