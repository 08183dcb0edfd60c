package org.perfeval.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.perfeval.ingest.IngestOutcome;

/**
 * perfeval's own meters (SPEC §9). Registered eagerly, so {@code /observe/metrics} lists every name
 * with 0 before the first file arrives. Micrometer's Prometheus naming turns {@code perfeval.files.ingested}
 * into {@code perfeval_files_ingested_total} and a timer into {@code …_seconds_count/_sum/_max}.
 */
public final class PerfevalMetrics {

    private final Counter filesIngested;
    private final Counter filesFailed;
    private final Counter filesDuplicate;
    private final Counter rowsIngested;
    private final Counter rowsRejected;
    private final Timer ingestDuration;
    private final Timer reportDuration;
    private final MeterRegistry registry;
    /** Epoch seconds of the last successful consolidation; 0 = none recorded. */
    private final AtomicLong lastConsolidation = new AtomicLong();
    /**
     * Held here because Micrometer keeps only a weak reference to what a function counter reads: a method reference
     * passed in and held by nobody else is collected, and the counter stays at its last value for good.
     */
    private LongSupplier failedReportRuns;

    public PerfevalMetrics(MeterRegistry registry) {
        this.registry = registry;
        filesIngested = Counter.builder("perfeval.files.ingested")
                .description("Files from inbox whose rows were stored").register(registry);
        filesFailed = Counter.builder("perfeval.files.failed")
                .description("Files from inbox that were refused (moved to inbox/.error)").register(registry);
        filesDuplicate = Counter.builder("perfeval.files.duplicate")
                .description("Files from inbox skipped because the same bytes were ingested before").register(registry);
        rowsIngested = Counter.builder("perfeval.rows.ingested")
                .description("Data rows stored in the database").register(registry);
        rowsRejected = Counter.builder("perfeval.rows.rejected")
                .description("Data rows written to outbox/rejects instead of the database").register(registry);
        ingestDuration = Timer.builder("perfeval.ingest.duration")
                .description("Time to ingest one file, whatever its outcome").register(registry);
        reportDuration = Timer.builder("perfeval.report.duration")
                .description("Time to regenerate a set of reports").register(registry);
        Gauge.builder("perfeval.consolidation.last.success.timestamp", lastConsolidation, AtomicLong::get)
                .description("When the consolidation last succeeded, here or on another node before this one started (Unix time; 0 = never)")
                .baseUnit("seconds").register(registry);
    }

    /** Report runs that failed; the reports keep counting them (a run that fails throws to its caller). */
    public void reportFailuresFrom(LongSupplier failedRuns) {
        failedReportRuns = failedRuns;
        FunctionCounter.builder("perfeval.reports.failed", failedRuns, LongSupplier::getAsLong)
                .description("Report runs that failed (outbox not writable, disk full, database error); their sets stay"
                        + " marked out of date and are written by the next run").register(registry);
    }

    /** Whether this node is the one running the nightly consolidation (several nodes elect one). */
    public void leaderFrom(BooleanSupplier leader) {
        Gauge.builder("perfeval.consolidation.leader", () -> leader.getAsBoolean() ? 1 : 0)
                .description("1 on the node elected to run the nightly consolidation, 0 on the others")
                .register(registry);
    }

    /** An inbox file is done (the {@code Services.addFileListener} hook). */
    public void fileDone(IngestOutcome outcome) {
        switch (outcome.status()) {
            case INGESTED -> filesIngested.increment();
            case FAILED -> filesFailed.increment();
            case DUPLICATE -> filesDuplicate.increment();
            default -> { }
        }
        rowsIngested.increment(outcome.rowsIngested());
        // a file refused for too many rejects still wrote them all to its rejects file
        rowsRejected.increment(outcome.rowsRejected());
        ingestDuration.record((long) (outcome.seconds() * 1e9), TimeUnit.NANOSECONDS);
    }

    /** Reports were regenerated (the {@code ReportService.addListener} hook). */
    public void reportsWritten(int count, Duration took) {
        reportDuration.record(took);
    }

    public void consolidationSucceeded(Instant when) {
        lastConsolidation.set(when.getEpochSecond());
    }

    public Optional<Instant> lastConsolidation() {
        long seconds = lastConsolidation.get();
        return seconds == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
    }

    public long filesIngested() {
        return (long) filesIngested.count();
    }

    public long filesFailed() {
        return (long) filesFailed.count();
    }
}
