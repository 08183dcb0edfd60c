package org.perfeval.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.CrashPoints;
import org.perfeval.FailureWords;
import org.perfeval.aggregate.Aggregator;
import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;
import org.perfeval.model.Indicator;
import org.perfeval.report.narrative.DocxReportWriter;
import org.perfeval.report.narrative.HtmlReportWriter;
import org.perfeval.report.narrative.Narrative;
import org.perfeval.report.tables.Attachment1Writer;
import org.perfeval.report.tables.Attachment2Writer;
import org.perfeval.report.tables.Attachment3Writer;
import org.perfeval.report.tables.ManifestWriter;
import org.perfeval.report.tables.ProjectsCsvWriter;
import org.perfeval.report.tables.SummaryWriter;
import org.perfeval.store.Database;
import org.perfeval.store.FiguresStore;
import org.perfeval.store.ReportMarks;

/**
 * Regenerates the report set of department-years from what is stored (SPEC §7): per department
 * report.json, report.html, report.docx, the three attachments and projects.csv, then manifest.json
 * last; per year the summary. A set is written whole into a staging folder before its files replace the
 * old ones, so a failure half way (a full disk) leaves the old set as it was; the department-years stay
 * marked out of date in the database ({@link ReportMarks}) until their sets and summaries are written. Synchronised: the debounced regeneration and the nightly consolidation
 * never write one department's set at the same time.
 */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The writers of one department are independent of each other: they run side by side on the cores. */
    /** Departments whose writers may run while the oldest one's are awaited. */
    private static final int DEPARTMENTS_AHEAD = 1;
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "report-writer");
                thread.setDaemon(true);
                return thread;
            });

    private final FiguresStore figures;
    private final Aggregator aggregator;
    private final OutputPaths paths;
    private final Path departmentTextsDir;
    private final ReportAssembler assembler;
    static final String WARM_UP_PREFIX = "perfeval-warm-up";
    /** Far longer than a warm-up takes (a second or two). */
    static final Duration STALE_WARM_UP = Duration.ofMinutes(10);
    private final ReportJsonWriter jsonWriter = new ReportJsonWriter();
    private final HtmlReportWriter htmlWriter = new HtmlReportWriter();
    private final DocxReportWriter docxWriter = new DocxReportWriter();
    private final Attachment1Writer attachment1 = new Attachment1Writer();
    private final Attachment2Writer attachment2 = new Attachment2Writer();
    private final Attachment3Writer attachment3 = new Attachment3Writer();
    private final ProjectsCsvWriter projectsCsv = new ProjectsCsvWriter();
    private final ManifestWriter manifest = new ManifestWriter();
    private final SummaryWriter summary = new SummaryWriter();
    private final List<BiConsumer<Integer, Duration>> listeners = new CopyOnWriteArrayList<>();

    /** Taken while a node writes report sets, so that two nodes never interleave the files of one set. */
    public interface OutputLock {
        Database.NamedLock acquire() throws SQLException;
    }

    private final OutputLock outputLock;
    private final ReportMarks marks;
    private volatile Failure lastFailure;
    private final AtomicLong failedRuns = new AtomicLong();

    public ReportService(FiguresStore figures, ReportMarks marks, Aggregator aggregator, ReportAssembler assembler,
                         OutputPaths paths, Path departmentTextsDir, OutputLock outputLock) {
        this.outputLock = outputLock;
        this.marks = marks;
        this.figures = figures;
        this.aggregator = aggregator;
        this.assembler = assembler;
        this.paths = paths;
        this.departmentTextsDir = departmentTextsDir;
    }

    /**
     * Rewrites the reports of the given department-years and their years' summaries; returns how many.
     * The figures are read after the lock is taken, so the node writing last writes the newest figures.
     */
    public synchronized int regenerate(Collection<DeptYear> keys) throws SQLException, IOException {
        if (keys.isEmpty()) {
            // a duplicate file changed nothing: no run to log, time or count (nor to clear a failed run's report)
            return 0;
        }
        try (Database.NamedLock lock = outputLock.acquire()) {
            int written = write(keys);
            lastFailure = null;
            return written;
        } catch (SQLException | IOException | RuntimeException e) {
            lastFailure = new Failure(Instant.now(), problem(e));
            failedRuns.incrementAndGet();
            throw e;
        }
    }

    /** How many report runs failed since start (the metric {@code perfeval_reports_failed_total}). */
    public long failedRuns() {
        return failedRuns.get();
    }

    /** When the last report run failed, and why (bilingual); null while the last one succeeded. */
    public record Failure(Instant at, String problem) {
    }

    /** The last report run's failure, or null when it succeeded (or none ran yet). */
    public Failure lastFailure() {
        return lastFailure;
    }

    /** Department-years marked out of date in the database: left by a crash, or by a run that failed. */
    public Set<DeptYear> markedOutOfDate() throws SQLException {
        return marks.pending().keySet();
    }

    /** What an operator is told when reports could not be written: what failed and what to check. */
    public static String problem(Exception e) {
        String reason = FailureWords.reason(e);
        if (e instanceof SQLException) {
            return "报告未能生成：读取数据库出错（" + reason + "）。报告会自动重试。 Reports could not be written: reading"
                    + " the database failed (" + reason + "); they are tried again automatically.";
        }
        return "报告未能写入 outbox 文件夹（" + reason + "）。请确认 outbox 是可写的文件夹、磁盘有剩余空间；报告会自动重试，"
                + "原有的报告保持不变。 Reports could not be written to the outbox folder (" + reason + "): check that"
                + " outbox is a writable folder and that the disk has free space. They are tried again automatically;"
                + " the earlier reports stay as they were.";
    }

    private int write(Collection<DeptYear> keys) throws SQLException, IOException {
        long t0 = System.nanoTime();
        SortedSet<Integer> years = new TreeSet<>();
        Map<DeptYear, Long> marked = new TreeMap<>();
        int written = 0;
        Map<Long, String> batchFileNames = figures.batchFileNames();
        // the next department's figures are read and its writers queued while the last one's still run,
        // so that no core idles behind the slowest writer of a department
        Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        try {
            for (DeptYear key : keys) {
                // read before the figures: a file committed after this raises the mark, which then stays
                marked.put(key, marks.version(key));
                inFlight.add(startDepartment(key, batchFileNames));
                years.add(key.fiscalYear());
                if (inFlight.size() > DEPARTMENTS_AHEAD) {
                    await(inFlight.poll());
                    progress(++written, keys.size());
                }
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
                progress(++written, keys.size());
            }
        } finally {
            // after a failure the writers already started finish before the output lock is given up
            inFlight.forEach(f -> f.handle((done, e) -> null).join());
        }
        for (int year : years) {
            CrashPoints.reach(CrashPoints.SUMMARY);
            writeSummary(year);
        }
        // the marks go only when the sets and their years' summaries are all written
        marks.clear(marked);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("reports written for {} department-year(s) in {} ms", written, took.toMillis());
        int count = written;
        listeners.forEach(l -> l.accept(count, took));
        return written;
    }

    /** Rewrites every report, optionally only of one year and/or one department; returns how many. */
    public int regenerateAll(Integer year, String deptCode) throws SQLException, IOException {
        List<DeptYear> keys = figures.departmentYears().stream()
                .filter(k -> year == null || k.fiscalYear() == year)
                .filter(k -> deptCode == null || k.deptCode().equals(deptCode))
                .toList();
        return regenerate(keys);
    }

    /**
     * Loads the report libraries (POI, the template engine) in the background by writing a small
     * throw-away report set, so that the first real report after a large file does not also pay for
     * loading them. Runs at low priority on a daemon thread; failures only mean no head start.
     */
    public void warmUpInBackground() {
        Thread thread = new Thread(() -> {
            try {
                Path dir = Files.createTempDirectory(WARM_UP_PREFIX);
                removeStaleWarmUps(dir, Instant.now());
                try {
                    BigDecimal zero = BigDecimal.ZERO.setScale(2);
                    ReportDocument.Totals totals = new ReportDocument.Totals(zero, zero, zero, zero, zero, zero, null,
                            new ReportDocument.Basic(zero, zero, zero), new ReportDocument.ProjectTotals(zero, zero),
                            Map.of(), zero);
                    // one project with one indicator, so that the per-project code (a sheet of 附件3, a table of the
                    // narrative) is loaded and run once too
                    ReportDocument.Project project = new ReportDocument.Project("0", "-", "项目支出", "一般公共预算", zero,
                            zero, zero, zero, zero, zero, zero, true, "ledger",
                            new ReportDocument.Score(zero, zero, zero, "差"), List.of(new ReportDocument.IndicatorResult(
                                    "产出指标", "数量指标", "-", "≥1", "0", zero, zero, "-")));
                    ReportDocument document = new ReportDocument(2000, new ReportDocument.Department("0", "-"),
                            OffsetDateTime.now(ZONE).toString(), totals, null, List.of(project), null, List.of());
                    ReportInput input = new ReportInput(document, null, DepartmentTexts.NONE);
                    Narrative narrative = Narrative.of(input);
                    htmlWriter.write(dir, input, narrative);
                    docxWriter.write(dir, input, narrative);
                    attachment1.write(dir, input);
                    attachment2.write(dir, input);
                    attachment3.write(dir, input);
                } finally {
                    AtomicFiles.deleteTree(dir);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("report warm-up failed: {}", e.toString());
            }
        }, "report-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * Removes the warm-up folders that earlier runs of this user left in the temporary folder: a run that ends soon
     * after it starts ends before its warm-up, which runs on a daemon thread, has removed its folder. A folder older
     * than {@link #STALE_WARM_UP} is no longer written to. Only folders of the user who owns {@code ours} (the
     * new warm-up folder) are touched, links are never followed, and only the files directly inside are removed,
     * as a warm-up writes no others: a shared {@code /tmp} may hold anybody's {@code perfeval-warm-up…}.
     */
    static void removeStaleWarmUps(Path ours, Instant now) {
        Path tempRoot = ours.getParent();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tempRoot, WARM_UP_PREFIX + "*")) {
            UserPrincipal user = Files.getOwner(ours, LinkOption.NOFOLLOW_LINKS);
            for (Path folder : folders) {
                try {
                    BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isDirectory() && a.lastModifiedTime().toInstant().isBefore(now.minus(STALE_WARM_UP))
                            && user.equals(Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS))) {
                        removeWarmUpFiles(folder);
                    }
                } catch (IOException e) {
                    LOG.debug("stale warm-up folder {} left: {}", folder, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("stale warm-up folders not looked for in {}: {}", tempRoot, e.toString());
        }
    }

    /** The files directly in a warm-up folder (a link counts as a file: the link goes, not what it names), then it. */
    private static void removeWarmUpFiles(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(entry);
                }
            }
        }
        Files.delete(folder); // fails, and the folder stays, when something other than a warm-up's files is in it
    }

    /** Told how many department-years were written and how long it took (metrics). */
    public void addListener(BiConsumer<Integer, Duration> listener) {
        listeners.add(listener);
    }

    private static void progress(int written, int total) {
        if (written % 10 == 0) {
            LOG.info("reports: {} of {} department-years written", written, total);
        }
    }

    /**
     * Reads a department's figures and starts its writers; the returned future ends when the set is
     * published and its manifest, written last, lists it.
     */
    private CompletableFuture<Void> startDepartment(DeptYear key, Map<Long, String> batchFileNames)
            throws SQLException, IOException {
        Optional<DepartmentProfile> profile = figures.profile(key);
        DepartmentFigures f = aggregator.aggregate(key, figures.budgetLines(key), figures.ledgerSums(key), profile);
        List<Indicator> indicators = figures.indicators(key);
        ReportDocument document = assembler.assemble(f, indicators, figures.fileFindings(key), batchFileNames::get,
                OffsetDateTime.now(ZONE).withNano(0));
        DepartmentTexts texts = DepartmentTexts.load(departmentTextsDir, key.deptCode());
        // people read 万元 that add up; report.json and projects.csv keep the exact yuan
        ReportInput input = new ReportInput(ShownFigures.of(document), profile.orElse(null), texts, document);
        ReportInput exact = new ReportInput(document, profile.orElse(null), texts);
        Path dir = paths.departmentDir(key);
        // the whole new set is written beside the old one first: a failure (a full disk) leaves the old set whole
        Path staging = paths.stagingDir(key);
        AtomicFiles.deleteTree(staging); // what a killed run left
        Files.createDirectories(staging);
        Narrative narrative = Narrative.of(input);
        List<Callable<Path>> writers = List.of(
                () -> jsonWriter.write(staging, document),
                () -> htmlWriter.write(staging, input, narrative),
                () -> docxWriter.write(staging, input, narrative),
                () -> attachment1.write(staging, input),
                () -> attachment2.write(staging, input),
                () -> attachment3.write(staging, input),
                () -> projectsCsv.write(staging, exact));
        List<CompletableFuture<Path>> staged = writers.stream()
                .map(w -> CompletableFuture.supplyAsync(() -> call(w), WRITERS)).toList();
        return CompletableFuture.allOf(staged.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> call(() -> {
                    CrashPoints.reach(CrashPoints.REPORT_STAGED);
                    List<Path> files = publish(staged.stream().map(CompletableFuture::join).toList(), dir);
                    // last: a set is complete when its manifest lists it
                    return manifest.write(dir, files);
                }), WRITERS)
                .whenComplete((done, e) -> call(() -> {
                    AtomicFiles.deleteTree(staging);
                    return staging;
                }));
    }

    /**
     * Moves the staged files over the old ones, one rename each: a crash in between leaves a set whose
     * manifest no longer matches, and its mark in the database, so the next start writes it again.
     */
    private static List<Path> publish(List<Path> staged, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.removeTemporaryFiles(dir); // a killed run's, under this same lock
        List<Path> files = new ArrayList<>();
        for (Path file : staged) {
            Path target = dir.resolve(file.getFileName().toString());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            files.add(target);
            CrashPoints.reach(CrashPoints.REPORT_PUBLISHING);
        }
        return files;
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Waits for a department's set; its failure as thrown by the writer. */
    private static void await(CompletableFuture<Void> department) throws IOException {
        try {
            department.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /**
     * A department's report.json for the year's summary; empty, with a warning, for a file perfeval did not write
     * there for that year (damaged, another year's, copied into another folder such as {@code D01 - 副本}, where it
     * would count twice), which must not stop every later report run.
     */
    private static Optional<ReportDocument> summaryEntry(Path json, int year) throws IOException {
        ReportDocument document;
        try (InputStream in = Files.newInputStream(json)) {
            document = ReportJsonWriter.JSON.readValue(in, ReportDocument.class);
        } catch (JsonProcessingException e) {
            document = null;
        }
        if (document != null && document.fiscalYear() == year && document.department() != null
                && document.department().code() != null
                && json.getParent().getFileName().toString().equals(OutputPaths.folderName(document.department().code()))) {
            return Optional.of(document);
        }
        LOG.warn("{} 不是 perfeval 为 {} 年度生成的报告，未计入年度汇总；请删除该文件或其文件夹，或执行 report 命令重新生成。"
                + " {} is not a report perfeval wrote for {}: it is left out of the year's summary; delete the file or"
                + " its folder, or run the report command to write it again.", json, year, json, year);
        return Optional.empty();
    }

    /** The year's summary over every department's report.json in the outbox. */
    private void writeSummary(int year) throws IOException {
        Path yearDir = paths.yearDir(year);
        List<ReportDocument> departments = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(yearDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path json = dir.resolve(ReportJsonWriter.FILE_NAME);
                if (Files.isRegularFile(json)) {
                    summaryEntry(json, year).ifPresent(departments::add);
                }
            }
        }
        departments.sort((a, b) -> a.department().code().compareTo(b.department().code()));
        summary.write(yearDir, year, departments);
    }
}
