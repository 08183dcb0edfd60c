package org.perfeval.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import org.perfeval.report.ReportService;
import org.perfeval.store.Database;

/**
 * perfeval's checks for {@code /observe/health}, beside Camel's own context and route checks. Bound
 * in the Camel registry, where camel-health's registry repository finds every {@link HealthCheck}.
 * camel-main's endpoint prints each check's message, but its details only with {@code ?data=true}:
 * so every result carries a message that says what was checked, and the figures also as details.
 * Messages hold no paths: camel-main escapes them twice, which would show every {@code /} as {@code \/}.
 */
public final class HealthChecks {

    static final String GROUP = "perfeval";

    private HealthChecks() {
    }

    /**
     * @param lastReportFailure the last report run's failure, null while reports are written fine
     */
    public static List<HealthCheck> create(Database database, Path inbox, Path outbox, Path home, long minFreeMb,
                                           Supplier<ReportService.Failure> lastReportFailure) {
        return List.of(new DatabaseCheck(database), new InboxCheck(inbox), new OutboxCheck(outbox, lastReportFailure),
                new DiskSpaceCheck(home, minFreeMb));
    }

    /** A real round trip to the database, not just an open pool. */
    static final class DatabaseCheck extends AbstractHealthCheck {
        private final Database database;

        DatabaseCheck(Database database) {
            super(GROUP, "database");
            this.database = database;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("url", database.describe());
            if (database.fileLost()) {
                // not connecting: that would make the empty file the driver creates look healthy
                builder.message("数据库文件已被删除，数据丢失；下次使用时将新建空数据库，请用 data 文件夹下 backup 中最新的备份恢复。"
                        + " The database file was deleted: its data is lost. An empty database is created at the next"
                        + " use; restore the newest copy in the backup folder under data.").down();
                return;
            }
            Instant recreated = database.recreatedAt();
            long t0 = System.nanoTime();
            try (Connection c = database.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                builder.detail("elapsed_ms", ms).message("SELECT 1 answered in " + ms + " ms"
                        + (recreated == null ? "" : "; recreated empty at " + recreated + " after its file was deleted"));
                if (recreated != null) {
                    builder.detail("recreated_at", recreated.toString());
                }
                builder.up();
            } catch (SQLException e) {
                builder.message("database query failed: " + e.getMessage()).error(e).down();
            }
        }
    }

    /** Files can only be taken (and moved to .done/.error) when the inbox is a writable folder. */
    static final class InboxCheck extends AbstractHealthCheck {
        private final Path inbox;

        InboxCheck(Path inbox) {
            super(GROUP, "inbox");
            this.inbox = inbox;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("path", inbox.toString());
            if (!Files.isDirectory(inbox)) {
                builder.message("inbox folder does not exist").down();
            } else if (!Files.isWritable(inbox)) {
                builder.message("inbox folder is not writable").down();
            } else {
                builder.message("inbox folder is writable").up();
            }
        }
    }

    /**
     * Reports can be written: the outbox is a folder (root may write anywhere, so a file or a missing
     * parent is what stops it), and the last report run succeeded. DOWN with the run's reason otherwise;
     * the reports are retried, and the check is UP again after the first run that succeeds.
     */
    static final class OutboxCheck extends AbstractHealthCheck {
        private final Path outbox;
        private final Supplier<ReportService.Failure> lastFailure;

        OutboxCheck(Path outbox, Supplier<ReportService.Failure> lastFailure) {
            super(GROUP, "outbox");
            this.outbox = outbox;
            this.lastFailure = lastFailure;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("path", outbox.toString());
            ReportService.Failure failure = lastFailure.get();
            if (failure != null) {
                builder.detail("failed_at", failure.at().toString()).detail("problem", failure.problem());
            }
            if (Files.exists(outbox) && !Files.isDirectory(outbox)) {
                builder.message("outbox is not a folder: reports cannot be written").down();
            } else if (Files.exists(outbox) && !Files.isWritable(outbox)) {
                builder.message("outbox folder is not writable").down();
            } else if (failure != null) {
                builder.message("reports could not be written at " + failure.at() + ": they are retried").down();
            } else {
                builder.message("outbox folder is writable, reports are written").up();
            }
        }
    }

    /** SQLite, reports and backups all live under the home folder: warn before it fills up. */
    static final class DiskSpaceCheck extends AbstractHealthCheck {
        private final Path home;
        private final long minFreeMb;

        DiskSpaceCheck(Path home, long minFreeMb) {
            super(GROUP, "disk-space");
            this.home = home;
            this.minFreeMb = minFreeMb;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("path", home.toString()).detail("min_free_mb", minFreeMb);
            try {
                long freeMb = Files.getFileStore(home).getUsableSpace() / (1024 * 1024);
                builder.detail("free_mb", freeMb);
                String message = freeMb + " MB free, at least " + minFreeMb + " MB needed";
                builder.message(message).state(freeMb >= minFreeMb ? HealthCheck.State.UP : HealthCheck.State.DOWN);
            } catch (IOException e) {
                builder.message("free space unknown: " + e.getMessage()).error(e).down();
            }
        }
    }
}
