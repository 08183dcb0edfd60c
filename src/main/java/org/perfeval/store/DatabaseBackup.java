package org.perfeval.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly backup of the SQLite database (SPEC §9): {@code data/backup/perfeval-<yyyyMMdd>.db},
 * keeping the newest 7. {@code VACUUM INTO} copies a consistent snapshot while the service runs.
 * PostgreSQL is backed up by its own tools, so there this does nothing.
 */
public final class DatabaseBackup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Database db;
    private final Path backupDir;
    private final int keep;

    public DatabaseBackup(Database db, Path backupDir, int keep) {
        this.db = db;
        this.backupDir = backupDir;
        this.keep = keep;
    }

    /** @return the backup written, or null on PostgreSQL */
    public Path backup(LocalDate day) throws SQLException, IOException {
        if (db.dialect() != Dialect.SQLITE) {
            return null;
        }
        Files.createDirectories(backupDir);
        Path target = backupDir.resolve("perfeval-" + day.format(DAY) + ".db");
        Path temp = backupDir.resolve(".perfeval-" + day.format(DAY) + ".db.tmp");
        Files.deleteIfExists(temp);
        try {
            // VACUUM INTO takes any string expression: the path is bound, not spliced into the SQL
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toAbsolutePath().toString());
                ps.execute();
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        prune(target);
        LOG.info("database backed up to {}", target);
        return target;
    }

    /** Keeps the backup just written and the newest others, {@code keep} in all (a clock set back must not delete it). */
    private void prune(Path justWritten) throws IOException {
        List<Path> others = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(backupDir, "perfeval-????????.db")) {
            stream.forEach(p -> {
                if (!p.equals(justWritten)) {
                    others.add(p);
                }
            });
        }
        others.sort(null);
        for (int i = 0; i < others.size() - (keep - 1); i++) {
            Files.delete(others.get(i));
        }
    }
}
