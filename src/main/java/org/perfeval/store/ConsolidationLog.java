package org.perfeval.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Each successful consolidation ({@code consolidation_run}): the time of the last one is shown by the metrics and the
 * status page from the moment the service starts, whichever process or node ran it.
 */
public final class ConsolidationLog {

    private final Database db;

    public ConsolidationLog(Database db) {
        this.db = db;
    }

    public void record(Instant finished, int departmentYears) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO consolidation_run (finished_at, department_years)"
                     + " VALUES (?, ?)")) {
            ps.setLong(1, finished.getEpochSecond());
            ps.setInt(2, departmentYears);
            ps.executeUpdate();
        }
    }

    /** When the last recorded consolidation finished (to the second). */
    public Optional<Instant> last() throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(finished_at) FROM consolidation_run");
             ResultSet rs = ps.executeQuery()) {
            long seconds = rs.next() ? rs.getLong(1) : 0;
            return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
        }
    }
}
