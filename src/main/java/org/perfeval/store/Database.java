package org.perfeval.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database behind perfeval: SQLite (embedded, WAL) by default, PostgreSQL for scale-out. SQLite
 * opens a connection per use (cheap, and a deleted file is noticed at once); PostgreSQL goes through
 * a HikariCP pool shared by every node's threads.
 */
public final class Database implements AutoCloseable {

    /** Connections in the PostgreSQL pool when {@code perfeval.db.pool-size} does not say. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final String url;
    private final Dialect dialect;
    private final DataSource dataSource;
    /** Named locks of this process; the database's own locks add the other nodes where there are any. */
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();

    private Database(String url, Dialect dialect, DataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** Opens the database with the default pool size and brings its schema up to date. */
    public static Database open(String url, String user, String password) throws SQLException, IOException {
        return open(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** Opens the database and brings its schema up to date; {@code poolSize} applies to PostgreSQL. */
    public static Database open(String url, String user, String password, int poolSize)
            throws SQLException, IOException {
        Dialect dialect = Dialect.of(url);
        DataSource dataSource = switch (dialect) {
            case SQLITE -> sqlite(url);
            case POSTGRESQL -> postgres(url, user, password, poolSize);
        };
        Database db = new Database(url, dialect, dataSource);
        try {
            new Migrations(db).migrate();
        } catch (SQLException | IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static DataSource sqlite(String url) throws IOException {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        Path path = Path.of(query >= 0 ? file.substring(0, query) : file);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable with WAL except for the last transactions on power loss; the file stays in inbox until commit
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65_536);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static DataSource postgres(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("perfeval-db");
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(poolSize);
        // keep one connection open; the others come when files and reports need them
        config.setMinimumIdle(1);
        // a database that is down fails the first use with a clear error instead of blocking start-up
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Holds the lock of this name until closed: across the threads of this process, and with
     * PostgreSQL across every node of the database (a session advisory lock, freed by the server
     * when a node dies). Used where two nodes must not interleave: schema migrations, report sets.
     */
    public NamedLock lock(String name) throws SQLException {
        ReentrantLock local = localLocks.computeIfAbsent(name, n -> new ReentrantLock());
        local.lock();
        String lockSql = dialect.sessionLock();
        if (lockSql == null) {
            return local::unlock;
        }
        Connection c = null;
        try {
            c = connect();
            try (PreparedStatement ps = c.prepareStatement(lockSql)) {
                ps.setString(1, name);
                ps.execute();
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            local.unlock();
            throw e;
        }
        Connection held = c;
        return () -> {
            try (held; PreparedStatement ps = held.prepareStatement(dialect.sessionUnlock())) {
                ps.setString(1, name);
                ps.execute();
            } finally {
                local.unlock();
            }
        };
    }

    /** A lock taken by {@link #lock(String)}. */
    public interface NamedLock extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is broken already; the lock failure is what gets reported
            }
        }
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL without credentials, for logs and the status page. */
    public String describe() {
        int query = url.indexOf('?');
        return query >= 0 ? url.substring(0, query) : url;
    }
}
