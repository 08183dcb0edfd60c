package org.perfeval.ingest.read;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How to decode a delimited-text file (SPEC §3.1: a BOM decides, else strict UTF-8 if the bytes decode as
 * UTF-8, else GB18030).
 *
 * @param charset   the encoding to decode with
 * @param bomLength bytes of byte-order mark at the start (0, 2 or 3) that decoding must skip
 * @param guessed   UTF-8 chosen from the start of the file only, so that a large file is not read once just to
 *                  check its encoding: it is decoded strictly, and a byte further on that is not UTF-8 ends the
 *                  read with {@link NotUtf8Exception}, after which the file is read again as {@link #GB18030}
 */
public record TextEncoding(Charset charset, int bomLength, boolean guessed) {

    /** What a file guessed to be UTF-8 turns out to be when it is not. */
    public static final TextEncoding GB18030 = new TextEncoding(FileInspector.GB18030, 0, false);

    public TextEncoding {
        Objects.requireNonNull(charset, "charset");
        if (bomLength < 0 || bomLength > 3) {
            throw new IllegalArgumentException("bomLength " + bomLength);
        }
    }
}
