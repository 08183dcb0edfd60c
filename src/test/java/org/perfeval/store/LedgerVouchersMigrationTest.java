package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 4 on a database written by version 3: the vouchers of the stored ledger files and their line ranges
 * are filled in, so that files ingested afterwards replace the earlier lines of their vouchers as before.
 */
class LedgerVouchersMigrationTest {

    @TempDir
    Path dir;

    @Test
    void vouchersAndLineRangesOfEarlierFilesAreFilledIn() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v3.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            for (int v = 1; v <= 3; v++) {
                for (String statement : Migrations.statements(Dialect.SQLITE.expand(script(Migrations.SCRIPTS.get(v - 1))))) {
                    s.execute(statement);
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + Migrations.SCRIPTS.get(v - 1) + "', 'x')");
            }
            for (int batch = 1; batch <= 2; batch++) {
                s.execute("INSERT INTO ingest_batch (id, file_name, sha256, status, started_at) VALUES (" + batch
                        + ", 'ledger" + batch + ".csv', 'sha" + batch + "', 'INGESTED', 'x')");
            }
            // file 1: vouchers V1 (two lines) and V2, one line without voucher; file 2: V2 again
            String line = "INSERT INTO ledger_line (id, batch_id, source_row, fiscal_year, dept_code, voucher_no,"
                    + " project_code, amount) VALUES ";
            s.execute(line + "(1, 1, 2, 2024, '901', 'V1', 'P', 100), (2, 1, 3, 2024, '901', 'V1', 'P', 200),"
                    + " (3, 1, 4, 2024, '901', 'V2', 'P', 300), (4, 1, 5, 2024, '901', NULL, 'P', 400),"
                    + " (5, 2, 2, 2024, '901', 'V2', 'P', 350)");
        }

        try (Database db = Database.open(url, null, null); Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals(List.of("1 V1", "1 V2", "2 V2"), rows(s, "SELECT batch_id || ' ' || voucher_no"
                    + " FROM ledger_voucher ORDER BY batch_id, voucher_no"));
            assertEquals(List.of("1 1 4", "2 5 5"), rows(s, "SELECT id || ' ' || ledger_first_id || ' ' || ledger_last_id"
                    + " FROM ingest_batch ORDER BY id"));
            assertEquals(List.of(), rows(s, "SELECT name FROM sqlite_master WHERE name = 'ledger_line_voucher'"));
            assertEquals(List.of(Integer.toString(Migrations.SCRIPTS.size())), rows(s, "SELECT MAX(version) FROM schema_version"),
                    "migrated on to the latest version");
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
