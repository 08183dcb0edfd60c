package org.perfeval.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.perfeval.model.DeptYear;

/**
 * Where a department-year's reports go: {@code outbox/<fiscal_year>/<dept_code>/}. Department codes
 * come from untrusted exports, so the folder name is sanitised and checked to stay inside outbox.
 */
public final class OutputPaths {

    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    private static final int MAX_NAME = 64;
    /** The folder of {@link #stagingDir}: a dot name never clashes with a year or a department. */
    static final String STAGING = ".staging-";

    private final Path outbox;

    public OutputPaths(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    public Path outbox() {
        return outbox;
    }

    public Path yearDir(int fiscalYear) {
        return inside(outbox.resolve(Integer.toString(fiscalYear)));
    }

    public Path departmentDir(DeptYear key) {
        return inside(yearDir(key.fiscalYear()).resolve(folderName(key.deptCode())));
    }

    /**
     * Where a department-year's new report set is written before it replaces the old one, file by file:
     * {@code outbox/.staging-<fiscal_year>-<dept folder>/}, on the same file system as the set, hidden from
     * the status page and {@code /outbox/}. Only the holder of the report lock writes there.
     */
    public Path stagingDir(DeptYear key) {
        return inside(outbox.resolve(STAGING + key.fiscalYear() + "-" + folderName(key.deptCode())));
    }

    /**
     * A folder name that is safe on Linux and Windows: letters, digits, CJK, {@code - _ .}, nothing
     * else. When the code had to be changed, a short hash of it is appended, so that two codes such
     * as {@code a/b} and {@code a_b} never share a folder.
     */
    public static String folderName(String deptCode) {
        String safe = sanitise(deptCode);
        if (safe.equals(deptCode)) {
            return safe;
        }
        return safe.substring(0, Math.min(safe.length(), MAX_NAME - 9)) + "-" + shortHash(deptCode);
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sanitise(String deptCode) {
        StringBuilder out = new StringBuilder();
        deptCode.codePoints().forEach(cp -> {
            boolean safe = Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.';
            out.appendCodePoint(safe ? cp : '_');
        });
        String name = out.toString();
        while (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        if (name.isEmpty()) {
            name = "_";
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return name;
    }

    private Path inside(Path path) {
        Path normalised = path.toAbsolutePath().normalize();
        if (!normalised.startsWith(outbox) || normalised.equals(outbox)) {
            throw new IllegalArgumentException("path escapes the outbox: " + path);
        }
        return normalised;
    }
}
