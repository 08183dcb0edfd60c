package org.perfeval.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.perfeval.model.BudgetLine;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;
import org.perfeval.model.Indicator;
import org.perfeval.model.Lineage;

/** Reads what a department-year's report is computed from; the ledger arrives already summed by SQL. */
public final class FiguresStore {

    /** Ledger lines summed per project, economic class and fund source. */
    public record LedgerSum(String projectCode, String econClass, String fundSource, BigDecimal amount, long lines) {
    }

    private final Database db;

    public FiguresStore(Database db) {
        this.db = db;
    }

    /** Every department-year that has any stored row. */
    public SortedSet<DeptYear> departmentYears() throws SQLException {
        SortedSet<DeptYear> all = new TreeSet<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT fiscal_year, dept_code FROM budget_line UNION"
                     + " SELECT DISTINCT fiscal_year, dept_code FROM ledger_line UNION"
                     + " SELECT DISTINCT fiscal_year, dept_code FROM indicator UNION"
                     + " SELECT DISTINCT fiscal_year, dept_code FROM department_profile");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new DeptYear(rs.getInt(1), rs.getString(2)));
            }
        }
        return all;
    }

    public List<BudgetLine> budgetLines(DeptYear key) throws SQLException {
        List<BudgetLine> lines = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = select(c, "SELECT * FROM budget_line WHERE fiscal_year = ? AND dept_code = ?"
                     + " ORDER BY batch_id, source_row", key);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(new BudgetLine(lineage(rs), rs.getInt("fiscal_year"), rs.getString("dept_code"),
                        rs.getString("dept_name"), rs.getString("project_code"), rs.getString("project_name"),
                        rs.getString("expense_type"), rs.getString("fund_source"), rs.getString("function_class"),
                        Fen.get(rs, "budget_initial"), Fen.get(rs, "budget_adjustment"),
                        Fen.get(rs, "budget_carryover"), Fen.get(rs, "budget_final"), Fen.get(rs, "spent_reported"),
                        rs.getString("doc_no")));
            }
        }
        return lines;
    }

    public List<LedgerSum> ledgerSums(DeptYear key) throws SQLException {
        List<LedgerSum> sums = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = select(c, "SELECT project_code, econ_class, fund_source, SUM(amount), SUM(lines)"
                     + " FROM ledger_total WHERE fiscal_year = ? AND dept_code = ?"
                     + " GROUP BY project_code, econ_class, fund_source HAVING SUM(lines) <> 0", key);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sums.add(new LedgerSum(rs.getString(1), rs.getString(2), rs.getString(3), Fen.toYuan(rs.getLong(4)),
                        rs.getLong(5)));
            }
        }
        return sums;
    }

    public List<Indicator> indicators(DeptYear key) throws SQLException {
        List<Indicator> indicators = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = select(c, "SELECT * FROM indicator WHERE fiscal_year = ? AND dept_code = ?"
                     + " ORDER BY project_code, batch_id, source_row", key);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                indicators.add(new Indicator(lineage(rs), rs.getInt("fiscal_year"), rs.getString("dept_code"),
                        rs.getString("project_code"), rs.getString("project_name"), rs.getString("level1"),
                        rs.getString("level2"), rs.getString("name"), rs.getString("target"), rs.getString("actual"),
                        decimal(rs.getString("weight")), rs.getString("direction"), rs.getString("unit"),
                        decimal(rs.getString("manual_score")), rs.getString("deviation_reason")));
            }
        }
        return indicators;
    }

    /** A problem an ingest found in a file (such as TOTAL_ROW_MISMATCH), with the file's name. */
    public record FileFinding(String code, String severity, String fileName, Integer sourceRow, String message) {
    }

    /**
     * The file findings of every file that contributes rows to the department-year. A ledger whose lines later files
     * replaced all (a cumulative export after a single month's) contributes none: its findings no longer hold.
     */
    public List<FileFinding> fileFindings(DeptYear key) throws SQLException {
        List<FileFinding> findings = new ArrayList<>();
        String contributing = "SELECT batch_id FROM %s WHERE fiscal_year = ? AND dept_code = ?";
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT f.code, f.severity, b.file_name, f.source_row, f.message"
                     + " FROM ingest_finding f JOIN ingest_batch b ON b.id = f.batch_id WHERE f.batch_id IN ("
                     + String.format(contributing, "ledger_total") + " GROUP BY batch_id HAVING SUM(lines) > 0"
                     + " UNION " + String.format(contributing, "budget_line")
                     + " UNION " + String.format(contributing, "indicator") + " UNION "
                     + String.format(contributing, "department_profile") + ")"
                     // a finding about one department-year of the file is that one's only
                     + " AND (f.dept_code IS NULL OR (f.fiscal_year = ? AND f.dept_code = ?))"
                     + " ORDER BY f.batch_id, f.source_row")) {
            for (int i = 0; i < 5; i++) {
                ps.setInt(1 + 2 * i, key.fiscalYear());
                ps.setString(2 + 2 * i, key.deptCode());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int row = rs.getInt(4);
                    findings.add(new FileFinding(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.wasNull() ? null : row, rs.getString(5)));
                }
            }
        }
        return findings;
    }

    /** The file name of every batch, to name the source of a row in messages. */
    public Map<Long, String> batchFileNames() throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id, file_name FROM ingest_batch");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        return names;
    }

    /** The newest profile row of the department-year (SPEC §3.6: the newest row wins). */
    public Optional<DepartmentProfile> profile(DeptYear key) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = select(c, "SELECT * FROM department_profile WHERE fiscal_year = ? AND dept_code = ?"
                     + " ORDER BY batch_id DESC, source_row DESC LIMIT 1", key);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new DepartmentProfile(lineage(rs), rs.getInt("fiscal_year"), rs.getString("dept_code"),
                    rs.getString("dept_name"), integer(rs, "staff_quota"), integer(rs, "staff_active"),
                    integer(rs, "staff_retired"), integer(rs, "staff_total"), integer(rs, "units_count"),
                    Fen.get(rs, "three_public_budget"), Fen.get(rs, "three_public_prior"),
                    Fen.get(rs, "procurement_budget"), Fen.get(rs, "procurement_actual")));
        }
    }

    private static PreparedStatement select(Connection c, String sql, DeptYear key) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setInt(1, key.fiscalYear());
        ps.setString(2, key.deptCode());
        return ps;
    }

    private static Lineage lineage(ResultSet rs) throws SQLException {
        return new Lineage(rs.getLong("batch_id"), rs.getInt("source_row"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
