package org.perfeval.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.perfeval.store.TestPostgres;

/**
 * The database the end-to-end tests run the jar against: each home's own SQLite file, or, when the
 * suite runs with {@code -Dperfeval.it.db=postgresql} (the second failsafe execution, active when
 * {@code .ci/postgres} has started a server), a PostgreSQL database of its own per home folder.
 */
final class E2eDatabase {

    private static final Map<Path, String> POSTGRES_URLS = new ConcurrentHashMap<>();

    private E2eDatabase() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty("perfeval.it.db"));
    }

    /** The JDBC URL of a home's database (created on first use for PostgreSQL). */
    static String url(Path home) {
        if (!postgres()) {
            return "jdbc:sqlite:" + home.resolve("data/perfeval.db");
        }
        return POSTGRES_URLS.computeIfAbsent(home.toAbsolutePath().normalize(),
                h -> TestPostgres.require().createDatabase());
    }

    /**
     * The variables that point the jar at the home's database; with PostgreSQL also shorter claim
     * times, so a restart after a kill takes the dead process's file over within seconds.
     */
    static Map<String, String> environment(Path home) {
        if (!postgres()) {
            return Map.of();
        }
        return Map.of("PERFEVAL_DB_URL", url(home), "PERFEVAL_DB_USER", TestPostgres.require().user(),
                "PERFEVAL_CLUSTER_FILE_LOCK_MAX_AGE_MS", "4000", "PERFEVAL_CLUSTER_FILE_LOCK_KEEP_ALIVE_MS", "1000",
                "PERFEVAL_CLUSTER_LEADER_INTERVAL_MS", "1000");
    }

    /** Gives a copied home folder a copy of the original's database (PostgreSQL: a database from it as template). */
    static void copy(Path fromHome, Path toHome) {
        if (!postgres()) {
            return; // the SQLite file was copied with the folder
        }
        String from = url(fromHome);
        String name = from.substring(from.lastIndexOf('/') + 1);
        String to = TestPostgres.require().createDatabase(name);
        POSTGRES_URLS.put(toHome.toAbsolutePath().normalize(), to);
    }

    /** Makes every insert into the table fail, as a broken disk would. */
    static void breakInserts(Path home, String table) throws SQLException {
        try (Connection c = connect(home); Statement s = c.createStatement()) {
            if (postgres()) {
                s.execute("CREATE FUNCTION broken() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$"
                        + " LANGUAGE plpgsql");
                s.execute("CREATE TRIGGER broken BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION broken()");
            } else {
                s.execute("CREATE TRIGGER broken BEFORE INSERT ON " + table
                        + " BEGIN SELECT RAISE(FAIL, 'disk I/O error'); END");
            }
        }
    }

    /** A plain JDBC connection from outside the application, or null when the SQLite file is not there yet. */
    static Connection connect(Path home) throws SQLException {
        if (postgres()) {
            return TestPostgres.require().connect(url(home));
        }
        Path file = home.resolve("data/perfeval.db");
        return Files.isRegularFile(file) ? DriverManager.getConnection("jdbc:sqlite:" + file) : null;
    }

    /** True when another connection has a write transaction open (probed without waiting). */
    static boolean writeTransactionOpen(Path home) {
        try (Connection c = connect(home)) {
            if (c == null) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                if (postgres()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname ="
                            + " current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL")) {
                        return rs.next() && rs.getLong(1) > 0;
                    }
                }
                s.execute("PRAGMA busy_timeout = 0");
                try {
                    s.execute("BEGIN IMMEDIATE");
                } catch (SQLException busy) {
                    return true;
                }
                s.execute("ROLLBACK");
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
