package org.perfeval.ingest.read;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file's bytes, which identifies its content (SPEC §3.6): computed in a pass of its own
 * ({@link FileInspector#inspect}) or while the bytes are parsed ({@link CsvTableReader}).
 */
public final class ContentHash {

    private final MessageDigest digest;
    private String hex;

    public ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    /** The stream, hashing every byte read through it (skipped bytes are not: read them instead). */
    InputStream hashing(InputStream in) {
        return new DigestInputStream(in, digest);
    }

    /** Lowercase hex of the bytes hashed, once they are all read: the hash is final from the first call. */
    public String hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(digest.digest());
        }
        return hex;
    }
}
