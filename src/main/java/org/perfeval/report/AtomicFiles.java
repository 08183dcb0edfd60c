package org.perfeval.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file under a temporary name in the same folder and renames it, so no reader sees half a file.
 * The temporary name is {@code .<name>-<digits>.tmp}; one left behind by a killed process is removed the
 * next time the same file is written (every caller writes a given file from one thread at a time:
 * reports under the report lock, a rejects or error file while its inbox file is held).
 */
public final class AtomicFiles {

    private static final String TEMP_SUFFIX = ".tmp";
    /** Bytes of a target's name kept in its temporary name: with the rest it stays below 255 bytes. */
    private static final int MAX_NAME_IN_TEMP = 120;
    /** Writers such as POI's zip output emit a few bytes at a time; unbuffered, each was a system call. */
    private static final int BUFFER_BYTES = 64 * 1024;

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Temporary files are created owner-only; reports are for the web server and file share too. */
    public static void readableByOthers(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    public static void write(Path target, Content content) throws IOException {
        Path temp = createTemp(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER_BYTES)) {
                content.writeTo(out);
            }
            readableByOthers(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty temporary file beside {@code target} (its folder created if missing), after removing the
     * temporary files an earlier, killed writer of the same target left behind.
     */
    public static Path createTemp(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        removeLeftovers(target);
        return Files.createTempFile(target.getParent(), tempPrefix(target.getFileName().toString()), TEMP_SUFFIX);
    }

    /** Removes the temporary files a killed writer of {@code target} left behind, if its folder exists. */
    public static void removeLeftovers(Path target) throws IOException {
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = tempPrefix(target.getFileName().toString());
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, p -> isTemp(p, prefix))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /**
     * {@code .<name>-}; for a long name (a Chinese file name near the 255-byte limit) a hash of it instead,
     * so that the temporary name is not longer than the file system allows.
     */
    private static String tempPrefix(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_NAME_IN_TEMP) {
            return "." + name + "-";
        }
        try {
            return "." + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8), 0, 8) + "-";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Removes every temporary file directly in {@code dir}; only for a folder no one else writes now. */
    public static void removeTemporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, p -> isTemp(p, "."))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Deletes a folder with everything in it; nothing when it does not exist. Symbolic links are not followed. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@code <prefix><digits>.tmp}: what {@link #createTemp} names, and nothing else. */
    private static boolean isTemp(Path file, String prefix) {
        String name = file.getFileName().toString();
        if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX) || !Files.isRegularFile(file)) {
            return false;
        }
        String middle = name.substring(prefix.length(), name.length() - TEMP_SUFFIX.length());
        if (prefix.equals(".")) {
            // any target: .<name>-<digits>.tmp
            int dash = middle.lastIndexOf('-');
            middle = dash > 0 ? middle.substring(dash + 1) : "";
        }
        return !middle.isEmpty() && middle.chars().allMatch(Character::isDigit);
    }
}
