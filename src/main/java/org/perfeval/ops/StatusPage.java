package org.perfeval.ops;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import org.quartz.CronExpression;

import org.perfeval.ingest.RejectWriter;
import org.perfeval.model.IngestBatch;
import org.perfeval.report.ReportService;
import org.perfeval.store.IngestStore;

/**
 * The read-only status page {@code /} for finance and operations staff: recent ingest batches, failed
 * files with their reasons, links to the reports, and when the nightly consolidation runs next.
 * Rendered with Mustache's HTML escaping, since file names and messages come from untrusted exports.
 */
public final class StatusPage {

    static final int RECENT_BATCHES = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> KINDS = Map.of(
            "budget", "预算指标", "ledger", "支出明细账", "indicators", "绩效指标", "profile", "单位基本情况");

    private final IngestStore batches;
    private final OutboxFiles outbox;
    private final PerfevalMetrics metrics;
    private final String cron;
    private final Clock clock;
    private final Mustache template;

    public StatusPage(IngestStore batches, OutboxFiles outbox, PerfevalMetrics metrics, String cron, Clock clock) {
        this.batches = batches;
        this.outbox = outbox;
        this.metrics = metrics;
        this.cron = cron;
        this.clock = clock;
        this.template = new DefaultMustacheFactory("templates").compile("status.html.mustache");
    }

    /** What the template shows; every String is escaped by Mustache. */
    record Page(String now, String nextConsolidation, String lastConsolidation, long filesIngested,
                long filesFailed, List<Batch> batches, List<Failure> failures, boolean batchesRead, List<Year> years,
                List<String> problems) {
    }

    /** @param note what else the batch record says (sheets or rows passed over, the file it repeats); a failure's
     *             reason is listed under the failed files instead */
    record Batch(long id, String file, String status, String statusClass, String kind, int rows, int ingested,
                 int rejected, String duration, String time, String rejectsHref, String note) {
    }

    record Failure(String file, String time, String message) {
    }

    record Year(int year, List<OutboxFiles.Link> summary, List<Department> departments) {
    }

    record Department(String dept, String generated, List<OutboxFiles.Link> links) {
    }

    public String render() {
        List<String> problems = new ArrayList<>();
        List<Batch> recent = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        boolean batchesRead = true;
        try {
            for (IngestBatch b : batches.recent(RECENT_BATCHES)) {
                recent.add(batch(b));
                if (b.status() == IngestBatch.Status.FAILED) {
                    failures.add(new Failure(b.fileName(), time(b.startedAt()), b.message()));
                }
            }
        } catch (SQLException e) {
            batchesRead = false;
            String reason = innermost(e).getMessage();
            problems.add("无法读取导入记录：数据库暂时无法连接或查询出错（" + reason + "）。 The import records cannot"
                    + " be read: the database cannot be reached or failed (" + reason + ").");
        }
        List<Year> years = new ArrayList<>();
        try {
            for (OutboxFiles.YearReports y : outbox.reports()) {
                years.add(new Year(y.year(), y.summary(), y.departments().stream()
                        .map(d -> new Department(d.dept(), time(d.generated().toInstant()), d.links())).toList()));
            }
        } catch (IOException e) {
            problems.add("无法读取 outbox 文件夹：" + e.getMessage());
        }
        Instant now = clock.instant();
        String next = nextConsolidation(cron, now).map(t -> t.format(MINUTE))
                .orElse("无法解析 perfeval.consolidation.cron：" + cron);
        String last = metrics.lastConsolidation().map(this::time).orElse("尚未运行");
        StringWriter out = new StringWriter();
        template.execute(out, new Page(time(now), next, last, metrics.filesIngested(), metrics.filesFailed(), recent,
                failures, batchesRead, years, problems));
        return out.toString();
    }

    /** The driver's own error under the pool's "Connection is not available": the server refused, the password … */
    private static SQLException innermost(SQLException e) {
        SQLException inner = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                inner = s;
            }
        }
        return inner;
    }

    /** The next run of a Quartz cron in Asia/Shanghai after the given instant; empty if the cron is invalid. */
    static Optional<ZonedDateTime> nextConsolidation(String cron, Instant after) {
        try {
            CronExpression expression = new CronExpression(cron.strip());
            expression.setTimeZone(TimeZone.getTimeZone(ReportService.ZONE));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            return Optional.ofNullable(next).map(d -> d.toInstant().atZone(ReportService.ZONE));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Batch batch(IngestBatch b) {
        String status = switch (b.status()) {
            case INGESTED -> "已导入";
            case REPLACED -> "已被更正文件替换";
            case DUPLICATE -> "重复，已跳过";
            case FAILED -> "失败";
        };
        String rejectsHref = b.rowsRejected() == 0 ? null
                : outbox.resolve("rejects/" + RejectWriter.fileName(b.fileName())).map(outbox::href).orElse(null);
        String duration = b.finishedAt() == null ? "—" : String.format(Locale.ROOT, "%.1f 秒",
                Duration.between(b.startedAt(), b.finishedAt()).toMillis() / 1000.0);
        return new Batch(b.id(), b.fileName(), status, b.status().name().toLowerCase(Locale.ROOT),
                b.kind() == null ? "—" : KINDS.getOrDefault(b.kind(), b.kind()), b.rowsRead(), b.rowsIngested(),
                b.rowsRejected(), duration, time(b.startedAt()), rejectsHref,
                b.status() == IngestBatch.Status.FAILED ? null : b.message());
    }

    private String time(Instant instant) {
        return instant.atZone(ReportService.ZONE).format(TIME);
    }
}
