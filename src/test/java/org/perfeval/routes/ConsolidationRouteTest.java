package org.perfeval.routes;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Route;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;

import org.perfeval.ingest.TestHome;
import org.perfeval.report.ReportService;
import org.perfeval.report.tables.ManifestWriter;

/**
 * The nightly consolidation route (SPEC §9), triggered in the test instead of waited for: the quartz
 * {@code from} is replaced by {@code direct:consolidate} (AdviceWith), or the real quartz job is fired
 * through its scheduler. One run rewrites every report, backs up the SQLite database to
 * {@code data/backup/perfeval-<yyyyMMdd>.db} and tells the {@code succeeded} callback when.
 */
class ConsolidationRouteTest {

    private static final String CRON = "0 0 2 * * ?";
    private static final String DEPT = "880001";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path temp;

    private TestHome home;
    private DefaultCamelContext context;
    private final AtomicReference<Instant> succeeded = new AtomicReference<>();
    private final AtomicInteger successes = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        home = TestHome.create(temp);
        home.ingestOk(home.csv("budget.csv",
                TestHome.line("年度", "单位编码", "单位名称", "项目编码", "项目名称", "支出类型", "年初预算数", "全年预算数"),
                TestHome.line(2024, DEPT, "测试局", "P001", "测试项目一", "项目支出", "1,000.00", "1,000.00"),
                TestHome.line(2024, DEPT, "测试局", "P002", "测试项目二", "项目支出", "500.00", "500.00")));
        home.ingestOk(home.csv("ledger.csv",
                TestHome.line("会计年度", "单位编码", "凭证日期", "凭证号", "项目编码", "经济分类科目", "支出金额"),
                TestHome.line(2024, DEPT, "2024-03-05", "记-0001", "P001", "30201 办公费", "600.00"),
                TestHome.line(2024, DEPT, "2024-04-05", "记-0002", "P002", "30201 办公费", "500.00")));
        assertEquals(1, home.regenerateReports());
        context = new DefaultCamelContext();
        context.addRoutes(new ConsolidationRoute(home.services().consolidation(), CRON, at -> {
            successes.incrementAndGet();
            succeeded.set(at);
        }));
    }

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void theRouteIsOnTheConfiguredCronInShanghaiTime() {
        String uri = ((ModelCamelContext) context).getRouteDefinition(ConsolidationRoute.ROUTE_ID).getInput()
                .getEndpointUri();
        assertEquals("quartz://perfeval/consolidation?cron=0+0+2+*+*+?&trigger.timeZone=Asia/Shanghai", uri);
        assertTrue(uri.contains("cron=0+0+2+*+*+?"), "the cron's spaces written as '+'");
        assertTrue(uri.contains("trigger.timeZone=Asia/Shanghai"), uri);
    }

    @Test
    void aCronWithSurroundingSpacesIsStripped() throws Exception {
        DefaultCamelContext other = new DefaultCamelContext();
        try {
            other.addRoutes(new ConsolidationRoute(home.services().consolidation(), "  0 30 1 * * ?\n", at -> { }));
            assertEquals("quartz://perfeval/consolidation?cron=0+30+1+*+*+?&trigger.timeZone=Asia/Shanghai",
                    other.getRouteDefinition(ConsolidationRoute.ROUTE_ID).getInput().getEndpointUri());
        } finally {
            other.stop();
        }
    }

    @Test
    void everyQuartzCronReachesTheTriggerUnchanged() throws Exception {
        for (String cron : List.of("0 0/30 1-3 * * ?", "0 15 2 L * ?", "0 0 2 ? * MON-FRI", "0 0 2 ? * 6#3")) {
            DefaultCamelContext other = new DefaultCamelContext();
            try {
                other.addRoutes(new ConsolidationRoute(home.services().consolidation(), cron, at -> { }));
                other.start();
                QuartzEndpoint endpoint = (QuartzEndpoint) other.getRoute(ConsolidationRoute.ROUTE_ID).getEndpoint();
                Trigger trigger = other.getComponent("quartz", QuartzComponent.class).getScheduler()
                        .getTrigger(endpoint.getTriggerKey());
                assertEquals(cron, assertInstanceOf(trigger).getCronExpression(), cron);
                assertEquals("Asia/Shanghai", assertInstanceOf(trigger).getTimeZone().getID(), cron);
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void aCronQuartzCannotReadIsRefusedNamingTheKeyInBothLanguages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConsolidationRoute(home.services().consolidation(), "0 0 25 * * ?", at -> { }));
        assertTrue(e.getMessage().contains("配置项 perfeval.consolidation.cron 不是有效的 Quartz cron 表达式：“0 0 25 * * ?”")
                && e.getMessage().contains("is not a valid Quartz cron expression"), e.getMessage());
    }

    @Test
    void oneMessageRewritesTheReportsBacksUpTheDatabaseAndReportsSuccess() throws Exception {
        AdviceWith.adviceWith(context, ConsolidationRoute.ROUTE_ID, a -> a.replaceFromWith("direct:consolidate"));
        context.start();

        Path dir = home.home().resolve("outbox").resolve("2024").resolve(DEPT);
        Path json = dir.resolve("report.json");
        Path summary = dir.getParent().resolve("summary.json");
        // leave stale files behind that the run must replace
        Files.writeString(json, "stale", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(json, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.delete(summary);
        Object jsonInode = Files.readAttributes(json, "unix:ino").get("ino");
        LocalDate dayBefore = LocalDate.now(ReportService.ZONE);
        Instant before = Instant.now();

        context.createProducerTemplate().sendBody("direct:consolidate", null);

        Instant after = Instant.now();
        // the reports were rewritten
        JsonNode report = home.report(2024, DEPT);
        assertEquals(DEPT, report.at("/department/code").asText());
        Instant generated = OffsetDateTime.parse(report.get("generated_at").asText()).toInstant();
        assertFalse(generated.isBefore(before.minusSeconds(1)), () -> "generated_at " + generated + " is this run's");
        assertTrue(Files.getLastModifiedTime(json).toInstant().isAfter(Instant.parse("2020-01-02T00:00:00Z")));
        assertNotEquals(jsonInode, Files.readAttributes(json, "unix:ino").get("ino"), "replaced by a rename");
        assertEquals(List.of(), ManifestWriter.verify(dir), "the manifest matches the new set");
        assertTrue(Files.isRegularFile(summary), "the year's summary rewritten");

        // the backup, named by today's date in Shanghai
        Path backup = backupOf(dayBefore, LocalDate.now(ReportService.ZONE));
        var live = rowCounts(home.services().database().connect());
        // all but the record of this consolidation, made once the backup is written
        live.merge("consolidation_run", -1L, Long::sum);
        assertEquals(live, rowCounts(DriverManager.getConnection("jdbc:sqlite:" + backup)), "the backup holds the same rows");
        assertEquals(2, count(backup, "SELECT COUNT(*) FROM ledger_line"));
        assertEquals(110000, count(backup, "SELECT SUM(amount) FROM ledger_line"), "1,100.00 yuan in fen");
        assertEquals(Set.of(backup.getFileName().toString()), names(backup.getParent()), "no temporary file left");

        // the callback was told when
        assertEquals(1, successes.get());
        Instant at = succeeded.get();
        assertNotNull(at, "succeeded got an Instant");
        assertFalse(at.isBefore(before) || at.isAfter(after), () -> at + " within the run " + before + " … " + after);
        // and it is recorded in the database, for the next start and the other nodes
        assertEquals(java.util.Optional.of(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                home.services().consolidation().last());
    }

    @Test
    void aFailedConsolidationDoesNotReportSuccess() throws Exception {
        AdviceWith.adviceWith(context, ConsolidationRoute.ROUTE_ID, a -> a.replaceFromWith("direct:consolidate"));
        context.start();
        // data/backup is a file: the backup cannot be written
        Path backupDir = home.home().resolve("data").resolve("backup");
        Files.writeString(backupDir, "not a folder");

        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(ConsolidationRoute.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            context.createProducerTemplate().sendBody("direct:consolidate", null);
        } finally {
            logger.detachAppender(log);
        }

        // one ERROR line that says what to check, in both languages, without the trace
        assertEquals(1, log.list.size(), log.list::toString);
        ch.qos.logback.classic.spi.ILoggingEvent line = log.list.get(0);
        assertEquals(ch.qos.logback.classic.Level.ERROR, line.getLevel());
        assertTrue(line.getFormattedMessage().startsWith("整体汇总未完成（" + backupDir
                + "：已存在，却不是所需的文件夹或文件 / is in the way: it exists and is not the folder or file needed）")
                && line.getFormattedMessage().contains("data/backup 是可写的文件夹")
                && line.getFormattedMessage().contains("The consolidation did not finish"), line.getFormattedMessage());
        assertNull(line.getThrowableProxy(), "the trace is for the log file's details only");
        assertNull(succeeded.get(), "no success reported");
        assertEquals(0, successes.get());
        assertEquals(java.util.Optional.empty(), home.services().consolidation().last(), "none recorded");
    }

    @Test
    void theRealQuartzJobFiredNowRunsTheConsolidation() throws Exception {
        context.start();
        Route route = context.getRoute(ConsolidationRoute.ROUTE_ID);
        QuartzEndpoint endpoint = (QuartzEndpoint) route.getEndpoint();
        assertEquals(CRON, endpoint.getCron());
        assertEquals("Asia/Shanghai", String.valueOf(endpoint.getTriggerParameters().get("timeZone")));

        Scheduler scheduler = context.getComponent("quartz", QuartzComponent.class).getScheduler();
        Trigger trigger = scheduler.getTrigger(endpoint.getTriggerKey());
        assertNotNull(trigger, "the trigger is scheduled");
        CronTrigger cron = assertInstanceOf(trigger);
        assertEquals(CRON, cron.getCronExpression());
        assertEquals("Asia/Shanghai", cron.getTimeZone().getID());
        // next fire: 02:00 in Shanghai
        OffsetDateTime next = cron.getNextFireTime().toInstant().atZone(ReportService.ZONE).toOffsetDateTime();
        assertEquals(2, next.getHour());
        assertEquals(0, next.getMinute());

        NotifyBuilder done = new NotifyBuilder(context).fromRoute(ConsolidationRoute.ROUTE_ID).whenDone(1).create();
        LocalDate dayBefore = LocalDate.now(ReportService.ZONE);
        scheduler.triggerJob(trigger.getJobKey());
        assertTrue(done.matches(60, SECONDS), "the fired job ran the route");

        assertNotNull(succeeded.get(), "succeeded got an Instant");
        backupOf(dayBefore, LocalDate.now(ReportService.ZONE));
    }

    // ------------------------------------------------------------------ helpers

    private static CronTrigger assertInstanceOf(Trigger trigger) {
        assertTrue(trigger instanceof CronTrigger, () -> "a cron trigger: " + trigger);
        return (CronTrigger) trigger;
    }

    /** data/backup/perfeval-<yyyyMMdd>.db of the run's day (either side of midnight). */
    private Path backupOf(LocalDate before, LocalDate after) {
        Path dir = home.home().resolve("data").resolve("backup");
        for (LocalDate day : List.of(before, after)) {
            Path file = dir.resolve("perfeval-" + day.format(DAY) + ".db");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new AssertionError("no backup perfeval-" + before.format(DAY) + ".db in " + dir);
    }

    /** Rows per table, every table of the schema; closes the connection. */
    private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connection; Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        assertTrue(counts.containsKey("ledger_line") && counts.containsKey("ingest_batch"), counts::toString);
        return counts;
    }

    private static long count(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
