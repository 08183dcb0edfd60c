package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.model.LedgerLine;
import org.perfeval.model.Lineage;

/**
 * Camel interrupts a file's thread when the service stops and the file does not finish within the shutdown timeout:
 * the file is then rolled back and stays in the inbox (SPEC §9), even when its rows are all read by then.
 */
class InterruptedCommitTest {

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open("jdbc:sqlite:" + dir.resolve("perfeval.db"), null, null);
    }

    @AfterEach
    void close() {
        Thread.interrupted(); // whatever happens, the next test's thread is not interrupted
        db.close();
    }

    @Test
    void aFileInterruptedBeforeItsCommitIsRolledBack() throws Exception {
        try (BatchTransaction tx = new IngestStore(db).begin("明细账.csv")) {
            LedgerLine line = new LedgerLine(new Lineage(tx.batchId(), 2), 2024, "D01", LocalDate.of(2024, 3, 1),
                    "V1", "1", "P001", "办公", "30201", null, "一般公共预算", new BigDecimal("100.00"));
            tx.add(line);
            tx.sum(line);
            Thread.currentThread().interrupt();
            SQLException e = assertThrows(SQLException.class, () -> tx.commit(new FileContent("sha", 100), "ledger",
                    "ledger", 1, 1, 1, 0, null));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.interrupted(), "the interrupt stays set for the caller to see");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_line"));
        assertEquals(0, count("SELECT COUNT(*) FROM ingest_batch WHERE status = 'INGESTED'"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
