package org.perfeval.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.perfeval.CrashPoints;
import org.perfeval.ingest.map.RowRejection;
import org.perfeval.ingest.map.TableContext;
import org.perfeval.ingest.read.ContentHash;
import org.perfeval.ingest.read.FileFingerprint;
import org.perfeval.ingest.read.FileInspector;
import org.perfeval.ingest.read.NotUtf8Exception;
import org.perfeval.ingest.read.ReadLimits;
import org.perfeval.ingest.read.TableReader;
import org.perfeval.ingest.read.TableReaders;
import org.perfeval.ingest.read.TextEncoding;
import org.perfeval.ingest.read.UnreadableFileException;
import org.perfeval.ingest.value.Years;
import org.perfeval.model.DeptYear;
import org.perfeval.model.IngestBatch;
import org.perfeval.model.LedgerLine;
import org.perfeval.model.IngestBatch.Status;
import org.perfeval.ops.LogSetup;
import org.perfeval.store.BatchTransaction;
import org.perfeval.store.FileContent;
import org.perfeval.store.IngestStore;

/**
 * Ingests one file, exactly once (SPEC §3): fingerprint, skip known bytes, read and map every row
 * in one transaction, write rejects, apply the reject-ratio rule, and replace what the file supersedes.
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    /** Log context key: the ingest batch of the file being processed. */
    public static final String MDC_BATCH = "batch";
    /** The largest sum the database keeps exactly: a 64-bit number of fen. */
    private static final String MAX_SUM = BigDecimal.valueOf(Long.MAX_VALUE, 2).toPlainString();

    private final IngestSettings settings;
    private final HeaderDetector detector;
    private final IngestStore store;

    public IngestService(IngestSettings settings, HeaderDetector detector, IngestStore store) {
        this.settings = settings;
        this.detector = detector;
        this.store = store;
    }

    public IngestOutcome ingest(Path file) throws SQLException, IOException {
        String name = file.getFileName().toString();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String notAFile = FileStamp.notARegularFile(file);
        if (notAFile != null) {
            return fail(name, "", started, t0, null, 0, 0, notAFile);
        }
        if (!TableReaders.isSupported(name)) {
            return fail(name, "", started, t0, null, 0, 0, unsupported(name));
        }
        FileStamp stamp;
        Reading reading;
        try {
            stamp = FileStamp.of(file);
            reading = hashedWhileRead(file, stamp) ? Reading.hashedWhileRead(FileInspector.textEncoding(file), stamp)
                    : Reading.of(FileInspector.inspect(file));
        } catch (NoSuchFileException e) {
            return fail(name, "", started, t0, null, 0, 0, FileStamp.VANISHED);
        }
        if (reading.sha256() != null) {
            Optional<IngestBatch> earlier = store.findIngested(reading.sha256());
            if (earlier.isPresent()) {
                return duplicate(name, reading.sha256(), earlier.get(), started, t0);
            }
        }
        CrashPoints.reach(CrashPoints.BEFORE_TRANSACTION);
        try {
            return store(file, name, stamp, reading, started, t0);
        } catch (NotUtf8Exception e) {
            MDC.remove(MDC_BATCH); // that batch is rolled back
            LOG.info("{}: bytes further on are not UTF-8 (SPEC 3.1), so the file is GB18030: reading it again", name);
            return store(file, name, stamp, reading.asGb18030(), started, t0);
        }
    }

    /**
     * Whether the file is hashed while it is parsed rather than in a pass of its own before: delimited text (a
     * large ledger is read once instead of twice) of a size no stored file has, so it cannot repeat stored bytes.
     * Bytes that a file of the same size may hold are recognised before anything is read (SPEC §3.6).
     */
    private boolean hashedWhileRead(Path file, FileStamp stamp) throws SQLException {
        return TableReaders.isText(file.getFileName().toString()) && !store.storedFileOfSize(stamp.size());
    }

    /**
     * How the file is read: its encoding, and its SHA-256 if known before the read (else hashed while read).
     *
     * @param sha256 null when {@code hash} computes it during the read
     * @param hash   the hash computed during the read, or null
     */
    private record Reading(String sha256, long size, TextEncoding encoding, ContentHash hash) {

        static Reading of(FileFingerprint fingerprint) {
            return new Reading(fingerprint.sha256(), fingerprint.size(), fingerprint.encoding(), null);
        }

        static Reading hashedWhileRead(TextEncoding encoding, FileStamp stamp) {
            return new Reading(null, stamp.size(), encoding, new ContentHash());
        }

        /** The same file to be read again from the start as GB18030, hashed afresh. */
        Reading asGb18030() {
            return new Reading(sha256, size, TextEncoding.GB18030, hash == null ? null : new ContentHash());
        }

        TableReader reader(Path file, ReadLimits limits) throws UnreadableFileException {
            return TableReaders.forFile(file, encoding, hash, limits);
        }

        /** The SHA-256 of a file read to its end. */
        String readSha256() {
            return sha256 != null ? sha256 : hash.hex();
        }
    }

    /** Reads the file into its transaction and commits it, or records why not. */
    private IngestOutcome store(Path file, String name, FileStamp stamp, Reading reading, Instant started, long t0)
            throws SQLException, IOException {
        Failure failure;
        try (BatchTransaction tx = store.begin(name);
             RejectWriter rejects = new RejectWriter(settings.rejectsDir(), name);
             WriteBehind writes = new WriteBehind(name, item -> store(tx, item, name))) {
            MDC.put(MDC_BATCH, Long.toString(tx.batchId()));
            StoringSink sink = new StoringSink(tx, writes, rejects);
            TableExtractor extractor = new TableExtractor(detector, sink, tx.batchId(),
                    Years.fromFileName(name), settings.defaultFundSource(), new ProgressLog(name));
            String problem = read(file, reading, stamp, extractor);
            writes.finish();
            int read = extractor.dataRows();
            int rejected = extractor.rejectedRows();
            if (problem == null) {
                problem = stamp.changeSince(file);
            }
            if (problem == null) {
                problem = checkRejects(read, rejected, name);
            }
            Path rejectsFile = rejects.publish();
            if (problem == null) {
                String kind = extractor.kind().id();
                String notes = notes(extractor);
                if (sink.years.any()) {
                    tx.addFinding(YearDateContradictions.FINDING_CODE, "warning", sink.years.exampleRow(),
                            sink.years.finding(name));
                }
                Set<DeptYear> affected;
                try {
                    affected = tx.commit(new FileContent(reading.readSha256(), reading.size()), kind,
                            extractor.layoutName(), extractor.headerRow(), read, read - rejected, rejected, notes);
                } catch (BatchTransaction.SameBytesIngested e) {
                    if (rejectsFile != null) {
                        Files.delete(rejectsFile); // the rejects of the file that was stored stand
                    }
                    throw e;
                }
                if (!tx.keptEarlierOfSameName()) {
                    removeEarlierRejects(rejects, name);
                }
                if (sink.years.any()) {
                    LOG.warn(sink.years.warning(name));
                }
                return outcome(name, Status.INGESTED, tx.batchId(), kind, extractor.layoutName(), read,
                        read - rejected, rejected, t0, notes, rejectsFile, affected);
            }
            // a refused file changes nothing: the list of the earlier file of its name, still in force, stays
            failure = new Failure(extractor, problem);
        } catch (StoreFailure e) {
            throw e.getCause();
        } catch (BatchTransaction.SameBytesIngested e) {
            // the file's transaction is rolled back by now: these bytes were stored before (by another node while
            // this one read them, or, for a file hashed while read, by a file stored before file sizes were kept)
            return duplicate(name, e.earlier().sha256(), e.earlier(), started, t0);
        }
        String sha256 = reading.sha256();
        if (sha256 == null) {
            // hashed while read, and the read may have stopped early: before a byte that is not UTF-8, too
            FileFingerprint whole = inspectAfterFailure(file);
            if (whole != null && reading.encoding().guessed() && !StandardCharsets.UTF_8.equals(whole.textCharset())) {
                throw new NotUtf8Exception(null);
            }
            sha256 = whole == null ? "" : whole.sha256();
        }
        // recorded after the file's transaction is rolled back: SQLite allows one writer at a time
        return fail(name, sha256, started, t0, failure.extractor(), failure.extractor().dataRows(),
                failure.extractor().rejectedRows(), failure.problem());
    }

    /**
     * After the commit, the list of rows to correct that the replaced file of this name left; the file is stored by
     * now, so a list that cannot be removed (held open elsewhere) is only a warning, not a failure of the file.
     */
    private static void removeEarlierRejects(RejectWriter rejects, String name) {
        try {
            rejects.removeEarlier();
        } catch (IOException e) {
            LOG.warn("《{}》已导入，但较早同名文件的待更正行清单未能删除（{}），其内容已过时。 '{}' is stored, but the earlier"
                    + " list of rows to correct under its name could not be removed ({}); it is out of date.", name,
                    e.getMessage(), name, e.getMessage());
        }
    }

    /** The whole file's fingerprint for the record of its failure, or null when it cannot be read any more. */
    private static FileFingerprint inspectAfterFailure(Path file) {
        try {
            return FileInspector.inspect(file);
        } catch (IOException e) {
            return null;
        }
    }

    private record Failure(TableExtractor extractor, String problem) {
    }

    private IngestOutcome duplicate(String name, String sha256, IngestBatch earlier, Instant started, long t0)
            throws SQLException {
        String message = "内容与已导入的文件“" + earlier.fileName() + "”（批次 " + earlier.id()
                + "）完全相同，未重复导入。 Same content as '" + earlier.fileName() + "' (batch "
                + earlier.id() + "), already ingested: nothing was added.";
        long id = store.recordOutcome(name, sha256, Status.DUPLICATE, earlier.kind(),
                earlier.layout(), 0, 0, started, message);
        return outcome(name, Status.DUPLICATE, id, earlier.kind(), earlier.layout(), 0, 0, 0, t0,
                message, null, Set.of());
    }

    /**
     * A file refused without being read (too long a name, a folder) or that a defect of ours could not process
     * (see {@link InboxFileHandler}): recorded as failed like any other, so the status page and the batch list
     * show it too.
     */
    public IngestOutcome refused(String name, String message) throws SQLException {
        return fail(name, "", Instant.now(), System.nanoTime(), null, 0, 0, message);
    }

    /** A dry run (the {@code validate} command): detects, parses and validates, and writes nothing. */
    public ValidationReport validate(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!TableReaders.isSupported(name)) {
            return new ValidationReport(name, false, null, null, 0, null, 0, 0, 0, null, 0, List.of(),
                    unsupported(name));
        }
        CheckingSink sink = new CheckingSink(name);
        TableExtractor extractor = new TableExtractor(detector, sink, 0, Years.fromFileName(name),
                settings.defaultFundSource(), new ProgressLog(name));
        String problem = read(file, Reading.of(FileInspector.inspect(file)), null, extractor);
        if (problem == null) {
            problem = checkRejects(extractor.dataRows(), extractor.rejectedRows(), null);
        }
        if (sink.years.any()) {
            sink.note(sink.years.warning(name));
        }
        return new ValidationReport(name, problem == null, extractor.kind() == null ? null : extractor.kind().id(),
                extractor.layoutName(), extractor.headerRow(), sink.unit, extractor.dataRows(),
                extractor.rejectedRows(), extractor.passedOverRows(), extractor.passedOverNote(), sink.mismatches,
                sink.problems, problem);
    }

    /**
     * Reads the whole file into the extractor; returns the user-facing problem, or null. An I/O error
     * while the file changed or vanished (see {@code stamp}; null for a dry run) is that change.
     */
    private String read(Path file, Reading reading, FileStamp stamp, TableExtractor extractor) throws IOException {
        try {
            reading.reader(file, settings.limits()).read(file, extractor);
            extractor.requireTable();
            if (extractor.dataRows() == 0) {
                return "文件只有表头，没有数据行。请确认导出时选择了数据范围。"
                        + " The file has a header but no data rows: check the export's date or data range.";
            }
            return null;
        } catch (UnreadableFileException e) {
            if (e.getCause() != null) {
                // what the library said, for whoever supports the users: the log file only, not the .error.txt
                LoggerFactory.getLogger(LogSetup.DETAILS_LOGGER).info("{} could not be read", file.getFileName(),
                        e.getCause());
            }
            return e.getMessage();
        } catch (FileProblem e) {
            return e.getMessage();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IOException e) {
            String change = stamp == null ? null : stamp.changeSince(file);
            if (change != null) {
                return change;
            }
            throw e;
        }
    }

    /**
     * The problem when too many rows could not be used, or null. {@code name} is the file's name when it was
     * ingested, whose rejects file lists the reasons; null for a dry run, which lists them itself and writes nothing.
     */
    private String checkRejects(int read, int rejected, String name) {
        if (read == 0 || rejected == 0) {
            return null;
        }
        // compared exactly; the rounded ratio is only for the message
        if (BigDecimal.valueOf(rejected).compareTo(settings.maxRejectRatio().multiply(BigDecimal.valueOf(read))) <= 0) {
            return null;
        }
        BigDecimal ratio = BigDecimal.valueOf(rejected).divide(BigDecimal.valueOf(read), 4, RoundingMode.HALF_UP);
        String percent = ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String limit = settings.maxRejectRatio().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String counts = read + " 行数据中有 " + rejected + " 行无法使用（" + percent + "，超过 " + limit + "），";
        String countsEnglish = rejected + " of " + read + " data rows could not be used (" + percent + ", more than "
                + limit + "), ";
        if (name == null) {
            return counts + "导入时整个文件会被拒绝。各行原因列在下面，修正后再放入 inbox。 " + countsEnglish
                    + "so the file would be refused whole. The reason for each row is listed below; correct them"
                    + " before you drop the file into inbox.";
        }
        return counts + "整个文件未导入。各行原因见 outbox/rejects/" + RejectWriter.fileName(name) + "，修正后重新放入 inbox。 "
                + countsEnglish + "so nothing of the file was stored. The reason for each row is in outbox/rejects/"
                + RejectWriter.fileName(name) + "; correct them and drop the file into inbox again.";
    }

    /** What a stored file's batch record and log say was left out of it: sheets and rows that are not data; or null. */
    private static String notes(TableExtractor extractor) {
        List<String> notes = new ArrayList<>(2);
        if (!extractor.unmatchedTables().isEmpty()) {
            notes.add("未识别为报表而略过的工作表 / sheets passed over (no recognisable table): "
                    + String.join(", ", extractor.unmatchedTables()));
        }
        if (extractor.passedOverNote() != null) {
            notes.add(extractor.passedOverNote());
        }
        return notes.isEmpty() ? null : String.join("\n", notes);
    }

    private IngestOutcome fail(String name, String sha, Instant started, long t0, TableExtractor extractor, int read,
                               int rejected, String message) throws SQLException {
        String kind = extractor == null || extractor.kind() == null ? null : extractor.kind().id();
        String layout = extractor == null ? null : extractor.layoutName();
        long id = store.recordOutcome(name, sha, Status.FAILED, kind, layout, read, rejected, started, message);
        return outcome(name, Status.FAILED, id, kind, layout, read, 0, rejected, t0, message, null, Set.of());
    }

    private static IngestOutcome outcome(String name, Status status, long batchId, String kind, String layout, int read,
                                         int ingested, int rejected, long t0, String message, Path rejectsFile,
                                         Set<DeptYear> affected) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new IngestOutcome(name, status, batchId, kind, layout, read, ingested, rejected, seconds, message,
                rejectsFile, affected);
    }

    static String unsupported(String name) {
        return "不支持的文件类型：“" + name + "”。请导出为 CSV、TXT、XLSX 或 XLS 文件后重新放入 inbox。"
                + " Unsupported file type '" + name + "': export it as CSV, TXT, XLSX or XLS and drop it into inbox again.";
    }

    /** Stores one item on the write-behind thread: a record, or a total row that did not add up. */
    private static void store(BatchTransaction tx, Object item, String fileName) throws SQLException {
        if (item instanceof TotalMismatch mismatch) {
            tx.addFinding("TOTAL_ROW_MISMATCH", "warning", mismatch.row(), mismatch.message(fileName));
        } else {
            tx.add(item);
        }
    }

    /** Sends rows to the database writer and the rejects file. */
    private static final class StoringSink implements IngestSink {
        private final BatchTransaction tx;
        private final WriteBehind writes;
        private final RejectWriter rejects;
        private final YearDateContradictions years = new YearDateContradictions();

        StoringSink(BatchTransaction tx, WriteBehind writes, RejectWriter rejects) {
            this.tx = tx;
            this.writes = writes;
            this.rejects = rejects;
        }

        @Override
        public void tableStarted(TableContext table) {
            LOG.debug("table with layout {}", table.layout());
        }

        @Override
        public void record(Object record) {
            if (record instanceof LedgerLine line) {
                years.observe(line);
                try {
                    tx.sum(line);
                } catch (ArithmeticException e) {
                    throw new FileProblem("金额合计过大：项目 " + line.projectCode() + " 的支出合计超过 " + MAX_SUM
                            + " 元，无法精确计算。请检查金额的数字和单位。 The amounts add up to too much: the spending of"
                            + " project " + line.projectCode() + " exceeds " + MAX_SUM + " yuan and cannot be summed"
                            + " exactly; check the digits and the unit of the amounts.");
                }
            }
            queue(record);
        }

        @Override
        public void rejected(SourceRow row, TableContext table, RowRejection rejection) {
            try {
                rejects.write(row, rejection);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void totalMismatch(TotalMismatch mismatch) {
            queue(mismatch);
        }

        private void queue(Object item) {
            try {
                writes.add(item);
            } catch (SQLException e) {
                throw new StoreFailure(e);
            }
        }
    }

    /** Counts and lists problems for a dry run. */
    private static final class CheckingSink implements IngestSink {
        private final String fileName;
        private final List<String> problems = new ArrayList<>();
        private String unit;
        private int mismatches;
        private final YearDateContradictions years = new YearDateContradictions();

        CheckingSink(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public void tableStarted(TableContext table) {
            if (unit == null) {
                unit = table.unitOf(-1).label();
            }
        }

        @Override
        public void record(Object record) {
            if (record instanceof LedgerLine line) {
                years.observe(line);
            }
        }

        @Override
        public void rejected(SourceRow row, TableContext table, RowRejection rejection) {
            note("row " + row.number() + " 第" + row.number() + "行, column 列 “" + rejection.column() + "” = “"
                    + rejection.value() + "”: " + rejection.reason());
        }

        @Override
        public void totalMismatch(TotalMismatch mismatch) {
            mismatches++;
            note(mismatch.message(fileName) + " TOTAL_ROW_MISMATCH");
        }

        private void note(String problem) {
            if (problems.size() < ValidationReport.MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }

    /** A database error raised inside a reader callback, carried out to {@link #ingest}. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
