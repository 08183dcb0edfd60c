package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;
import org.perfeval.model.LedgerLine;
import org.perfeval.model.Lineage;
import org.perfeval.model.IngestBatch.Status;

/** SPEC §3.6: one file is ingested in one database transaction; a crash mid-file leaves nothing of it. */
class OneTransactionTest {

    @TempDir
    Path tmp;
    TestHome home;

    /** The home the tests run in: SQLite here, PostgreSQL in {@link OneTransactionOnPostgresTest}. */
    TestHome newHome(Path dir) throws Exception {
        return TestHome.create(dir);
    }

    @BeforeEach
    void setUp() throws Exception {
        home = newHome(tmp);
    }

    /** A ledger of n lines; lines from {@code badFrom} (1-based) on have an unreadable amount. */
    private Path ledger(String name, int n, int badFrom) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("单位编码", "项目编码", "凭证号", "支出金额"));
        for (int i = 1; i <= n; i++) {
            lines.add(line("D01", "P" + (i % 5), "V" + i, i >= badFrom ? "n/a" : "1.00"));
        }
        return home.csv(name, lines);
    }

    /** Makes the database fail when the row of the given spreadsheet row is inserted: a crash mid-file. */
    private void crashAtRow(int sourceRow) throws SQLException {
        try (Connection c = home.services().database().connect(); Statement s = c.createStatement()) {
            if (home.services().database().dialect() == Dialect.POSTGRESQL) {
                s.execute("CREATE OR REPLACE FUNCTION crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION"
                        + " 'simulated crash'; END $$ LANGUAGE plpgsql");
                s.execute("CREATE TRIGGER crash BEFORE INSERT ON ledger_line FOR EACH ROW WHEN (NEW.source_row = "
                        + sourceRow + ") EXECUTE FUNCTION crash()");
            } else {
                s.execute("CREATE TRIGGER crash BEFORE INSERT ON ledger_line WHEN NEW.source_row = " + sourceRow
                        + " BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
            }
        }
    }

    private void noMoreCrashes() throws SQLException {
        try (Connection c = home.services().database().connect(); Statement s = c.createStatement()) {
            s.execute(home.services().database().dialect() == Dialect.POSTGRESQL
                    ? "DROP TRIGGER crash ON ledger_line" : "DROP TRIGGER crash");
        }
    }

    @Test
    void aDatabaseFailureMidFileLeavesNothingOfItAndTheFileCanBeTakenAgain() throws Exception {
        Path file = ledger("明细账2024.csv", 12_000, Integer.MAX_VALUE);
        crashAtRow(9_000); // after the first few thousand rows have gone to the database
        SQLException e = assertThrows(SQLException.class, () -> home.ingest(file));
        assertTrue(String.valueOf(e.getMessage()).contains("simulated crash") || e.getCause() != null, e.toString());

        assertEquals(0, home.allRows(), "no row of the file survives");
        assertEquals(0, home.count("ingest_batch"), "not even its batch: on restart it is a new file");

        noMoreCrashes();
        IngestOutcome retried = home.ingestOk(file);
        assertEquals(12_000, retried.rowsIngested());
        assertEquals(12_000, home.count("ledger_line"));
        home.assertLedgerSumsMatchLines();
    }

    @Test
    void aCrashDuringACorrectionKeepsTheEarlierFile() throws Exception {
        IngestOutcome first = home.ingestOk(ledger("明细账2024.csv", 10, Integer.MAX_VALUE));
        crashAtRow(8);
        assertThrows(SQLException.class, () -> home.ingest(ledger("明细账2024.csv", 12, Integer.MAX_VALUE)));
        assertEquals("INGESTED", home.batch(first.batchId()).get("status"));
        assertEquals(10, home.count("ledger_line"));
        assertEquals(10, home.number("SELECT COUNT(*) FROM ledger_line WHERE batch_id = ?", first.batchId()));
        home.assertLedgerSumsMatchLines();
    }

    @Test
    void aFileFailingTheRejectRatioAfterThousandsOfStoredRowsLeavesNothing() throws Exception {
        home.ingestOk(home.csv("其他2024.csv", line("单位编码", "项目编码", "凭证号", "支出金额"),
                line("D01", "P1", "V1", "5")));
        // 7,000 good rows are written first, then 3,000 bad ones: 30 % rejected
        IngestOutcome outcome = home.ingest(ledger("明细账2024.csv", 10_000, 7_001));
        assertEquals(Status.FAILED, outcome.status());
        assertEquals(10_000, outcome.rowsRead());
        assertEquals(3_000, outcome.rowsRejected());
        assertEquals(0, home.rowsOfBatch(outcome.batchId()));
        assertEquals(1, home.count("ledger_line"), "only the other file's line");
        assertEquals(2, home.count("ingest_batch"));
        assertEquals(0, home.number("SELECT COUNT(*) FROM ingest_batch WHERE status = 'INGESTING'"));
    }

    @Test
    void aTransactionClosedWithoutCommitRollsEverythingBack() throws Exception {
        IngestStore store = new IngestStore(home.services().database());
        long batchId;
        try (BatchTransaction tx = store.begin("x.csv")) {
            batchId = tx.batchId();
            for (int i = 1; i <= 6_000; i++) { // more than one flush
                tx.add(new LedgerLine(new Lineage(tx.batchId(), i + 1), 2024, "D01", LocalDate.of(2024, 1, 1),
                        "V" + i, null, "P1", null, "30201", null, null, new BigDecimal("1.00")));
            }
            tx.addFinding("TOTAL_ROW_MISMATCH", "warning", 3, "test");
        }
        assertEquals(0, home.allRows());
        assertEquals(0, home.number("SELECT COUNT(*) FROM ingest_batch WHERE id = ?", batchId));
    }

    @Test
    void aCommittedTransactionStoresItsRowsAndReportsWhatItTouched() throws Exception {
        IngestStore store = new IngestStore(home.services().database());
        try (BatchTransaction tx = store.begin("y.csv")) {
            for (LedgerLine l : List.of(
                    new LedgerLine(new Lineage(tx.batchId(), 2), 2024, "D01", null, "V1", null, "P1", null, null,
                            null, null, new BigDecimal("12.34")),
                    new LedgerLine(new Lineage(tx.batchId(), 3), 2023, "D02", null, "V1", null, "P1", null, null,
                            null, null, new BigDecimal("-0.01")))) {
                tx.add(l);
                tx.sum(l);
            }
            var touched = tx.commit(new FileContent("1".repeat(64), 100), "ledger", "ledger", 1, 2, 2, 0, null);
            assertEquals(2, touched.size());
        }
        assertEquals(1_233L, home.number("SELECT SUM(amount) FROM ledger_line"));
        assertEquals("INGESTED", home.one("SELECT status FROM ingest_batch").get("status"));
        home.assertLedgerSumsMatchLines();
    }
}
