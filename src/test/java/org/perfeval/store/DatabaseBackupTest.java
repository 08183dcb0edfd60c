package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly SQLite backup (SPEC §9): {@code data/backup/perfeval-<yyyyMMdd>.db}, a consistent copy of
 * the live WAL database (committed transactions whole, nothing of an open one), keeping the newest 7.
 * The PostgreSQL no-op (backup returns null) needs a server to open a {@link Database} and is not tested here.
 */
class DatabaseBackupTest {

    @TempDir
    Path temp;

    private Database db;
    private Path backupDir;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open("jdbc:sqlite:" + temp.resolve("data").resolve("perfeval.db"), null, null);
        backupDir = temp.resolve("data").resolve("backup");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, tx INTEGER NOT NULL, n INTEGER NOT NULL)");
        }
    }

    @Test
    void theBackupOfALiveWalDatabaseHoldsWhatWasCommittedAndNothingOfAnOpenTransaction() throws Exception {
        try (Connection writer = db.connect(); Connection open = db.connect()) {
            try (Statement s = writer.createStatement()) {
                assertEquals("wal", scalarText(s, "PRAGMA journal_mode"));
                // keep every commit in the -wal file: the backup must read it from there, not from the main file
                s.execute("PRAGMA wal_autocheckpoint = 0");
            }
            insert(writer, 1, 1000);
            Path wal = temp.resolve("data").resolve("perfeval.db-wal");
            assertTrue(Files.size(wal) > 0, "the committed rows are in the WAL, not yet checkpointed");

            // another connection is in the middle of a write transaction
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.executeUpdate("INSERT INTO probe (tx, n) VALUES (2, 1)");
            }
            insertNoCommit(open, 2, 499);

            Path backup = new DatabaseBackup(db, backupDir, 7).backup(LocalDate.of(2024, 3, 5));
            open.rollback();

            assertEquals(backupDir.resolve("perfeval-20240305.db"), backup);
            assertTrue(Files.isRegularFile(backup));
            try (Connection c = sqlite(backup); Statement s = c.createStatement()) {
                assertEquals("ok", scalarText(s, "PRAGMA integrity_check"));
                assertEquals(1000, scalar(s, "SELECT COUNT(*) FROM probe"), "every committed row, none uncommitted");
                assertEquals(0, scalar(s, "SELECT COUNT(*) FROM probe WHERE tx = 2"));
                assertEquals(Migrations.SCRIPTS.size(), scalar(s, "SELECT MAX(version) FROM schema_version"), "the schema came along");
                assertEquals(tables(db.connect()), tables(sqlite(backup)), "every table");
            }
        }
        assertEquals(Set.of("perfeval-20240305.db"), names(backupDir), "no temporary file left");
    }

    @Test
    void concurrentWriteTransactionsAreCopiedWholeOrNotAtAll() throws Exception {
        int perTx = 100;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(3);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> written = writer.submit(() -> {
            int tx = 0;
            try (Connection c = db.connect()) {
                while (!stop.get()) {
                    insert(c, ++tx, perTx);
                    started.countDown();
                }
            }
            return tx;
        });
        try {
            assertTrue(started.await(30, TimeUnit.SECONDS), "the writer is running");
            List<Path> backups = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                backups.add(new DatabaseBackup(db, backupDir, 7).backup(LocalDate.of(2024, 6, day)));
            }
            stop.set(true);
            int transactions = written.get(60, TimeUnit.SECONDS);
            long previous = 0;
            for (Path backup : backups) {
                try (Connection c = sqlite(backup); Statement s = c.createStatement()) {
                    assertEquals("ok", scalarText(s, "PRAGMA integrity_check"), backup.toString());
                    long rows = scalar(s, "SELECT COUNT(*) FROM probe");
                    assertEquals(0, scalar(s, "SELECT COUNT(*) FROM (SELECT tx FROM probe GROUP BY tx HAVING COUNT(*) <> "
                            + perTx + ")"), () -> backup + ": a transaction copied in part");
                    assertEquals(rows / perTx, scalar(s, "SELECT COUNT(DISTINCT tx) FROM probe"));
                    assertEquals(rows == 0 ? 0 : rows / perTx, scalar(s, "SELECT COALESCE(MAX(tx), 0) FROM probe"),
                            () -> backup + ": the transactions up to one point, without gaps");
                    assertTrue(rows >= previous, "later backups hold at least as much");
                    assertTrue(rows <= (long) transactions * perTx);
                    previous = rows;
                }
            }
        } finally {
            stop.set(true);
            writer.shutdownNow();
            assertTrue(writer.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void keepsTheNewestSevenAndRemovesTheOldest() throws Exception {
        Files.createDirectories(backupDir);
        for (int day = 1; day <= 9; day++) {
            Files.writeString(backupDir.resolve(String.format("perfeval-202401%02d.db", day)), "old backup " + day);
        }
        // not backups of ours: left alone
        Files.writeString(backupDir.resolve("perfeval-latest.db"), "x");
        Files.writeString(backupDir.resolve("notes.txt"), "x");
        Files.writeString(backupDir.resolve("perfeval-2024010.db"), "x");

        Path backup = new DatabaseBackup(db, backupDir, 7).backup(LocalDate.of(2024, 1, 10));

        assertEquals(backupDir.resolve("perfeval-20240110.db"), backup);
        Set<String> expected = new TreeSet<>(Set.of("perfeval-latest.db", "notes.txt", "perfeval-2024010.db"));
        for (int day = 4; day <= 10; day++) {
            expected.add(String.format("perfeval-202401%02d.db", day));
        }
        assertEquals(expected, names(backupDir), "7 backups: the 4th to the 10th; the 1st to the 3rd removed");
        assertEquals("old backup 4", Files.readString(backupDir.resolve("perfeval-20240104.db")), "untouched");
    }

    @Test
    void nineBackupsAndARunOnTheNewestDayLeaveSeven() throws Exception {
        Files.createDirectories(backupDir);
        for (int day = 1; day <= 9; day++) {
            Files.writeString(backupDir.resolve(String.format("perfeval-202401%02d.db", day)), "old backup " + day);
        }

        new DatabaseBackup(db, backupDir, 7).backup(LocalDate.of(2024, 1, 9));

        Set<String> expected = new TreeSet<>();
        for (int day = 3; day <= 9; day++) {
            expected.add(String.format("perfeval-202401%02d.db", day));
        }
        assertEquals(expected, names(backupDir));
        try (Connection c = sqlite(backupDir.resolve("perfeval-20240109.db")); Statement s = c.createStatement()) {
            assertEquals("ok", scalarText(s, "PRAGMA integrity_check"), "the day's backup replaced by a real one");
        }
    }

    @Test
    void aSecondBackupTheSameDayReplacesTheFirst() throws Exception {
        DatabaseBackup backups = new DatabaseBackup(db, backupDir, 7);
        try (Connection c = db.connect()) {
            insert(c, 1, 10);
        }
        Path first = backups.backup(LocalDate.of(2024, 2, 1));
        try (Connection c = db.connect()) {
            insert(c, 2, 10);
        }
        Path second = backups.backup(LocalDate.of(2024, 2, 1));

        assertEquals(first, second);
        assertEquals(Set.of("perfeval-20240201.db"), names(backupDir));
        try (Connection c = sqlite(second); Statement s = c.createStatement()) {
            assertEquals(20, scalar(s, "SELECT COUNT(*) FROM probe"), "the later state");
        }
    }

    @Test
    void aBackupFolderWithAQuoteInItsPathWorks() throws Exception {
        Path odd = temp.resolve("o'brien's backups");
        try (Connection c = db.connect()) {
            insert(c, 1, 3);
        }
        Path backup = new DatabaseBackup(db, odd, 7).backup(LocalDate.of(2024, 12, 31));
        assertEquals(odd.resolve("perfeval-20241231.db"), backup);
        try (Connection c = sqlite(backup); Statement s = c.createStatement()) {
            assertEquals(3, scalar(s, "SELECT COUNT(*) FROM probe"));
        }
    }

    @Test
    void theBackupJustWrittenIsKeptEvenWhenLaterDatedOnesExist() throws Exception {
        Files.createDirectories(backupDir);
        for (int day = 1; day <= 7; day++) {
            Files.writeString(backupDir.resolve(String.format("perfeval-202501%02d.db", day)), "x");
        }
        Path backup = new DatabaseBackup(db, backupDir, 7).backup(LocalDate.of(2024, 12, 31));
        assertTrue(Files.isRegularFile(backup), "the backup just written exists");
    }

    // ------------------------------------------------------------------ helpers

    private static void insert(Connection c, int tx, int rows) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        insertNoCommit(c, tx, rows);
        c.commit();
        c.setAutoCommit(auto);
    }

    private static void insertNoCommit(Connection c, int tx, int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO probe (tx, n) VALUES (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                ps.setInt(1, tx);
                ps.setInt(2, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String scalarText(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = connection; Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
