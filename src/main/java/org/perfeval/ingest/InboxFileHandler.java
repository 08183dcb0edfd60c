package org.perfeval.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.perfeval.CrashPoints;
import org.perfeval.FailureWords;
import org.perfeval.ingest.read.Interrupts;
import org.perfeval.model.IngestBatch;
import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportService;

/**
 * What happens to a file taken from {@code inbox/}: ingested, then destined for
 * {@code .done/<yyyyMMdd>/} or {@code .error/<yyyyMMdd>/} with a plain bilingual
 * {@code <name>.error.txt}. The caller (the inbox route) moves the file there; what the route cannot take (a
 * folder, too long a name) is moved to {@code .error/} here ({@link #refuseUntakeable}).
 */
public final class InboxFileHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFileHandler.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Log context key: the file being processed. */
    public static final String MDC_FILE = "file";

    /** Listens to outcomes: tallies for the exit status, pending reports, metrics. */
    public interface Listener {
        void fileDone(IngestOutcome outcome);
    }

    /** The wait after a file's first failure outside it; it doubles with each further failure, up to the last. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(60);
    /** Camel's read-lock marker: {@code FileComponent.DEFAULT_LOCK_FILE_POSTFIX}. */
    private static final String READ_LOCK_MARKER = ".camelLock";
    /** How deep and how many entries of a folder are looked at to see whether it is still being copied. */
    private static final int FOLDER_DEPTH = 4;
    private static final int FOLDER_ENTRIES = 10_000;

    private final IngestService ingest;
    private final Path inbox;
    private final Listener listener;
    /** Files that failed for a reason outside them (the database, a folder), by name, until they are taken. */
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    private record Retry(long lastModified, long size, int failures, long notBefore) {
    }

    public InboxFileHandler(IngestService ingest, Path inbox, Listener listener) {
        this.ingest = ingest;
        this.inbox = inbox;
        this.listener = listener;
    }

    /** The folder whose files this handler takes. */
    public Path inbox() {
        return inbox;
    }

    /**
     * Ingests the file and returns where it goes, relative to the inbox. Database failures are
     * thrown: the file then stays in the inbox and is tried again.
     */
    public String handle(Path file) throws SQLException, IOException {
        String name = file.getFileName().toString();
        String day = today();
        // the file's name stays in the log context for the line about a retry too (a resource would be closed before it)
        MDC.put(MDC_FILE, name);
        try {
            return handle(file, name, day);
        } catch (SQLException | IOException e) {
            if (Interrupts.stopping(e)) {
                LOG.warn(stoppedBeforeStored(name));
                throw e;
            }
            Duration wait = failedOutsideTheFile(file, name);
            LOG.error(notYetIngested(name, e) + " 下次尝试：" + wait.toSeconds() + " 秒后。 Next attempt in "
                    + wait.toSeconds() + " s.");
            throw e;
        } finally {
            MDC.remove(MDC_FILE);
            MDC.remove(IngestService.MDC_BATCH);
        }
    }

    private String handle(Path file, String name, String day) throws SQLException, IOException {
        IngestOutcome outcome;
        try {
            outcome = ingest.ingest(file);
        } catch (RuntimeException e) {
            // a defect of ours, not of the file: say so plainly, keep the details for the log
            LOG.error("failed {}: internal error {}", name, e.toString());
            LOG.debug("internal error while ingesting {}", name, e);
            outcome = ingest.refused(name, "处理该文件时程序内部出错（" + e.getClass().getSimpleName()
                    + "），文件未导入。请将此文件和 logs/perfeval.log 交给运维人员。 An internal error occurred while processing"
                    + " this file; nothing was stored. Please pass the file and logs/perfeval.log to the operations staff.");
        }
        String folder = outcome.failed() ? ".error" : ".done";
        String kept = freeName(inbox.resolve(folder).resolve(day), name, file);
        String target = folder + "/" + day + "/" + kept;
        if (outcome.failed()) {
            writeErrorText(inbox.resolve(folder).resolve(day).resolve(FileNames.withSuffix(kept, ".error.txt")),
                    outcome.fileName(), outcome.message());
            LOG.error(outcome.summary());
        } else {
            if (outcome.status() == IngestBatch.Status.INGESTED && outcome.message() != null) {
                // before the file's last line (SPEC §9: one line when it is done), under a prefix of its own
                LOG.info("not data in {}: {}", outcome.fileName(), outcome.message().replaceAll("[\r\n]+", " "));
            }
            LOG.info(outcome.summary());
        }
        listener.fileDone(outcome);
        retries.remove(name);
        CrashPoints.reach(CrashPoints.BEFORE_MOVE);
        return target;
    }

    /**
     * What the inbox route cannot take: a folder (perfeval reads only files put into {@code inbox/} directly),
     * or a file whose name is too long for the read lock's marker file ({@link #nameFitsReadLock}). Each goes to
     * {@code .error/<yyyyMMdd>/} with its {@code .error.txt}, once nothing in it has changed for {@code minAge}
     * (it may still be being copied). Hidden entries ({@code .done}, {@code .error}, {@code .cluster}) are
     * perfeval's own. When nodes share the inbox, moving the entry is the claim: one node's move succeeds.
     *
     * @return how many such entries are not yet settled and wait in the inbox
     */
    public int refuseUntakeable(Duration minAge) throws SQLException, IOException {
        if (!Files.isDirectory(inbox)) {
            return 0; // nothing to sweep; the inbox health check reports the missing folder
        }
        List<Path> untakeable;
        try (Stream<Path> entries = Files.list(inbox)) {
            untakeable = entries.filter(p -> !leftAlone(p.getFileName().toString())
                    && (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    || !nameFitsReadLock(p.getFileName().toString()))).toList();
        }
        int waiting = 0;
        Instant settledBefore = Instant.now().minus(minAge);
        for (Path entry : untakeable) {
            try {
                if (lastChange(entry).isAfter(settledBefore)) {
                    waiting++;
                } else {
                    refuse(entry);
                }
            } catch (NoSuchFileException e) {
                // moved or deleted meanwhile: by another node, or by the user
            }
        }
        return waiting;
    }

    /**
     * Entries of the inbox that are not exports and are left where they are: hidden ones ({@code .done}, {@code .error},
     * LibreOffice's {@code .~lock.…#}) and the owner files Excel keeps beside a workbook while it is open
     * ({@code ~$预算.xlsx}, 165 bytes naming the user), which Excel removes when the workbook is closed.
     */
    public static boolean leftAlone(String name) {
        return name.startsWith(".") || name.startsWith("~$");
    }

    /**
     * Whether the inbox route can take a file of this name: Camel's read lock first creates a marker file named
     * after it with {@value #READ_LOCK_MARKER} added, and a name may have at most 255 bytes.
     */
    public static boolean nameFitsReadLock(String name) {
        return (name + READ_LOCK_MARKER).getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES;
    }

    private void refuse(Path entry) throws SQLException, IOException {
        String name = entry.getFileName().toString();
        String reason = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                ? FileStamp.notARegularFile(entry) : nameTooLong(name);
        Path errors = inbox.resolve(".error").resolve(today());
        Files.createDirectories(errors);
        Path moved = errors.resolve(freeName(errors, name, entry));
        Files.move(entry, moved);
        // the reason first: it needs no database, so the entry never sits in .error without it
        writeErrorText(errors.resolve(FileNames.withSuffix(moved.getFileName().toString(), ".error.txt")), name, reason);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_FILE, name)) {
            IngestOutcome outcome = ingest.refused(name, reason);
            LOG.error(outcome.summary());
            listener.fileDone(outcome);
        }
    }

    /** The dated folder under .done/ and .error/: Beijing time, like the reports. */
    private static String today() {
        return LocalDate.now(ReportService.ZONE).format(DAY);
    }

    private static String nameTooLong(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        int most = FileNames.MAX_BYTES - READ_LOCK_MARKER.length();
        return "文件名太长（" + bytes + " 字节）：读取文件时要在它旁边建一个名为“文件名" + READ_LOCK_MARKER + "”的锁文件，因此文件名最多"
                + most + " 字节（约 " + most / 3 + " 个汉字）。请把文件改为较短的名字后重新放入 inbox。 The file name is too long ("
                + bytes + " bytes): reading a file takes a lock file named after it with '" + READ_LOCK_MARKER + "' added,"
                + " so a name may have at most " + most + " bytes (about " + most / 3 + " Chinese characters). Rename the"
                + " file to something shorter and drop it into inbox again.";
    }

    /** The newest time stamp of a file, or of a folder and what it holds, a few levels and entries deep. */
    private static Instant lastChange(Path entry) throws IOException {
        Instant newest = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
        try (Stream<Path> tree = Files.walk(entry, FOLDER_DEPTH)) {
            Iterator<Path> entries = tree.limit(FOLDER_ENTRIES).iterator();
            while (entries.hasNext()) {
                Instant changed = Files.getLastModifiedTime(entries.next(), LinkOption.NOFOLLOW_LINKS).toInstant();
                newest = changed.isAfter(newest) ? changed : newest;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return newest;
    }

    /**
     * Whether the inbox may take this file now: false while a file that failed for a reason outside it
     * waits for its next attempt. A new copy of it (another time stamp or size) is taken at once.
     */
    public boolean mayTake(String name, long lastModifiedMillis, long size) {
        Retry retry = retries.get(name);
        if (retry == null) {
            return true;
        }
        if (retry.lastModified() != lastModifiedMillis || retry.size() != size) {
            retries.remove(name, retry);
            return true;
        }
        return System.nanoTime() - retry.notBefore() >= 0;
    }

    /** Records one more failure of a file that stays in the inbox; returns how long it now waits. */
    private Duration failedOutsideTheFile(Path file, String name) {
        long lastModified;
        long size;
        try {
            lastModified = Files.getLastModifiedTime(file).toMillis();
            size = Files.size(file);
        } catch (IOException gone) {
            retries.remove(name);
            return Duration.ZERO;
        }
        Retry earlier = retries.get(name);
        int failures = earlier == null ? 1 : earlier.failures() + 1;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        wait = wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
        retries.put(name, new Retry(lastModified, size, failures, System.nanoTime() + wait.toNanos()));
        return wait;
    }

    /**
     * The operator's line for a file that failed for a reason outside it and waits in the inbox: the
     * database locked by another program or failing, a folder that cannot be written.
     */
    static String stoppedBeforeStored(String name) {
        return "服务停止时文件“" + name + "”尚未导入完毕：已读入的部分全部撤销，文件留在 inbox 中，下次启动时重新导入。"
                + " The service stopped before '" + name + "' was stored: nothing of it was kept, and it stays in inbox"
                + " for the next start.";
    }

    static String notYetIngested(String name, Exception e) {
        String reason = String.valueOf(e.getMessage());
        String waits = "文件“" + name + "”暂未导入，留在 inbox 中，稍后重试。 " + name
                + " was not ingested yet: it stays in inbox/ and is tried again later.";
        Optional<String> outside = FailureWords.of(e);
        if (outside.isPresent()) {
            return outside.get() + " " + waits;
        }
        if (e instanceof SQLException && (reason.contains("SQLITE_BUSY") || reason.contains("database is locked"))) {
            return "数据库被另一个程序锁定（例如打开着数据库的 sqlite3 或备份工具）。 The database is locked by another"
                    + " program (for example a sqlite3 shell or a backup tool in a transaction). " + waits;
        }
        if (e instanceof SQLException) {
            return "数据库出错（" + reason + "）。 The database failed (" + reason + "). " + waits;
        }
        return "读写文件出错（" + reason + "），请检查 inbox 和 outbox 文件夹是否可写、磁盘是否有剩余空间。 A file could not"
                + " be read or written (" + reason + "): check that the inbox and outbox folders are writable and that"
                + " the disk has free space. " + waits;
    }

    /**
     * The name the file is kept under: its own, or {@code name (2).csv} … when a different file of that
     * name already ended there today (a corrected export), so that the earlier original is not lost.
     * The same bytes again (a duplicate) simply take the place of their identical copy.
     */
    static String freeName(Path folder, String name, Path incoming) throws IOException {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; Files.exists(folder.resolve(candidate), LinkOption.NOFOLLOW_LINKS); n++) {
            Path kept = folder.resolve(candidate);
            if (Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(incoming, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(kept, incoming) == -1L) {
                return candidate;
            }
            candidate = FileNames.withSuffix(base, " (" + n + ")" + extension);
        }
        return candidate;
    }

    private static void writeErrorText(Path target, String fileName, String problem) throws IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("文件 / File: " + fileName);
        out.println("时间 / Time: " + LocalDateTime.now(ReportService.ZONE).withNano(0).toString().replace('T', ' '));
        out.println();
        out.println("问题 / Problem:");
        out.println(problem);
        out.println();
        out.println("该文件没有导入任何数据。修正后把文件重新放入 inbox/ 文件夹即可，系统会自动处理。");
        out.println("Nothing of this file was stored. Correct it and drop it into the inbox/ folder again;"
                + " it will be processed automatically.");
        out.flush();
        AtomicFiles.write(target, o -> o.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
