package org.perfeval.ingest.read;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * What one pass over a file's bytes tells about it.
 *
 * @param sha256      SHA-256 of the whole file, lowercase hex: identifies the content (§3.6)
 * @param size        file size in bytes
 * @param textCharset the encoding to decode the file with if it is delimited text (ignored for
 *                    workbooks): the BOM's, else a UTF-16 guess, else UTF-8 if valid, else GB18030
 * @param bomLength   bytes of byte-order mark at the start (0, 2 or 3) that decoding must skip
 */
public record FileFingerprint(String sha256, long size, Charset textCharset, int bomLength) {

    public FileFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(textCharset, "textCharset");
        if (size < 0 || bomLength < 0 || bomLength > size) {
            throw new IllegalArgumentException("size " + size + ", bomLength " + bomLength);
        }
    }

    /** The text encoding, decided from all the bytes. */
    public TextEncoding encoding() {
        return new TextEncoding(textCharset, bomLength, false);
    }
}
