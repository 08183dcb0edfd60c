package org.perfeval;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.aggregate.Aggregator;
import org.perfeval.ingest.HeaderDetector;
import org.perfeval.ingest.InboxFileHandler;
import org.perfeval.ingest.IngestService;
import org.perfeval.ingest.IngestSettings;
import org.perfeval.ingest.layout.LayoutRegistry;
import org.perfeval.model.DeptYear;
import org.perfeval.ingest.read.ReadLimits;
import org.perfeval.ingest.value.FundSources;
import org.perfeval.ingest.value.ValueException;
import org.perfeval.report.Consolidation;
import org.perfeval.report.OutputPaths;
import org.perfeval.report.PendingReports;
import org.perfeval.report.ReportAssembler;
import org.perfeval.scoring.DepartmentScorer;
import org.perfeval.scoring.ProjectScorer;
import org.perfeval.scoring.ScoringRules;
import org.perfeval.report.ReportService;
import org.perfeval.routes.ClusterSettings;
import org.perfeval.store.Database;
import org.perfeval.store.DatabaseBackup;
import org.perfeval.store.Dialect;
import org.perfeval.store.FiguresStore;
import org.perfeval.store.IngestStore;
import org.perfeval.store.ConsolidationLog;
import org.perfeval.store.ReportMarks;

