package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named locks that keep nodes from interleaving ({@link Database#lock}), and the schema
 * migrations that take one: with PostgreSQL across separate pools (as separate nodes have), with
 * SQLite across the threads of the one process.
 */
class DatabaseLocksTest {

    @TempDir
    Path temp;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        threads.shutdownNow();
        opened.forEach(Database::close);
    }

    private Database open(String url, String user) throws Exception {
        Database db = Database.open(url, user, null, 3, Database.DEFAULT_BUSY_TIMEOUT_MS);
        opened.add(db);
        return db;
    }

    @Test
    void nodesStartingTogetherOnAnEmptyPostgresqlDatabaseMigrateItOnce() throws Exception {
        TestPostgres pg = TestPostgres.require();
        String url = pg.createDatabase();
        List<Future<Database>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(threads.submit(() -> open(url, pg.user())));
        }
        for (Future<Database> start : starts) {
            start.get(60, TimeUnit.SECONDS); // none fails on a half-made schema or a duplicate version
        }
        try (Connection c = pg.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            rs.next();
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1), "each script applied once");
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(2));
        }
    }

    @Test
    void aPostgresqlLockHeldByOneNodeKeepsAnotherWaitingUntilReleased() throws Exception {
        TestPostgres pg = TestPostgres.require();
        String url = pg.createDatabase();
        assertExclusive(open(url, pg.user()), open(url, pg.user()));
    }

    @Test
    void aPostgresqlLockIsFreedWhenItsNodeDies() throws Exception {
        TestPostgres pg = TestPostgres.require();
        String url = pg.createDatabase();
        Database dying = open(url, pg.user());
        Database other = open(url, pg.user());
        dying.lock("perfeval-reports");
        Future<Boolean> waiting = takeAndRelease(other, "perfeval-reports");
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS));
        dying.close(); // the pool's connections go, as when the process is killed
        assertTrue(waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aSqliteLockIsExclusiveAmongTheThreadsOfTheProcess() throws Exception {
        Database db = open("jdbc:sqlite:" + temp.resolve("perfeval.db"), null);
        assertExclusive(db, db);
    }

    @Test
    void aSqliteLockIsExclusiveAmongDatabasesOfTheSameFileInTheProcess() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("perfeval.db");
        assertExclusive(open(url, null), open(url, null));
    }

    @Test
    void aSqliteLockIsHeldAgainstOtherProcessesUntilReleased() throws Exception {
        Database db = open("jdbc:sqlite:" + temp.resolve("perfeval.db"), null);
        Path lockFile = db.lockFile("perfeval-reports");
        try (Database.NamedLock held = db.lock("perfeval-reports"); Database.NamedLock again = db.lock("perfeval-reports")) {
            assertEquals("held", probe(lockFile), "another process cannot take it (nor does taking it twice fail)");
        }
        assertEquals("free", probe(lockFile), "released with the last close");
    }

    @Test
    void aLockFileThatCannotBeMadeSaysWhatToCheck() throws Exception {
        Database db = open("jdbc:sqlite:" + temp.resolve("perfeval.db"), null);
        // a folder where the lock file would be
        java.nio.file.Files.createDirectories(db.lockFile("perfeval-reports"));
        java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> db.lock("perfeval-reports"));
        assertTrue(e.getMessage().contains("data 文件夹") && e.getMessage().contains("check that the data folder"),
                e.getMessage());
        java.nio.file.Files.delete(db.lockFile("perfeval-reports"));
        assertTrue(takeAndRelease(db, "perfeval-reports").get(30, TimeUnit.SECONDS), "the failure left no lock held");
    }

    /** What another process finds when it tries the lock file: "held" or "free" (see {@link LockProbe}). */
    private static String probe(Path lockFile) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockProbe.class.getName(), lockFile.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe ends");
        return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    /** While {@code first} holds the lock, {@code second} waits; after release it gets it; other names are free. */
    private void assertExclusive(Database first, Database second) throws Exception {
        Database.NamedLock held = first.lock("perfeval-reports");
        Future<Boolean> waiting = takeAndRelease(second, "perfeval-reports");
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS),
                "the second taker waits while the lock is held");
        assertTrue(takeAndRelease(second, "another-name").get(30, TimeUnit.SECONDS), "another name is free");
        assertFalse(waiting.isDone());
        held.close();
        assertTrue(waiting.get(30, TimeUnit.SECONDS));
    }

    /** Takes the lock on another thread and releases it there (a lock is released by the thread that took it). */
    private Future<Boolean> takeAndRelease(Database db, String name) {
        return threads.submit(() -> {
            try (Database.NamedLock lock = db.lock(name)) {
                return true;
            }
        });
    }
}
