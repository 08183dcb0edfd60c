package org.perfeval.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import org.perfeval.SettingException;

/**
 * The database behind perfeval: SQLite (embedded, WAL) by default, PostgreSQL for scale-out. SQLite
 * opens a connection per use (cheap, and a deleted file is noticed at once); PostgreSQL goes through
 * a HikariCP pool shared by every node's threads.
 */
public final class Database implements AutoCloseable {

    /** Connections in the PostgreSQL pool when {@code perfeval.db.pool-size} does not say. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** How long SQLite waits for another writer's lock before failing, when {@code perfeval.db.busy-timeout-ms} does not say. */
    public static final long DEFAULT_BUSY_TIMEOUT_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long PROBE_TIMEOUT_MS = 3_000;

    private final String url;
    private final Dialect dialect;
    private final DataSource dataSource;
    /** The SQLite file; null for PostgreSQL. */
    private final Path file;
    /** Named locks of this process; the database's own locks add the other nodes where there are any. */
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    /**
     * The process's side of the lock files of SQLite databases: a process may hold a file lock only once (a second
     * {@code FileChannel.lock} on the file throws), so its threads queue here first, whichever Database they use.
     */
    private static final Map<Path, ReentrantLock> FILE_LOCKS = new ConcurrentHashMap<>();
    /** When the SQLite file was found deleted and made again (empty), or null. */
    private volatile Instant recreatedAt;
    /** PostgreSQL: the health check's and the status page's own small pool (see {@link #probes}); made at first use. */
    private Database probes;

