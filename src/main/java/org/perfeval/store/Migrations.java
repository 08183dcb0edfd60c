package org.perfeval.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations from {@code db/migration/V<n>__<what>.sql}, applied in order, each in
 * one transaction, recorded in {@code schema_version}. To change the schema add a script and list it here.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final List<String> SCRIPTS = List.of("V1__initial_schema.sql", "V2__inbox_claims.sql",
            "V3__report_pending.sql", "V4__ledger_vouchers.sql", "V5__file_size.sql",
            "V6__voucher_month.sql", "V7__consolidation_run.sql", "V8__finding_department.sql");

    private final Database db;

    Migrations(Database db) {
        this.db = db;
    }

    /** Nodes starting together migrate one after the other: the second finds the schema current. */
    void migrate() throws SQLException, IOException {
        try (Database.NamedLock lock = db.lock("perfeval-schema-migration"); Connection c = db.connectForMigrations()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " script TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            int current = currentVersion(c);
            for (int i = current; i < SCRIPTS.size(); i++) {
                apply(c, i + 1, SCRIPTS.get(i));
            }
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void apply(Connection c, int version, String script) throws SQLException, IOException {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IOException("missing migration script " + script);
            }
            sql = db.dialect().expand(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setString(3, OffsetDateTime.now().toString());
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("database schema migrated to version {} ({})", version, script);
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Splits a script at semicolons ending a line, dropping comment lines. */
    static List<String> statements(String sql) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(cleaned.toString().split(";\\s*\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
