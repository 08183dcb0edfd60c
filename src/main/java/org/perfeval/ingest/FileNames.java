package org.perfeval.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the files derived from an inbox file ({@code <name>.error.txt}, {@code <name>.rejects.csv}):
 * the file's name plus a suffix, unless that exceeds the 255 bytes a file name may have. Then the
 * name is cut and a short hash of the whole name keeps it distinct from other long names.
 */
public final class FileNames {

    /** The longest file name (in UTF-8 bytes) common file systems allow. */
    static final int MAX_BYTES = 255;
    private static final String CUT = "~";
    private static final int HASH_CHARS = 8;

    private FileNames() {
    }

    public static String withSuffix(String name, String suffix) {
        String whole = name + suffix;
        if (bytes(whole) <= MAX_BYTES) {
            return whole;
        }
        String tail = CUT + hash(name) + suffix;
        int budget = MAX_BYTES - bytes(tail);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return kept + tail;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
