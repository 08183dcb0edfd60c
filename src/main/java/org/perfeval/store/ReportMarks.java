package org.perfeval.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.perfeval.model.DeptYear;

/**
 * Department-years whose report set is out of date ({@code report_pending}), marked in the transaction
 * of the file that changed them. The in-memory queue of reports to write dies with the process; these
 * marks do not, so a start after a crash writes what the crash left unwritten or half-written.
 */
public final class ReportMarks {

    private final Database db;

    public ReportMarks(Database db) {
        this.db = db;
    }

    /** Marks the department-years on the caller's connection, inside its transaction. */
    static void mark(Connection c, Collection<DeptYear> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_pending (fiscal_year, dept_code, version)"
                + " VALUES (?, ?, 1) ON CONFLICT (fiscal_year, dept_code)"
                + " DO UPDATE SET version = report_pending.version + 1")) {
            for (DeptYear key : keys) {
                ps.setInt(1, key.fiscalYear());
                ps.setString(2, key.deptCode());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every marked department-year with its mark's version. */
    public Map<DeptYear, Long> pending() throws SQLException {
        Map<DeptYear, Long> out = new TreeMap<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT fiscal_year, dept_code, version FROM report_pending");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(new DeptYear(rs.getInt(1), rs.getString(2)), rs.getLong(3));
            }
        }
        return out;
    }

    /** The version of a department-year's mark, or 0 when it has none. */
    public long version(DeptYear key) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT version FROM report_pending WHERE fiscal_year = ?"
                     + " AND dept_code = ?")) {
            ps.setInt(1, key.fiscalYear());
            ps.setString(2, key.deptCode());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Clears the marks whose version is still the one given (read before the figures of the reports just
     * written); a mark a later file raised meanwhile stays, and its reports are written again.
     */
    public void clear(Map<DeptYear, Long> written) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("DELETE FROM report_pending WHERE fiscal_year = ?"
                     + " AND dept_code = ? AND version = ?")) {
            for (Map.Entry<DeptYear, Long> e : written.entrySet()) {
                if (e.getValue() > 0) {
                    ps.setInt(1, e.getKey().fiscalYear());
                    ps.setString(2, e.getKey().deptCode());
                    ps.setLong(3, e.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
