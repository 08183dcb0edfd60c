package org.perfeval.ingest.read;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableReaderTest {

    private static final String TABLE = "项目编码,项目名称,金额\nP001,办公设备购置,1929.17\n";
    private static final List<List<String>> TABLE_CELLS = List.of(
            List.of("项目编码", "项目名称", "金额"), List.of("P001", "办公设备购置", "1929.17"));

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] withBom(byte[] bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static RecordingVisitor read(Path file, ReadLimits limits) throws Exception {
        return RecordingVisitor.read(new CsvTableReader(FileInspector.inspect(file).encoding(), limits, null), file);
    }

    private static RecordingVisitor read(Path file) throws Exception {
        return read(file, ReadLimits.DEFAULTS);
    }

    private void assertReadsTable(byte[] bytes) throws Exception {
        RecordingVisitor v = read(write("预算.csv", bytes));
        assertEquals(List.of("预算"), List.copyOf(v.tables.keySet()));
        assertEquals(TABLE_CELLS, v.cells("预算"));
        assertEquals(List.of(1, 2), v.rowNumbers("预算"));
    }

    @Test
    void decodesEveryEncodingAndSkipsTheBom() throws Exception {
        assertReadsTable(TABLE.getBytes(UTF_8));
        assertReadsTable(withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TABLE, UTF_8));
        assertReadsTable(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, TABLE, UTF_16LE));
        assertReadsTable(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, TABLE, UTF_16BE));
        assertReadsTable(TABLE.getBytes(FileInspector.GB18030));
        assertReadsTable(TABLE.replace("\n", "\r\n").getBytes(UTF_8));
    }

    @Test
    void malformedBytesAreReplacedNotFatal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("编码,名称\nP001,".getBytes(FileInspector.GB18030));
        out.write(0xFF); // never valid in GB18030
        out.writeBytes("设备\n".getBytes(FileInspector.GB18030));
        RecordingVisitor v = read(write("junk.csv", out.toByteArray()));
        assertEquals(List.of("P001", "\uFFFD设备"), v.cells("junk").get(1));
    }

    @Test
    void aGuessedUtf8IsDecodedStrictlyAndEndsTheReadAtTheFirstByteThatIsNotUtf8() throws Exception {
        TextEncoding guessed = new TextEncoding(UTF_8, 0, true);
        Path utf8 = write("utf8.csv", TABLE.getBytes(UTF_8));
        assertEquals(TABLE_CELLS, RecordingVisitor.read(new CsvTableReader(guessed, ReadLimits.DEFAULTS, null), utf8)
                .cells("utf8"));

        StringBuilder text = new StringBuilder("项目编码,项目名称,金额\n");
        for (int i = 0; i < 100; i++) {
            text.append("P").append(i).append(",办公设备购置,1.00\n");
        }
        byte[] later = ("P100," + "差旅费" + ",2.00\n").getBytes(FileInspector.GB18030);
        Path mixed = write("mixed.csv", concat(text.toString().getBytes(UTF_8), later));
        RecordingVisitor rows = new RecordingVisitor();
        assertThrows(NotUtf8Exception.class, () -> new CsvTableReader(guessed, ReadLimits.DEFAULTS, null).read(mixed, rows));

        Path gb = write("gb.csv", TABLE.getBytes(FileInspector.GB18030));
        assertThrows(NotUtf8Exception.class, () -> new CsvTableReader(guessed, ReadLimits.DEFAULTS, null)
                .read(gb, new RecordingVisitor()), "already while the delimiter is sniffed");
        assertEquals(TABLE_CELLS, RecordingVisitor.read(new CsvTableReader(TextEncoding.GB18030, ReadLimits.DEFAULTS,
                null), gb).cells("gb"));
    }

    /** The guess is decided by the strict decoder, not by the block it was made from. */
    @Test
    void aGuessedUtf8FileIsJudgedWholeByItsDecoder() throws Exception {
        TextEncoding guessed = new TextEncoding(UTF_8, 0, true);
        StringBuilder text = new StringBuilder("a,b\n");
        while (text.length() < 64 * 1024 - 200) {
            text.append("x,y\n");
        }
        String filler = "x".repeat(64 * 1024 - 2 - text.length());
        text.append(filler).append(','); // ASCII so far: 项 starts at the block's last byte
        text.append("项目\n");
        Path cut = write("cut.csv", text.toString().getBytes(UTF_8));
        assertEquals(guessed, FileInspector.textEncoding(cut), "项 lies across the end of the first block");
        List<List<String>> rows = RecordingVisitor.read(new CsvTableReader(guessed, ReadLimits.DEFAULTS, null), cut)
                .cells("cut");
        assertEquals(List.of(filler, "项目"), rows.get(rows.size() - 1));

        Path truncated = write("truncated.csv", concat(text.toString().getBytes(UTF_8), new byte[] {(byte) 0xE9}));
        assertEquals(FileInspector.GB18030, FileInspector.inspect(truncated).textCharset());
        assertThrows(NotUtf8Exception.class, () -> new CsvTableReader(guessed, ReadLimits.DEFAULTS, null)
                .read(truncated, new RecordingVisitor()), "a sequence cut off by the end of the file");
    }

    @Test
    void theBytesAreHashedAsTheyAreParsedBomIncluded() throws Exception {
        for (byte[] bytes : List.of(TABLE.getBytes(UTF_8), withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                TABLE, UTF_8), withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, TABLE, UTF_16LE))) {
            Path file = write("hashed.csv", bytes);
            FileFingerprint fingerprint = FileInspector.inspect(file);
            ContentHash hash = new ContentHash();
            RecordingVisitor v = RecordingVisitor.read(new CsvTableReader(fingerprint.encoding(), ReadLimits.DEFAULTS,
                    hash), file);
            assertEquals(TABLE_CELLS, v.cells("hashed"));
            assertEquals(fingerprint.sha256(), hash.hex());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "\t", ";", "|"})
    void sniffsDelimiterBelowTitleRows(String d) throws Exception {
        String text = "2024年度项目支出明细表\n单位：万元\n"
                + String.join(d, "项目编码", "项目名称", "金额") + "\n"
                + String.join(d, "P001", "办公设备购置", "\"1,929.17\"") + "\n";
        RecordingVisitor v = read(write("明细.txt", text.getBytes(UTF_8)));
        assertEquals(List.of(
                List.of("2024年度项目支出明细表"), List.of("单位：万元"),
                List.of("项目编码", "项目名称", "金额"), List.of("P001", "办公设备购置", "1,929.17")), v.cells("明细"));
    }

    @Test
    void sniffingPrefersCommaOnTiesAndIgnoresQuotedDelimiters() throws Exception {
        assertEquals(',', CsvTableReader.sniffDelimiter(new StringReader("a;b,c\n")));
        assertEquals(',', CsvTableReader.sniffDelimiter(new StringReader("a|b\nc,d\n")));
        assertEquals(',', CsvTableReader.sniffDelimiter(new StringReader("只有标题\n")));
        assertEquals(';', CsvTableReader.sniffDelimiter(new StringReader("a;b;\"x,y,z,w\"\n")));
        assertEquals('\t', CsvTableReader.sniffDelimiter(new StringReader("标题,含逗号\na\tb\tc\n")));
    }

    @Test
    void delimiterOnlyAfterThirtyLinesIsNotSeen() throws Exception {
        String text = "title\n".repeat(CsvTableReader.SNIFF_LINES) + "a;b;c\n";
        assertEquals(',', CsvTableReader.sniffDelimiter(new StringReader(text)));
    }

    @Test
    void quotedFieldsKeepDelimitersLineBreaksAndQuotes() throws Exception {
        String text = "编码,名称,说明,金额\r\n"
                + "P001,\"办公设备, 打印机\",\"说明 \"\"加急\"\"\n第二行\",1929.17\r\n"
                + "P002,,\"\",\n";
        RecordingVisitor v = read(write("q.csv", text.getBytes(UTF_8)));
        assertEquals(List.of(
                List.of("编码", "名称", "说明", "金额"),
                List.of("P001", "办公设备, 打印机", "说明 \"加急\"\n第二行", "1929.17"),
                List.of("P002", "", "", "")), v.cells("q"));
        assertEquals(List.of(1, 2, 3), v.rowNumbers("q"), "a record is one row even across lines");
    }

    @Test
    void blankLinesArriveAsRowsWithOneEmptyCell() throws Exception {
        RecordingVisitor v = read(write("b.csv", "a,b\n\nc,d\n\n".getBytes(UTF_8)));
        assertEquals(List.of(List.of("a", "b"), List.of(""), List.of("c", "d"), List.of("")), v.cells("b"));
        assertEquals(List.of(1, 2, 3, 4), v.rowNumbers("b"));
    }

    @Test
    void textAfterClosingQuoteIsKept() throws Exception {
        RecordingVisitor v = read(write("t.csv", "\"ab\"c,d\n".getBytes(UTF_8)));
        assertEquals(List.of(List.of("abc", "d")), v.cells("t"));
    }

    @Test
    void unclosedQuoteNamesTheLine() throws Exception {
        Path file = write("bad.csv", "a,b\nc,d\ne,\"f\ng,h\n".getBytes(UTF_8));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> read(file));
        assertTrue(e.getMessage().contains("第 3 行") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void emptyFileIsExplained() throws Exception {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> read(write("empty.csv", new byte[0])));
        assertTrue(e.getMessage().contains("0 字节") && e.getMessage().contains("0 bytes"), e.getMessage());
    }

    @Test
    void aByteOrderMarkAloneIsAnEmptyTable() throws Exception {
        RecordingVisitor v = read(write("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        assertEquals(List.of(), v.cells("bom"));
    }

    @Test
    void tooManyColumns() throws Exception {
        Path file = write("c.csv", "a,b,c\na,b,c,d\n".getBytes(UTF_8));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(file, new ReadLimits(3, 100, 100, 1000)));
        assertTrue(e.getMessage().contains("第 2 行超过 3 列") && e.getMessage().contains("Row 2"), e.getMessage());
    }

    @Test
    void cellTooLong() throws Exception {
        Path file = write("c.csv", "a,b\nx,12345678901\n".getBytes(UTF_8));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(file, new ReadLimits(10, 10, 100, 1000)));
        assertTrue(e.getMessage().contains("B2") && e.getMessage().contains("10 characters"), e.getMessage());
    }

    @Test
    void tooManyRows() throws Exception {
        Path file = write("r.csv", "a\nb\nc\nd\n".getBytes(UTF_8));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(file, new ReadLimits(10, 10, 3, 1000)));
        assertTrue(e.getMessage().contains("第 4 行") && e.getMessage().contains("3 rows"), e.getMessage());
    }

    @Test
    void recordTooLong() throws Exception {
        Path file = write("l.csv", "a,b\n1234567890,1234567890\n".getBytes(UTF_8));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(file, new ReadLimits(10, 100, 100, 20)));
        assertTrue(e.getMessage().contains("第 2 行") && e.getMessage().contains("20 characters"), e.getMessage());
    }

    /** An unclosed quote must not pull the rest of a big file into one cell in memory. */
    @Test
    void endlessRecordStopsAtTheLimit() throws Exception {
        String text = "a,b\nc,\"d\n" + "x,y\n".repeat(500_000);
        Path file = write("u.csv", text.getBytes(UTF_8));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(file, new ReadLimits(10, 1_000_000, 100, 10_000)));
        assertTrue(e.getMessage().contains("第 2 行") && e.getMessage().contains("10000 characters"), e.getMessage());
    }
}
