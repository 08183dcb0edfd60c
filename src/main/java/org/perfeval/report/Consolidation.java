package org.perfeval.report;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.store.DatabaseBackup;

/**
 * The nightly consolidation (SPEC §9): re-scores everything, rewrites every report and summary, and
 * backs up the SQLite database. The {@code consolidate} command and the cron route both run it.
 */
public final class Consolidation {

    private static final Logger LOG = LoggerFactory.getLogger(Consolidation.class);

    private final ReportService reports;
    private final DatabaseBackup backup;

    public Consolidation(ReportService reports, DatabaseBackup backup) {
        this.reports = reports;
        this.backup = backup;
    }

    /** @return the number of department-years written */
    public int run() throws SQLException, IOException {
        LOG.info("consolidation started");
        int written = reports.regenerateAll(null, null);
        backup.backup(LocalDate.now(ReportService.ZONE));
        LOG.info("consolidation finished: {} department-year(s)", written);
        return written;
    }
}