    private Database(String url, Dialect dialect, DataSource dataSource, Path file) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.file = file;
    }

    /** Opens the database with the default pool size and brings its schema up to date. */
    public static Database open(String url, String user, String password) throws SQLException, IOException {
        return open(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_BUSY_TIMEOUT_MS);
    }

    /**
     * Opens the database and brings its schema up to date; {@code poolSize} applies to PostgreSQL,
     * {@code busyTimeoutMs} to SQLite (how long a write waits while another process holds the lock).
     */
    public static Database open(String url, String user, String password, int poolSize, long busyTimeoutMs)
            throws SQLException, IOException {
        Dialect dialect = Dialect.of(url);
        Path file = dialect == Dialect.SQLITE ? sqliteFile(url) : null;
        DataSource dataSource = switch (dialect) {
            case SQLITE -> sqlite(url, file, busyTimeoutMs);
            case POSTGRESQL -> {
                requireReachable(url, user, password);
                yield postgres(url, user, password, poolSize);
            }
        };
        Database db = new Database(url, dialect, dataSource, file);
        try {
            new Migrations(db).migrate();
        } catch (SQLException | IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The file of a SQLite URL; null for an in-memory database, which has none. */
    private static Path sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        file = query >= 0 ? file.substring(0, query) : file;
        return file.isEmpty() || file.startsWith(":memory:") ? null : Path.of(file).toAbsolutePath();
    }

    private static DataSource sqlite(String url, Path path, long busyTimeoutMs) throws IOException {
        if (path != null) {
            Files.createDirectories(path.getParent());
            SqliteNativeLibrary.useCopyBeside(path);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable with WAL except for the last transactions on power loss; the file stays in inbox until commit
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, busyTimeoutMs)));
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65_536);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    /**
     * One direct connection before the pool: a wrong address, database, user or password is told at once by its
     * real cause, naming the settings. Through the pool it took 30 s and said only that no connection was available.
     */
    private static void requireReachable(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            LOG.debug("PostgreSQL reachable"); // not the URL: it may hold a password
        } catch (SQLException e) {
            throw new SettingException("无法连接 PostgreSQL 数据库（" + e.getMessage() + "）。请检查配置项 perfeval.db.url、"
                    + "perfeval.db.user 和 perfeval.db.password，并确认数据库服务已启动。 Cannot connect to the PostgreSQL"
                    + " database (" + e.getMessage() + "): check the settings perfeval.db.url, perfeval.db.user and"
                    + " perfeval.db.password, and that the database server is running.", e);
        }
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

    /**
     * A connection. With SQLite, a database file deleted while perfeval runs is noticed here: the driver
     * would silently create an empty file without tables, so instead the loss is logged and the schema
     * made again (see {@link #recreate}).
     */
    public Connection connect() throws SQLException {
        if (file != null && !Files.exists(file)) {
            recreate();
        }
        return dataSource.getConnection();
    }

    /** The connection the migrations use: no check for a lost file, they are what makes it again. */
    Connection connectForMigrations() throws SQLException {
        return dataSource.getConnection();
    }

    /** True when the SQLite file is gone (deleted while perfeval runs) and not yet made again. */
    public boolean fileLost() {
        return file != null && !Files.exists(file);
    }

    /** When the SQLite file was found deleted and made again, empty; null if it never was. */
    public Instant recreatedAt() {
        return recreatedAt;
    }

    /**
     * The SQLite file was deleted while perfeval runs: everything stored is gone. Makes a new database with
     * the schema (a left-over write-ahead log of the lost file must not be replayed into it) and says so
     * loudly; files dropped from now on are stored in it, and the reports they touch are rewritten.
     */
    private synchronized void recreate() throws SQLException {
        if (Files.exists(file)) {
            return; // another thread did it
        }
        LOG.error("数据库文件 {} 在运行中被删除，已有数据全部丢失；现已新建空数据库继续运行。请停止 perfeval，从 data/backup/ 中最新的"
                + "备份恢复该文件后重新启动，或把原来的导出文件重新放入 inbox/。 The database file {} was deleted while perfeval"
                + " was running: everything stored in it is lost. A new, empty database was created so that perfeval"
                + " keeps working. Stop perfeval and restore the newest copy from data/backup/, then start it again;"
                + " or drop the original exports into inbox/ again.", file, file);
        try {
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            Files.createDirectories(file.getParent());
            new Migrations(this).migrate();
        } catch (IOException e) {
            throw new SQLException("could not recreate the database " + file + ": " + e.getMessage(), e);
        }
        recreatedAt = Instant.now();
    }

    /**
     * Holds the lock of this name until closed: across the threads of this process, and with
     * PostgreSQL across every node of the database (a session advisory lock, freed by the server
     * when a node dies). Used where two nodes must not interleave: schema migrations, report sets.
     * With a SQLite file, across the processes on it too (a {@code report} command while {@code run} writes
     * reports): a file lock beside the database, freed by the system when a process dies.
     */
    public NamedLock lock(String name) throws SQLException {
        String lockSql = dialect.sessionLock();
        boolean lockFile = lockSql == null && file != null;
        // the file lock belongs to the whole process: every Database on the file takes the same lock in the process
        ReentrantLock local = lockFile
                ? FILE_LOCKS.computeIfAbsent(sameFile(lockFile(name)), f -> new ReentrantLock())
                : localLocks.computeIfAbsent(name, n -> new ReentrantLock());
        local.lock();
        if (lockSql == null) {
            return !lockFile || local.getHoldCount() > 1 ? local::unlock : fileLock(name, local);
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

    /** Another {@code run} holds the SQLite file: said in one line, nothing to trace (it writes into that run's log). */
    public static final class AnotherServiceRunning extends IOException {
        AnotherServiceRunning(String message) {
            super(message);
        }
    }

    /**
     * For {@code run} on a SQLite file: held while the service runs, refused when another process holds it. Several
     * services belong on PostgreSQL (README "Several nodes"); with it nothing is held.
     *
     * @throws IOException another {@code run} uses the file, said in both languages
     */
    public NamedLock holdAsOnlyService() throws IOException {
        if (dialect.sessionLock() != null || file == null) {
            return () -> { };
        }
        Path lockFile = lockFile("perfeval-run");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null; // this process runs the service already
        } catch (IOException e) {
            channel.close();
            throw new IOException(lockFileProblem(lockFile, e).getMessage(), e); // no locks on this file system
        }
        if (held == null) {
            channel.close();
            throw new AnotherServiceRunning("另一个 perfeval run 正在使用数据库 " + file + "：SQLite 只允许一个服务。请先停止它，或让多个节点"
                    + "共用 PostgreSQL（见 README“Several nodes”）。 Another perfeval run is using the database " + file
                    + ": SQLite allows one service. Stop it first, or share a PostgreSQL database between nodes (README,"
                    + " \"Several nodes\").");
        }
        FileLock taken = held;
        return () -> {
            try (channel) {
                taken.release();
            } catch (IOException e) {
                throw lockFileProblem(lockFile, e);
            }
        };
    }

    /** The lock file of {@code name} beside the SQLite file ({@code perfeval.db.perfeval-reports.lock}), held. */
    private NamedLock fileLock(String name, ReentrantLock local) throws SQLException {
        Path lockFile = lockFile(name);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held == null) {
                LOG.info("另一个 perfeval 进程正在使用 {}（写报告或升级数据库），等它完成。 Another perfeval process holds {}"
                        + " (writing reports or migrating the database): waiting for it.", lockFile, lockFile);
                held = channel.lock();
            }
            FileLock taken = held;
            FileChannel open = channel;
            return () -> {
                try (open) {
                    taken.release();
                } catch (IOException e) {
                    throw lockFileProblem(lockFile, e);
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the failure to lock is what gets reported
                }
            }
            local.unlock();
            throw lockFileProblem(lockFile, e);
        }
    }

    /** What an operator reads when the lock file cannot be used: the data folder is what to check. */
    private static SQLException lockFileProblem(Path lockFile, Exception e) {
        return new SQLException("锁文件 " + lockFile + " 无法使用（" + e + "）：请确认 data 文件夹存在且可写。 The lock file "
                + lockFile + " could not be used (" + e + "): check that the data folder exists and may be written.", e);
    }

    /** One key per file however it is spelt (a link, a relative path), as the process holds a file's lock once. */
    private static Path sameFile(Path lockFile) {
        try {
            return lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            return lockFile.toAbsolutePath().normalize(); // the folder is missing: taking the lock will say so
        }
    }

    /** Where {@link #lock} keeps the lock of {@code name} for a SQLite file. */
    Path lockFile(String name) {
        return file.resolveSibling(file.getFileName() + "." + name + ".lock");
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
        synchronized (this) {
            if (probes != null && probes != this) {
                probes.close();
            }
        }
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /**
     * The database for the health check and the status page. For PostgreSQL a pool of its own, two connections, that
     * gives up after {@value #PROBE_TIMEOUT_MS} ms: during an outage the main pool waits 30 s for a connection (long
     * files need that patience), so both pages had taken 30 s, longer than a monitor waits for an answer, and the
     * status page then had nothing true to show. SQLite has no pool to wait for: the database itself.
     */
    public synchronized Database probes() {
        if (!(dataSource instanceof HikariDataSource main)) {
            return this;
        }
        if (probes == null) {
            HikariConfig config = new HikariConfig();
            main.copyStateTo(config);
            config.setPoolName("perfeval-db-probes");
            config.setMaximumPoolSize(2); // the health check is not kept waiting behind a status page
            config.setMinimumIdle(0);
            config.setConnectionTimeout(PROBE_TIMEOUT_MS);
            config.setInitializationFailTimeout(-1);
            probes = new Database(url, dialect, new HikariDataSource(config), file);
        }
        return probes;
    }

    /** The connection pool of a PostgreSQL database, for tests of its settings. */
    HikariDataSource pool() {
        return (HikariDataSource) dataSource;
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
