package org.perfeval.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

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

    public static List<HealthCheck> create(Database database, Path inbox, Path home, long minFreeMb) {
        return List.of(new DatabaseCheck(database), new InboxCheck(inbox), new DiskSpaceCheck(home, minFreeMb));
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
            long t0 = System.nanoTime();
            try (Connection c = database.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                builder.detail("elapsed_ms", ms).message("SELECT 1 answered in " + ms + " ms").up();
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