/** The application's parts, built once from the settings and shared by the commands and routes. */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Settings settings;
    private final Database database;
    private final IngestService ingest;
    private final ReportService reports;
    private final PendingReports pending;
    private final Consolidation consolidation;
    private final InboxFileHandler inboxHandler;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicInteger filesFailed = new AtomicInteger();
    private final List<InboxFileHandler.Listener> fileListeners = new CopyOnWriteArrayList<>();

    private Services(Settings settings, Database database, IngestService ingest, ReportService reports,
                     Consolidation consolidation, PendingReports pending) {
        this.consolidation = consolidation;
        this.settings = settings;
        this.database = database;
        this.ingest = ingest;
        this.reports = reports;
        this.pending = pending;
        this.inboxHandler = new InboxFileHandler(ingest, settings.path("perfeval.inbox.dir",
                settings.home().inbox().toString()), outcome -> {
            (outcome.failed() ? filesFailed : filesDone).incrementAndGet();
            pending.add(outcome.affected());
            fileListeners.forEach(l -> l.fileDone(outcome));
        });
    }

    public static Services create(Settings settings) throws IOException, SQLException {
        requireCamelTimings(settings);
        Home home = settings.home();
        LayoutRegistry layouts = LayoutRegistry.load(home.config().mappings());
        OutputPaths paths = new OutputPaths(settings.path("perfeval.outbox.dir", home.outbox().toString()));
        IngestSettings ingestSettings = ingestSettings(settings, paths.outbox().resolve("rejects"));
        Path scoringFile = home.config().resolve("scoring.yaml");
        ScoringRules rules = Files.isRegularFile(scoringFile) ? ScoringRules.load(scoringFile) : ScoringRules.defaults();
        Database database = Database.open(settings.get("perfeval.db.url"), settings.get("perfeval.db.user"),
                settings.get("perfeval.db.password"),
                settings.getPositiveInt("perfeval.db.pool-size", Database.DEFAULT_POOL_SIZE),
                settings.getMillis("perfeval.db.busy-timeout-ms", Database.DEFAULT_BUSY_TIMEOUT_MS));
        IngestService ingest = new IngestService(ingestSettings, new HeaderDetector(layouts), new IngestStore(database));
        ReportService reports = new ReportService(new FiguresStore(database), new ReportMarks(database),
                new Aggregator(ingestSettings.defaultFundSource(), rules.department().threePublicEconomicClasses()),
                new ReportAssembler(new ProjectScorer(rules), new DepartmentScorer(rules),
                        settings.getFraction("perfeval.findings.low-execution", "0.9")),
                paths, home.config().path().resolve("departments"), () -> database.lock("perfeval-reports"));
        Consolidation consolidation = new Consolidation(reports,
                new DatabaseBackup(database, home.data().resolve("backup"), 7), new ConsolidationLog(database));
        PendingReports pending = new PendingReports(settings.getMillis("perfeval.reports.debounce-ms", 2000));
        return new Services(settings, database, ingest, reports, consolidation, pending);
    }

    /**
     * For the inbox commands ({@code run}, {@code once}): the report sets an earlier run left unwritten or half-written
     * (still marked out of date) are queued to be written with the next ones. {@code report} and {@code consolidate}
     * write what they are asked for, marked or not.
     *
     * @return whether there were any
     */
    public boolean queueLeftOverReports() throws SQLException {
        Set<DeptYear> leftOver = reports.markedOutOfDate();
        if (!leftOver.isEmpty()) {
            LOG.info("reports of {} department-year(s) were left unwritten or half-written by an earlier run: writing"
                    + " them again", leftOver.size());
            pending.add(leftOver);
        }
        return !leftOver.isEmpty();
    }

    /** Whether the inbox holds anything to take (its hidden entries, such as .done and .error, aside). */
    public boolean inboxHasEntries() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inboxHandler.inbox(),
                entry -> !InboxFileHandler.leftAlone(entry.getFileName().toString()))) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            return true; // the inbox route will say what is wrong with it
        }
    }

    /**
     * The timings Camel reads from the properties: checked here so that a word or a negative number is refused
     * naming its key, not by a Camel stack trace about a route, nor (the shutdown timeout) silently replaced by
     * Camel's own 45 s, more than a service manager waits.
     */
    static void requireCamelTimings(Settings settings) {
        settings.getPositiveInt("perfeval.inbox.poll-delay-ms", 1000);
        settings.getPositiveInt("perfeval.inbox.read-lock-check-interval-ms", 1000);
        settings.getMillis("perfeval.inbox.read-lock-timeout-ms", 600_000);
        settings.getMillis("perfeval.inbox.read-lock-min-age-ms", 10_000);
        settings.getPositiveInt("camel.main.shutdownTimeout", 25);
        settings.getPositiveInt("camel.main.shutdown-timeout", 25); // Camel takes either spelling
    }

    /** For the dry run: layouts only, no database. */
    public static IngestService validator(Settings settings) throws IOException {
        LayoutRegistry layouts = LayoutRegistry.load(settings.home().config().mappings());
        return new IngestService(ingestSettings(settings, null), new HeaderDetector(layouts), null);
    }

    private static IngestSettings ingestSettings(Settings settings, Path rejectsDir) {
        return new IngestSettings(rejectsDir, settings.getFraction("perfeval.ingest.max-reject-ratio", "0.2"),
                defaultFundSource(settings), readLimits(settings));
    }

    /**
     * {@code perfeval.ingest.default-fund-source} spelled as reports name it: {@code 政府性基金}, one of SPEC §3.4's
     * spellings, had become a fund source of its own that no section of the narrative showed.
     */
    static String defaultFundSource(Settings settings) {
        String key = "perfeval.ingest.default-fund-source";
        String value = settings.get(key, FundSources.GENERAL_PUBLIC);
        try {
            return FundSources.normalize(value).orElse(FundSources.GENERAL_PUBLIC);
        } catch (ValueException e) {
            throw new SettingException("配置项 " + key + " 应为资金性质之一（" + String.join("、", FundSources.CANONICAL)
                    + "），而不是“" + value + "”。 The setting " + key + " must be one of the fund sources ("
                    + String.join(", ", FundSources.CANONICAL) + "), not '" + value + "'.", e);
        }
    }

    /** The {@code perfeval.ingest.max-*} settings; an absent key keeps its {@link ReadLimits#DEFAULTS} value. */
    static ReadLimits readLimits(Settings settings) {
        ReadLimits defaults = ReadLimits.DEFAULTS;
        return new ReadLimits(
                settings.getPositiveInt("perfeval.ingest.max-columns", defaults.maxColumns()),
                settings.getPositiveInt("perfeval.ingest.max-cell-chars", defaults.maxCellChars()),
                settings.getPositiveInt("perfeval.ingest.max-rows-per-table", defaults.maxRowsPerTable()),
                settings.getPositiveInt("perfeval.ingest.max-line-chars", defaults.maxLineChars()),
                settings.getPositiveInt("perfeval.ingest.xlsx-max-part-mb",
                        (int) (defaults.maxXlsxPartBytes() / ReadLimits.MIB)) * ReadLimits.MIB,
                settings.getPositiveInt("perfeval.ingest.xls-max-mb", (int) (defaults.maxXlsBytes() / ReadLimits.MIB))
                        * ReadLimits.MIB);
    }

    /** How this node shares the inbox and the nightly work with others (SPEC §10). */
    public ClusterSettings cluster() {
        return new ClusterSettings(database.dialect() == Dialect.POSTGRESQL,
                Duration.ofMillis(settings.getPositiveInt("perfeval.cluster.file-lock-max-age-ms", 60_000)),
                Duration.ofMillis(settings.getPositiveInt("perfeval.cluster.file-lock-keep-alive-ms", 10_000)),
                settings.path("perfeval.cluster.dir", settings.home().inbox().resolve(".cluster").toString()),
                Duration.ofMillis(settings.getPositiveInt("perfeval.cluster.leader-interval-ms", 10_000)));
    }

    /** Closes the database pool. */
    @Override
    public void close() {
        database.close();
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public IngestService ingest() {
        return ingest;
    }

    public ReportService reports() {
        return reports;
    }

    public Consolidation consolidation() {
        return consolidation;
    }

    public PendingReports pending() {
        return pending;
    }

    public InboxFileHandler inboxHandler() {
        return inboxHandler;
    }

    /** Also tell this listener (metrics, status page) what became of each inbox file. */
    public void addFileListener(InboxFileHandler.Listener listener) {
        fileListeners.add(listener);
    }

    public int filesDone() {
        return filesDone.get();
    }

    public int filesFailed() {
        return filesFailed.get();
    }
}
