package org.perfeval.ingest.read;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectorTest {

    private static final String TEXT = "项目编码,项目名称,金额\nP001,办公设备购置,1929.17\n";
    private static final int BUFFER = 64 * 1024;

    @TempDir
    Path dir;

    private FileFingerprint inspect(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("f" + System.nanoTime() + ".csv"), bytes);
        return FileInspector.inspect(file);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private void assertEncoding(byte[] bytes, Charset charset, int bomLength) throws Exception {
        FileFingerprint fp = inspect(bytes);
        assertEquals(charset, fp.textCharset());
        assertEquals(bomLength, fp.bomLength());
        assertEquals(bytes.length, fp.size());
    }

    @Test
    void utf8WithoutBom() throws Exception {
        assertEncoding(TEXT.getBytes(UTF_8), UTF_8, 0);
    }

    @Test
    void utf8WithBom() throws Exception {
        assertEncoding(concat(bytes(0xEF, 0xBB, 0xBF), TEXT.getBytes(UTF_8)), UTF_8, 3);
    }

    @Test
    void utf16WithBom() throws Exception {
        assertEncoding(concat(bytes(0xFF, 0xFE), TEXT.getBytes(UTF_16LE)), UTF_16LE, 2);
        assertEncoding(concat(bytes(0xFE, 0xFF), TEXT.getBytes(UTF_16BE)), UTF_16BE, 2);
    }

    @Test
    void utf16WithoutBomIsRecognisedByItsNulBytes() throws Exception {
        assertEncoding(TEXT.getBytes(UTF_16LE), UTF_16LE, 0);
        assertEncoding(TEXT.getBytes(UTF_16BE), UTF_16BE, 0);
    }

    @Test
    void gb18030WhenNotUtf8() throws Exception {
        assertEncoding(TEXT.getBytes(FileInspector.GB18030), FileInspector.GB18030, 0);
    }

    @Test
    void emptyFileIsUtf8() throws Exception {
        FileFingerprint fp = inspect(new byte[0]);
        assertEquals(UTF_8, fp.textCharset());
        assertEquals(0, fp.size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", fp.sha256());
    }

    @Test
    void multibyteCharacterSplitAtBufferBoundaryIsStillUtf8() throws Exception {
        byte[] han = "额".getBytes(UTF_8); // 3 bytes
        for (int split = 1; split < han.length; split++) {
            byte[] ascii = new byte[BUFFER - split];
            Arrays.fill(ascii, (byte) 'a');
            assertEncoding(concat(ascii, han, "\n".getBytes(UTF_8)), UTF_8, 0);
        }
        byte[] ascii = new byte[BUFFER - 2];
        Arrays.fill(ascii, (byte) 'a');
        assertEncoding(concat(ascii, "😀".getBytes(UTF_8)), UTF_8, 0); // 4 bytes across the boundary
    }

    @Test
    void truncatedSequenceAtEndIsNotUtf8() throws Exception {
        byte[] han = "额".getBytes(UTF_8);
        assertEncoding(concat("abc".getBytes(UTF_8), Arrays.copyOf(han, 2)), FileInspector.GB18030, 0);
    }

    @Test
    void sha256MatchesMessageDigestAcrossManyBuffers() throws Exception {
        byte[] data = new byte[3 * BUFFER + 123];
        new Random(7).nextBytes(data);
        FileFingerprint fp = inspect(data);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertEquals(expected, fp.sha256());
        assertEquals(data.length, fp.size());
    }

    @Test
    void validatorRejectsOverlongsSurrogatesAndOutOfRange() {
        int[][] invalid = {
                {0xC0, 0xAF}, {0xC1, 0xBF},             // overlong 2-byte
                {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF}, // overlong 3-byte
                {0xF0, 0x80, 0x80, 0xAF},               // overlong 4-byte
                {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, // UTF-16 surrogates
                {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, // above U+10FFFF
                {0x80}, {0xBF}, {0xFE}, {0xFF},          // stray bytes
                {0xE4, 0xB8}, {0xE4, 0x41, 0x80},       // unfinished, interrupted
        };
        for (int[] sequence : invalid) {
            assertFalse(validates(bytes(sequence)), Arrays.toString(sequence));
        }
        String valid = "a\u007F\u0080\u07FF\u0800\uD7FF\uE000\uFFFF\uD800\uDC00\uDBFF\uDFFF 预算";
        assertTrue(validates(valid.getBytes(UTF_8)));
    }

    @Test
    void validatorKeepsStateAcrossEverySplitPoint() {
        byte[] data = "x预算😀y 1,929.17 ≥255亩".getBytes(UTF_8);
        for (int split = 0; split <= data.length; split++) {
            Utf8Validator v = new Utf8Validator();
            assertTrue(v.update(data, 0, split) & v.update(data, split, data.length - split));
            assertTrue(v.isValidComplete(), "split at " + split);
        }
    }

    private static boolean validates(byte[] data) {
        Utf8Validator v = new Utf8Validator();
        return v.update(data, 0, data.length) && v.isValidComplete();
    }

    /** A generous bound so the test is stable; 100 MB take well under a second on a normal machine. */
    @Test
    void inspectsLargeFileQuickly() throws Exception {
        byte[] line = "2024,001001,P0001,2024-03-05,V0001,1,办公设备购置,30201 办公费,2010101,一般公共预算,1929.17\n"
                .getBytes(UTF_8);
        Path file = dir.resolve("big.csv");
        byte[] block = new byte[line.length * 10_000];
        for (int i = 0; i < 10_000; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 32; i++) { // about 35 MB
                out.write(block);
            }
        }
        FileInspector.inspect(file); // warm-up
        long start = System.nanoTime();
        FileFingerprint fp = FileInspector.inspect(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(UTF_8, fp.textCharset());
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    // ---------------------------------------------------------------- the encoding from the first block

    private TextEncoding textEncoding(byte[] bytes) throws Exception {
        return FileInspector.textEncoding(Files.write(dir.resolve("t" + System.nanoTime() + ".csv"), bytes));
    }

    /** {@code n} bytes of ASCII text lines. */
    private static byte[] ascii(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 40 == 39 ? '\n' : 'a' + i % 26);
        }
        return b;
    }

    @Test
    void aShortFileIsDecidedWholeFromItsOnlyBlock() throws Exception {
        assertEquals(new TextEncoding(UTF_8, 0, false), textEncoding(TEXT.getBytes(UTF_8)));
        assertEquals(TextEncoding.GB18030, textEncoding(TEXT.getBytes(FileInspector.GB18030)));
        assertEquals(TextEncoding.GB18030, textEncoding(concat(ascii(100), bytes(0xE4, 0xB8))),
                "a character cut off at the end of the file is not UTF-8");
        assertEquals(new TextEncoding(UTF_8, 3, false), textEncoding(concat(bytes(0xEF, 0xBB, 0xBF),
                TEXT.getBytes(FileInspector.GB18030))), "the BOM decides");
        assertEquals(new TextEncoding(UTF_16LE, 2, false), textEncoding(concat(bytes(0xFF, 0xFE), TEXT.getBytes(UTF_16LE))));
    }

    @Test
    void aLongerFileValidAsUtf8InItsFirstBlockIsGuessedToBeUtf8() throws Exception {
        byte[] laterGb18030 = concat(ascii(BUFFER), TEXT.getBytes(FileInspector.GB18030));
        assertEquals(new TextEncoding(UTF_8, 0, true), textEncoding(laterGb18030),
                "decided while the file is parsed");
        assertEquals(FileInspector.GB18030, inspect(laterGb18030).textCharset(), "what the whole file is");

        byte[] cutAtTheBlockEnd = concat(ascii(BUFFER - 1), "项目".getBytes(UTF_8));
        assertEquals(new TextEncoding(UTF_8, 0, true), textEncoding(cutAtTheBlockEnd),
                "a character across the end of the first block is not held against it");
        assertEquals(UTF_8, inspect(cutAtTheBlockEnd).textCharset());

        assertEquals(new TextEncoding(UTF_8, 0, false), textEncoding(ascii(BUFFER)),
                "a file of exactly one block is read whole");
    }

    @Test
    void aFirstBlockThatIsNotUtf8MakesTheFileGb18030() throws Exception {
        byte[] gb = TEXT.getBytes(FileInspector.GB18030);
        assertEquals(TextEncoding.GB18030, textEncoding(concat(gb, ascii(3 * BUFFER))));
    }
}
