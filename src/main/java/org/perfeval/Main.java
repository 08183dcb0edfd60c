package org.perfeval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.cli.CommandLine;
import org.perfeval.cli.CommandLine.UsageException;
import org.perfeval.ingest.IngestService;
import org.perfeval.ingest.ValidationReport;
import org.perfeval.ops.LogSetup;
import org.perfeval.ops.Observability;
import org.perfeval.ops.ShortRunCompilation;
import org.perfeval.report.ReportService;
import org.perfeval.routes.ConsolidationRoute;
import org.perfeval.routes.InboxRoute;
import org.perfeval.routes.ReportRoute;
import org.perfeval.store.Database;

/** {@code java -jar perfeval.jar COMMAND}: the commands of SPEC §2. */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** Commands that do a bounded amount of work and end: see {@link ShortRunCompilation}. */
    private static final Set<String> SHORT_COMMANDS = Set.of("report", "consolidate", "demo");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit status. */
    public static int execute(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (UsageException e) {
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            err.println("perfeval: " + e.getMessage());
            err.println();
            err.print(CommandLine.USAGE);
            return USAGE;
        }
        if (cli == null) {
            out.print(CommandLine.USAGE);
            return OK;
        }
        String localeProblem = localeProblem();
        if (localeProblem != null) {
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println("perfeval: " + localeProblem);
            return FAILED;
        }
        boolean dryRun = cli.command().equals("validate");
        Settings settings;
        String logAppender;
        try {
            // a dry run writes nothing: no folders, no log file
            settings = Settings.load(dryRun ? Home.existing(cli.home()) : Home.open(cli.home()));
            logAppender = dryRun ? "NONE" : logAppender(settings);
        } catch (SettingException e) {
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println("perfeval: " + e.getMessage());
            return FAILED;
        } catch (IOException | RuntimeException e) {
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println("perfeval: 主文件夹或配置无法读取 / cannot"
                    + " open the home folder or read the configuration of " + cli.home() + ": " + e.getMessage());
            return FAILED;
        }
        // logback reads these when the first logger is made, so they come before it
        System.setProperty("perfeval.home", cli.home().toString());
        System.setProperty("perfeval.log.appender", logAppender);
        Logger log = LoggerFactory.getLogger(Main.class);
        for (String key : settings.unknownKeys()) {
            log.warn("config/application.properties 中的 {} 不是 perfeval 的配置项，未起作用（拼写有误？各配置项见 README“Configuration”）。"
                    + " The key {} in config/application.properties is no setting of perfeval's and has no effect"
                    + " (misspelt? README, \"Configuration\", lists them).", key, key);
        }
        if (SHORT_COMMANDS.contains(cli.command())) {
            ShortRunCompilation.preferQuickStart();
        }
        try {
            return switch (cli.command()) {
                case "validate" -> validate(Services.validator(settings), cli.files(), out);
                case "report" -> report(settings, cli.year(), cli.dept(), out);
                case "consolidate" -> consolidate(settings, out);
                case "demo" -> {
                    copyDemo(settings.home().inbox(), log);
                    yield camel(settings, true);
                }
                case "once" -> camel(settings, true);
                case "run" -> camel(settings, false);
                default -> throw new IllegalStateException(cli.command());
            };
        } catch (SettingException | Database.AnotherServiceRunning e) {
            // a setting refused with a message that names it and says what it must be, or another run holding the
            // database (whose log file this process shares): nothing more to show
            log.error("perfeval {} 失败 / failed: {}", cli.command(), e.getMessage());
            return FAILED;
        } catch (Exception e) {
            if (dryRun) {
                // the dry run writes no log file to point to; once or run on the same home log the details
                log.error("perfeval {} 失败 / failed: {}", cli.command(), problem(e));
                return FAILED;
            }
            log.error("perfeval {} 失败 / failed: {} — 详情见 / details in logs/perfeval.log", cli.command(), problem(e));
            LoggerFactory.getLogger(LogSetup.DETAILS_LOGGER).error("perfeval {} failed", cli.command(), e);
            return FAILED;
        }
    }

    /**
     * A failure in words an operator can act on: permissions and a database folder that may not be written are named
     * as such; other failures keep their own message.
     */
    static String problem(Throwable e) {
        return FailureWords.of(e).orElse(e.getMessage() != null ? e.getMessage() : e.toString());
    }

    /** The log file's appender for {@code perfeval.log.format}; a value that is neither format is refused. */
    static String logAppender(Settings settings) {
        String format = settings.get("perfeval.log.format", "text").strip();
        if (format.equalsIgnoreCase("text")) {
            return "FILE";
        }
        if (format.equalsIgnoreCase("json")) {
            return "FILE_JSON";
        }
        throw new SettingException("配置项 perfeval.log.format 应为 text 或 json，而不是“" + format + "”。"
                + " The setting perfeval.log.format must be text or json, not '" + format + "'.");
    }

    /**
     * Chinese file names need a UTF-8 locale: the JVM takes the file-name encoding from LANG/LC_ALL at
     * start, and services and cron jobs often run with the POSIX locale.
     */
    private static String localeProblem() {
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (java.nio.charset.Charset.isSupported(encoding)
                && java.nio.charset.Charset.forName(encoding).newEncoder().canEncode("预算指标")) {
            return null;
        }
        return "系统区域设置不是 UTF-8（" + encoding + "），无法读取中文文件名。请在启动前设置环境变量 LANG=C.UTF-8"
                + "（systemd 服务文件中写 Environment=LANG=C.UTF-8）。 The system locale is not UTF-8 (" + encoding
                + "), so Chinese file names cannot be read: set LANG=C.UTF-8 before starting perfeval"
                + " (in a systemd unit: Environment=LANG=C.UTF-8).";
    }

    private static int validate(IngestService validator, List<Path> files, PrintStream out) throws IOException {
        boolean allAcceptable = true;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                out.println(file + ": NOT ACCEPTABLE 不能导入\n  problem 问题: 文件不存在。 No such file.");
                allAcceptable = false;
                continue;
            }
            ValidationReport report = validator.validate(file);
            out.print(report.render());
            allAcceptable &= report.acceptable();
        }
        return allAcceptable ? OK : FAILED;
    }

    private static int report(Settings settings, Integer year, String dept, PrintStream out) throws Exception {
        int written;
        try (Services services = Services.create(settings)) {
            try {
                written = services.reports().regenerateAll(year, dept);
            } catch (IOException e) {
                // the outbox: not a folder, the disk full; the earlier reports stay whole
                LoggerFactory.getLogger(Main.class).error(ReportService.problem(e));
                return FAILED;
            }
        }
        if (written == 0 && (year != null || dept != null)) {
            out.println("数据库中没有" + (year != null ? year + "年度" : "") + (dept != null ? "单位 " + dept + " " : "")
                    + "的数据，未生成报告。 No data in the database for" + (year != null ? " year " + year : "")
                    + (dept != null ? " department " + dept : "") + ": no report written.");
            return FAILED;
        }
        out.println("已生成 " + written + " 个单位年度的报告。 Reports written for " + written + " department-year(s).");
        return OK;
    }

    private static int consolidate(Settings settings, PrintStream out) throws Exception {
        int written;
        try (Services services = Services.create(settings)) {
            written = services.consolidation().run().departmentYears();
        }
        out.println("整体汇总完成：" + written + " 个单位年度。 Consolidation done: " + written + " department-year(s).");
        return OK;
    }

    /** Runs the Camel application: until SIGTERM ({@code run}), or until the inbox is empty ({@code once}). */
    private static int camel(Settings settings, boolean once) throws Exception {
        Services services = Services.create(settings);
        // one service per SQLite database: a second run would poll the same inbox into the same file
        try (Database.NamedLock onlyService = once ? () -> { } : services.database().holdAsOnlyService()) {
            return camel(settings, services, once);
        } finally {
            services.close();
        }
    }

    private static int camel(Settings settings, Services services, boolean once) throws Exception {
        boolean reportsLeft = services.queueLeftOverReports();
        org.apache.camel.main.Main camel = new org.apache.camel.main.Main();
        camel.setDefaultPropertyPlaceholderLocation("false");
        camel.setInitialProperties(settings.resolved());
        InboxRoute.OneRun oneRun = null;
        boolean[] failed = {false};
        if (once) {
            oneRun = new InboxRoute.OneRun() {
                @Override
                public void idle() {
                    try {
                        services.reports().regenerate(services.pending().takeAll());
                    } catch (Exception e) {
                        failed[0] = true;
                        // they stay marked out of date in the database: the next run writes them
                        LoggerFactory.getLogger(Main.class).error(ReportService.problem(e));
                    } finally {
                        camel.completed();
                    }
                }

                @Override
                public void failed(Exception cause) {
                    failed[0] = true;
                    // a file's own failure was logged with its name by InboxFileHandler; this says the run stops
                    LoggerFactory.getLogger(Main.class).error("处理中止，文件留在 inbox 中待下次处理：{} Processing stopped; the"
                            + " file stays in inbox for the next run.", problem(cause));
                    camel.completed();
                }
            };
        }
        camel.configure().addRoutesBuilder(new InboxRoute(services.inboxHandler(), oneRun, services.cluster(),
                services.database()));
        if (!once || reportsLeft || services.inboxHasEntries()) {
            // not for a run with nothing to do: it would end before the warm-up helps, which then only costs CPU
            services.reports().warmUpInBackground();
        }
        if (!once) {
            addServiceRoutes(camel, services, settings);
        }
        camel.run();
        return services.filesFailed() > 0 || failed[0] ? FAILED : OK;
    }

    /**
     * What the {@code run} service adds to the inbox route: the HTTP endpoints, the debounced report
     * regeneration and the nightly consolidation.
     */
    public static Observability addServiceRoutes(org.apache.camel.main.Main camel, Services services,
                                                 Settings settings) throws IOException {
        Observability ops = Observability.install(camel, services, settings);
        camel.configure().addRoutesBuilder(new ReportRoute(services.pending(), services.reports()));
        camel.configure().addRoutesBuilder(new ConsolidationRoute(services.consolidation(),
                settings.get("perfeval.consolidation.cron", "0 0 2 * * ?"), ops::consolidationSucceeded,
                services.cluster()));
        return ops;
    }

    /** Copies the bundled example exports into the inbox (SPEC §2 {@code demo}). */
    private static void copyDemo(Path inbox, Logger log) throws IOException {
        Path demo = Home.classpathFolder("/demo");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(demo)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (!name.equalsIgnoreCase("README.txt") && !Files.isDirectory(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        for (Path file : files) {
            Path target = inbox.resolve(file.getFileName().toString());
            try (InputStream in = Files.newInputStream(file)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            // complete copies: no need for the inbox to wait until they look settled
            Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(60)));
            log.info("demo: copied {} into inbox", target.getFileName());
        }
    }
}
