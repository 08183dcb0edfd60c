package org.perfeval.report;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.FailureWords;
import org.perfeval.store.ConsolidationLog;
import org.perfeval.store.DatabaseBackup;

/**
 * The nightly consolidation (SPEC §9): re-scores everything, rewrites every report and summary, and
 * backs up the SQLite database. The {@code consolidate} command and the cron route both run it.
 */
public final class Consolidation {

    private static final Logger LOG = LoggerFactory.getLogger(Consolidation.class);

    private final ReportService reports;
    private final DatabaseBackup backup;
    private final ConsolidationLog log;

    public Consolidation(ReportService reports, DatabaseBackup backup, ConsolidationLog log) {
        this.reports = reports;
        this.backup = backup;
        this.log = log;
    }

    /** Runs it and records it as done; returns when it finished. */
    public Result run() throws SQLException, IOException {
        LOG.info("consolidation started");
        int written = reports.regenerateAll(null, null);
        backup.backup(LocalDate.now(ReportService.ZONE));
        Instant finished = Instant.now();
        try {
            log.record(finished, written);
        } catch (SQLException e) {
            // the reports and the backup are done: only the record of the time is missing
            LOG.warn("整体汇总已完成，但完成时间未能记入数据库（{}）。 The consolidation is done, but its time could not be"
                    + " recorded in the database ({}).", e.getMessage(), e.getMessage());
        }
        LOG.info("consolidation finished: {} department-year(s)", written);
        return new Result(finished, written);
    }

    /** What an operator is told when a consolidation failed: what to check, and that it runs again. */
    public static String problem(Exception e) {
        String reason = FailureWords.reason(e);
        return "整体汇总未完成（" + reason + "）。请确认数据库可用、outbox 和 data/backup 是可写的文件夹且磁盘有剩余空间；"
                + "下次定时汇总会再试，也可运行 perfeval consolidate。 The consolidation did not finish (" + reason
                + "): check that the database is reachable and that outbox and data/backup are writable folders with"
                + " free disk space. It runs again at its next time, or run 'perfeval consolidate'.";
    }

    /** When the last recorded consolidation finished, by this process or another. */
    public Optional<Instant> last() throws SQLException {
        return log.last();
    }

    /** A consolidation done: when it finished and how many department-years it wrote. */
    public record Result(Instant finished, int departmentYears) {
    }
}
