package org.perfeval.store;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node reads which inbox file (SPEC §10): the JDBC idempotent repository behind Camel's
 * idempotent read lock, one {@code inbox_claim} row per file being read (migration V2).
 *
 * <p>A claim is taken in one statement, an insert that may only replace a row older than
 * {@code maxAge}: two nodes can never both hold a file, even when they take over a dead node's
 * claim at the same instant. (Camel's {@code JdbcOrphanLockAwareIdempotentRepository} checks for an
 * orphan and takes it over in two statements, and does not refresh a claim it took over; both let a
 * second node read the same file.) The owner refreshes its claims every {@code keepAlive}; times are
 * the database server's, so the nodes' clocks need not agree. PostgreSQL only: with SQLite there is
 * one node and no claims.
 */
public final class InboxFileLocks extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFileLocks.class);
    private static final String AGE_LIMIT = "LOCALTIMESTAMP - ? * INTERVAL '1 millisecond'";

    private final Database database;
    private final Duration maxAge;
    private final Duration keepAlive;
    private final String owner;
    private ScheduledExecutorService refresher;

    public InboxFileLocks(Database database, Duration maxAge, Duration keepAlive) {
        this.database = database;
        this.maxAge = maxAge;
        this.keepAlive = keepAlive;
        // pid@host plus a random part: a restarted node with the same pid is not the dead one
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This node's name in {@code inbox_claim.owner}. */
    public String owner() {
        return owner;
    }

    /** Claims the file unless a live node holds it; true when this node now holds it. */
    @Override
    public boolean add(String fileName) {
        return update("INSERT INTO inbox_claim (file_name, owner, claimed_at) VALUES (?, ?, LOCALTIMESTAMP)"
                + " ON CONFLICT (file_name) DO UPDATE SET owner = EXCLUDED.owner, claimed_at = EXCLUDED.claimed_at"
                + " WHERE inbox_claim.claimed_at < " + AGE_LIMIT, fileName, owner, maxAge.toMillis()) == 1;
    }

    /** Whether a live node holds the file. */
    @Override
    public boolean contains(String fileName) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM inbox_claim WHERE file_name = ? AND claimed_at >= " + AGE_LIMIT)) {
            ps.setString(1, fileName);
            ps.setLong(2, maxAge.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Gives the file up, if this node holds it. */
    @Override
    public boolean remove(String fileName) {
        return update("DELETE FROM inbox_claim WHERE file_name = ? AND owner = ?", fileName, owner) == 1;
    }

    @Override
    public boolean confirm(String fileName) {
        return true;
    }

    /** Gives up every claim of this node. */
    @Override
    public void clear() {
        update("DELETE FROM inbox_claim WHERE owner = ?", owner);
    }

    @Override
    protected void doStart() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbox-claims-keep-alive");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::keepAlive, keepAlive.toMillis(), keepAlive.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("inbox shared with other nodes: this node claims files as {}", owner);
    }

    @Override
    protected void doStop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        try {
            clear();
        } catch (RuntimeException e) {
            LOG.warn("inbox claims not given up at shutdown (they expire by themselves): {}", e.getMessage());
        }
    }

    private void keepAlive() {
        try {
            update("UPDATE inbox_claim SET claimed_at = LOCALTIMESTAMP WHERE owner = ?", owner);
        } catch (RuntimeException e) {
            // claims then age; after the max age other nodes may take the files over, and this node's
            // transactions still decide what is stored exactly once
            LOG.warn("inbox claims not refreshed: {}", e.getMessage());
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** What Camel logs when a file cannot be claimed: the file is skipped and tried again at the next poll. */
    private static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("无法在数据库中认领 inbox 文件，请检查数据库连接；文件留在 inbox 中稍后重试。"
                + " Cannot claim inbox files in the database (check the database connection); the files wait in"
                + " inbox: " + e.getMessage(), e);
    }
}
