package org.perfeval.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fingerprints a file in one streaming pass: SHA-256 of the bytes and, at the same time, the text
 * encoding per SPEC §3.1 (BOM, else UTF-16 by its NUL bytes, else strict UTF-8, else GB18030). For a text file
 * that is hashed while it is parsed, {@link #textEncoding} decides the encoding from the first block.
 */
public final class FileInspector {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final int BUFFER_SIZE = 64 * 1024;
    /** how much of the start is examined for BOM-less UTF-16 */
    private static final int UTF16_SAMPLE = 4096;

    private FileInspector() {
    }

    public static FileFingerprint inspect(Path file) throws IOException {
        ContentHash sha256 = new ContentHash();
        Utf8Validator utf8 = new Utf8Validator();
        byte[] buf = new byte[BUFFER_SIZE];
        long size = 0;
        Charset charset = null;
        int bomLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            // readNBytes fills the buffer, so the first block holds the whole sample when the file has it
            int n = in.readNBytes(buf, 0, buf.length);
            bomLength = bomLength(buf, n);
            charset = declaredCharset(buf, n, bomLength);
            while (n > 0) {
                sha256.update(buf, 0, n);
                size += n;
                if (charset == null) {
                    utf8.update(buf, 0, n);
                }
                n = in.readNBytes(buf, 0, buf.length);
            }
        }
        if (charset == null) {
            charset = utf8.isValidComplete() ? StandardCharsets.UTF_8 : GB18030;
        }
        return new FileFingerprint(sha256.hex(), size, charset, bomLength);
    }

    /**
     * The encoding of a delimited-text file from its first block alone: the BOM's, a UTF-16 guess, GB18030 when
     * the block is not UTF-8, else UTF-8, {@linkplain TextEncoding#guessed guessed} when the file goes on.
     */
    public static TextEncoding textEncoding(Path file) throws IOException {
        byte[] buf = new byte[BUFFER_SIZE];
        int n;
        boolean more;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(buf, 0, buf.length);
            more = n == buf.length && in.read() >= 0;
        }
        int bomLength = bomLength(buf, n);
        Charset charset = declaredCharset(buf, n, bomLength);
        if (charset != null) {
            return new TextEncoding(charset, bomLength, false);
        }
        Utf8Validator utf8 = new Utf8Validator();
        if (!utf8.update(buf, 0, n)) {
            return TextEncoding.GB18030;
        }
        if (more) {
            // a character may be cut at the end of the block: the strict decoding that follows decides
            return new TextEncoding(StandardCharsets.UTF_8, 0, true);
        }
        return utf8.isValidComplete() ? new TextEncoding(StandardCharsets.UTF_8, 0, false) : TextEncoding.GB18030;
    }

    /** The BOM's encoding, else UTF-16 by the NUL bytes of the sample, else null (UTF-8 or GB18030). */
    private static Charset declaredCharset(byte[] buf, int n, int bomLength) {
        return bomLength > 0 ? bomCharset(buf) : utf16WithoutBom(buf, Math.min(n, UTF16_SAMPLE));
    }

    private static int bomLength(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (n >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Charset bomCharset(byte[] b) {
        return switch (b[0] & 0xFF) {
            case 0xEF -> StandardCharsets.UTF_8;
            case 0xFF -> StandardCharsets.UTF_16LE;
            default -> StandardCharsets.UTF_16BE;
        };
    }

    /**
     * Text exported as UTF-16 without BOM still has many ASCII characters (digits, delimiters),
     * whose high byte is NUL: at odd offsets in little-endian, at even offsets in big-endian. Real
     * text in other encodings has no NULs; binary files have them at both parities.
     *
     * @return UTF-16LE/BE, or null when the sample does not look like UTF-16
     */
    static Charset utf16WithoutBom(byte[] b, int n) {
        int pairs = n / 2;
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            if (b[i] == 0) {
                evenNuls++;
            }
            if (b[i + 1] == 0) {
                oddNuls++;
            }
        }
        if (looksLikeUtf16(oddNuls, evenNuls, pairs)) {
            return StandardCharsets.UTF_16LE;
        }
        if (looksLikeUtf16(evenNuls, oddNuls, pairs)) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** at least a fifth of the code units have a NUL high byte, and NULs at the other parity are rare */
    private static boolean looksLikeUtf16(int highByteNuls, int otherNuls, int pairs) {
        return pairs > 0 && highByteNuls * 5 >= pairs && otherNuls * 10 <= highByteNuls;
    }
}
