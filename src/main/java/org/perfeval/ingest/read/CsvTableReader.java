package org.perfeval.ingest.read;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited text ({@code .csv}, {@code .txt}) as one table named after the file (its name
 * without extension), streaming.
 *
 * <ul>
 *   <li>An empty file (0 bytes) is an {@link UnreadableFileException}, as for workbooks.</li>
 *   <li>Decoded with the {@link TextEncoding} after skipping the BOM; malformed bytes become U+FFFD
 *       rather than failing the file, so junk in a GB18030 export reaches row validation as an odd
 *       value. A {@linkplain TextEncoding#guessed guessed} UTF-8 is decoded strictly instead: a byte
 *       that is not UTF-8 ends the read with {@link NotUtf8Exception}.</li>
 *   <li>Given a {@link ContentHash}, every byte of the file is hashed as it is parsed.</li>
 *   <li>The delimiter (comma, tab, semicolon, {@code |}) is the one that occurs most often, outside
 *       quotes, on any single line among the first {@value #SNIFF_LINES}: title rows above the header
 *       usually have none. Ties go to the earlier of comma, tab, semicolon, {@code |}; no delimiter at
 *       all means comma (a one-column file).</li>
 *   <li>Quoting per RFC 4180 (Commons CSV). Leniency: text right after a closing quote is kept
 *       ({@code "ab"c} reads {@code abc}); an unclosed quote at the end of the file is an error
 *       rather than silently merging the remaining lines into one cell.</li>
 *   <li>Rows are numbered by record, which is the row Excel shows (a quoted field with line breaks
 *       stays one row). Title rows are rows too. A blank line arrives as a row with one empty cell
 *       {@code [""]} (Commons CSV with {@code ignoreEmptyLines=false}); line breaks at the end of
 *       the file produce no extra row.</li>
 * </ul>
 */
public final class CsvTableReader implements TableReader {

    static final int SNIFF_LINES = 30;
    /** bounds the sniffing sample when the first lines are very long (or there are no line breaks) */
    static final int SNIFF_CHARS = 256 * 1024;
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int READ_BUFFER_CHARS = 64 * 1024;

    private final TextEncoding encoding;
    private final ReadLimits limits;
    private final ContentHash hash;

    /** @param hash what hashes the bytes as they are parsed, or null */
    public CsvTableReader(TextEncoding encoding, ReadLimits limits, ContentHash hash) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.hash = hash;
    }

    @Override
    public void read(Path file, TableVisitor visitor) throws IOException, UnreadableFileException {
        if (Files.size(file) == 0) {
            throw new UnreadableFileException(Workbooks.EMPTY);
        }
        char delimiter;
        try (Reader sample = open(file, null)) {
            delimiter = sniffDelimiter(sample);
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception(e); // only a guessed encoding reports bytes: any other replaces them
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .get();
        try (RecordLengthGuard in = new RecordLengthGuard(open(file, hash), limits.maxLineChars());
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            visitor.startTable(tableName(file));
            Iterator<CSVRecord> records = parser.iterator();
            long recordStartLine = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw unreadable(e.getCause(), recordStartLine);
                }
                in.recordEnded();
                long rowNumber = record.getRecordNumber();
                String[] cells = record.values();
                checkLimits(rowNumber, recordStartLine, cells);
                // Arrays.asList wraps the record's own array: no copy per row
                visitor.row((int) rowNumber, Arrays.asList(cells));
                recordStartLine = parser.getCurrentLineNumber() + 1;
            }
            visitor.endTable();
        }
    }

    private void checkLimits(long rowNumber, long startLine, String[] cells) throws UnreadableFileException {
        limits.checkRow(rowNumber);
        limits.checkColumns(rowNumber, cells.length);
        long chars = cells.length - 1L; // the delimiters
        for (int i = 0; i < cells.length; i++) {
            limits.checkCell(rowNumber, i, cells[i].length());
            chars += cells[i].length();
        }
        // exact check; the guard below only keeps an endless record out of memory
        if (chars > limits.maxLineChars()) {
            throw limits.recordTooLong(startLine);
        }
    }

    private UnreadableFileException unreadable(IOException e, long line) throws IOException {
        if (e instanceof CharacterCodingException) {
            throw new NotUtf8Exception(e); // only a guessed encoding reports bytes: any other replaces them
        }
        if (e instanceof RecordLengthGuard.RecordTooLong) {
            return limits.recordTooLong(line);
        }
        if (e instanceof CSVException) {
            return new UnreadableFileException("从第 " + line + " 行开始的记录引号不配对，文件无法读取。"
                    + "请检查该处的双引号，或重新导出。 The quotes in the record starting at line " + line
                    + " do not pair up, so the file cannot be read: check the double quotes there, or export"
                    + " the file again.", e); // the parser's own words go to the log file (IngestService)
        }
        throw e; // a real I/O failure, not the file's fault
    }

    /** @param hash hashes every byte read, or null */
    private Reader open(Path file, ContentHash hash) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (hash != null) {
            in = hash.hashing(in);
        }
        try {
            // read, not skipped: the BOM is part of the hashed bytes
            in.readNBytes(encoding.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CodingErrorAction onError = encoding.guessed() ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(onError)
                .onUnmappableCharacter(onError);
        return new BufferedReader(new InputStreamReader(in, decoder), READ_BUFFER_CHARS);
    }

    static String tableName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** See the class comment; reads at most {@value #SNIFF_LINES} lines or {@value #SNIFF_CHARS} chars. */
    static char sniffDelimiter(Reader in) throws IOException {
        DelimiterTally tally = new DelimiterTally();
        boolean quoted = false;
        int lines = 0;
        for (int chars = 0; chars < SNIFF_CHARS && lines < SNIFF_LINES; chars++) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            if (c == '"') {
                quoted = !quoted; // a doubled quote toggles twice: still right
            } else if (!quoted && (c == '\n' || c == '\r')) {
                tally.endLine();
                if (c == '\n') {
                    lines++;
                }
            } else if (!quoted) {
                tally.count(c);
            }
        }
        tally.endLine(); // the last line may lack a line break
        return DELIMITERS[tally.best];
    }

    /** Delimiter counts of the current line, and the best (candidate, count) of the lines so far. */
    private static final class DelimiterTally {
        private final int[] counts = new int[DELIMITERS.length];
        private int best;
        private int bestCount;

        void count(int c) {
            for (int i = 0; i < DELIMITERS.length; i++) {
                if (c == DELIMITERS[i]) {
                    counts[i]++;
                }
            }
        }

        void endLine() {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > bestCount || counts[i] == bestCount && i < best) {
                    best = i;
                    bestCount = counts[i];
                }
                counts[i] = 0;
            }
        }
    }

    /**
     * Counts the characters handed to the parser since the last record ended, so that one endless
     * record (an unclosed quote, a file without line breaks) fails before it fills memory. It fails
     * only once the characters read <em>before</em> the current read exceed the limit: the parser
     * still wants more, so the record is certainly that long. Being blind to the parser's read-ahead
     * it may let a record pass that is longer by up to one read (8 KiB); the exact check happens on
     * the parsed record.
     */
    private static final class RecordLengthGuard extends FilterReader {

        static final class RecordTooLong extends IOException {
            RecordTooLong() {
                super("record too long");
            }
        }

        private final long limit;
        private long count;

        RecordLengthGuard(Reader in, long limit) {
            super(in);
            this.limit = limit;
        }

        void recordEnded() {
            count = 0;
        }

        @Override
        public int read() throws IOException {
            check();
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            check();
            int n = super.read(cbuf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        private void check() throws RecordTooLong {
            if (count > limit) {
                throw new RecordTooLong();
            }
        }
    }
}
