package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.perfeval.model.LedgerLine;
import org.perfeval.model.Lineage;

/**
 * Two nodes (two pools on one PostgreSQL database) storing files at the same time: the rows go in
 * side by side, and the rules of SPEC §3.6 are applied in commit order, each commit seeing the
 * other's committed rows. Same bytes are stored once; a cumulative ledger replaces the vouchers of
 * the file committed before it; a correction under the same name replaces the earlier file.
 */
class ConcurrentNodesTest {

    private final List<Database> opened = new ArrayList<>();
    private TestPostgres pg;
    private String url;
    private IngestStore node1;
    private IngestStore node2;

    @BeforeEach
    void twoNodes() throws Exception {
        pg = TestPostgres.require();
        url = pg.createDatabase();
        node1 = new IngestStore(open());
        node2 = new IngestStore(open());
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database open() throws Exception {
        Database db = Database.open(url, pg.user(), null, 3, Database.DEFAULT_BUSY_TIMEOUT_MS);
        opened.add(db);
        return db;
    }

    @Test
    void theSameBytesReadByTwoNodesAtOnceAreStoredOnce() throws Exception {
        try (BatchTransaction a = begin(node1, "明细账.csv", "sha-1"); BatchTransaction b = begin(node2, "明细账 copy.csv", "sha-1")) {
            ledger(a, "V1", "V2");
            ledger(b, "V1", "V2");
            commit(a);
            BatchTransaction.SameBytesIngested duplicate = assertThrows(BatchTransaction.SameBytesIngested.class,
                    () -> commit(b));
            assertEquals(a.batchId(), duplicate.earlier().id());
        }
        assertEquals(2, number("SELECT COUNT(*) FROM ledger_line"));
        assertEquals(1, number("SELECT COUNT(*) FROM ingest_batch WHERE status = 'INGESTED'"));
        assertEquals(2, number("SELECT SUM(lines) FROM ledger_total"), "the sums hold the stored lines only");
    }

    @Test
    void aCumulativeLedgerCommittedLastReplacesTheVouchersOfTheOneCommittedFirst() throws Exception {
        try (BatchTransaction q1 = begin(node1, "1-3月.csv", "sha-q1"); BatchTransaction q2 = begin(node2, "1-4月.csv", "sha-q2")) {
            ledger(q2, "V1", "V2", "V3", "V4");
            ledger(q1, "V1", "V2", "V3");
            commit(q1);
            commit(q2);
        }
        assertEquals(4, number("SELECT COUNT(*) FROM ledger_line"), "each voucher once");
        assertEquals(0, number("SELECT COUNT(*) FROM ledger_line l JOIN ingest_batch b ON b.id = l.batch_id"
                + " WHERE b.file_name = '1-3月.csv'"), "the later commit's lines won");
        assertEquals(4, number("SELECT SUM(lines) FROM ledger_total"));
        assertEquals(4 * 10000, number("SELECT SUM(amount) FROM ledger_total"), "Σ 4 × 100.00 in fen");
    }

    @Test
    void anOlderLedgerCommittedLastReplacesOnlyTheVouchersItHas() throws Exception {
        try (BatchTransaction q1 = begin(node1, "1-3月.csv", "sha-q1"); BatchTransaction q2 = begin(node2, "1-4月.csv", "sha-q2")) {
            ledger(q1, "V1", "V2", "V3");
            ledger(q2, "V1", "V2", "V3", "V4");
            commit(q2);
            commit(q1);
        }
        assertEquals(4, number("SELECT COUNT(*) FROM ledger_line"), "each voucher once");
        assertEquals(4, number("SELECT SUM(lines) FROM ledger_total"));
    }

    @Test
    void twoExportsOfTheSameNameStoredAtOnceLeaveOnlyTheOneCommittedLast() throws Exception {
        try (BatchTransaction first = begin(node1, "明细账.csv", "sha-a"); BatchTransaction second = begin(node2, "明细账.csv", "sha-b")) {
            ledger(first, "V1", "V2");
            ledger(second, "W1");
            commit(first);
            commit(second);
        }
        assertEquals(1, number("SELECT COUNT(*) FROM ledger_line"));
        assertEquals(1, number("SELECT COUNT(*) FROM ingest_batch WHERE status = 'REPLACED'"));
        assertEquals(1, number("SELECT SUM(lines) FROM ledger_total"));
    }

    /** Lines of 100.00 yuan each, one per voucher, of department D01 in 2024. */
    private static void ledger(BatchTransaction tx, String... vouchers) throws SQLException {
        int row = 2;
        for (String voucher : vouchers) {
            LedgerLine line = new LedgerLine(new Lineage(tx.batchId(), row++), 2024, "D01", LocalDate.of(2024, 3, 1),
                    voucher, "1", "P001", "办公", "30201", null, "一般公共预算", new BigDecimal("100.00"));
            tx.add(line);
            tx.sum(line);
        }
    }

    /** The bytes each open transaction stands for, given at its commit. */
    private final Map<BatchTransaction, String> shas = new HashMap<>();

    private BatchTransaction begin(IngestStore node, String fileName, String sha256) throws SQLException {
        BatchTransaction tx = node.begin(fileName);
        shas.put(tx, sha256);
        return tx;
    }

    private void commit(BatchTransaction tx) throws Exception {
        tx.commit(new FileContent(shas.get(tx), 100), "ledger", "test", 1, 0, 0, 0, null);
    }

    private long number(String sql) throws SQLException {
        try (Connection c = pg.connect(url); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
