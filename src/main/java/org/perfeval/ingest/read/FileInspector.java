package org.perfeval.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints a file in one streaming pass: SHA-256 of the bytes and, at the same time, the text
 * encoding per SPEC §3.1 (BOM, else UTF-16 by its NUL bytes, else strict UTF-8, else GB18030).
 */
public final class FileInspector {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final int BUFFER_SIZE = 64 * 1024;
    /** how much of the start is examined for BOM-less UTF-16 */
    private static final int UTF16_SAMPLE = 4096;

    private FileInspector() {
    }

    public static FileFingerprint inspect(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        Utf8Validator utf8 = new Utf8Validator();
        byte[] buf = new byte[BUFFER_SIZE];
        long size = 0;
        Charset charset = null;
        int bomLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            // readNBytes fills the buffer, so the first block holds the whole sample when the file has it
            int n = in.readNBytes(buf, 0, buf.length);
            bomLength = bomLength(buf, n);
            if (bomLength > 0) {
                charset = bomCharset(buf);
            } else {
                charset = utf16WithoutBom(buf, Math.min(n, UTF16_SAMPLE));
            }
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
        return new FileFingerprint(HexFormat.of().formatHex(sha256.digest()), size, charset, bomLength);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
