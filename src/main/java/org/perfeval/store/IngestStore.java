package org.perfeval.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.perfeval.model.IngestBatch;

/** The ingest batches: which files were taken, what became of them, and the transaction of a new one. */
public final class IngestStore {

    private final Database db;

    public IngestStore(Database db) {
        this.db = db;
    }

    /**
     * The batch that already ingested these exact bytes, if any (SPEC §3.6), also when a correction
     * has since replaced it: dropping the original again must not undo the correction.
     */
    public Optional<IngestBatch> findIngested(String sha256) throws SQLException {
        try (Connection c = db.connect()) {
            return findIngested(c, sha256, 0);
        }
    }

    /** The same, seen by the connection, other than batch {@code exceptId}. */
    static Optional<IngestBatch> findIngested(Connection c, String sha256, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_BATCH
                + " WHERE sha256 = ? AND status IN (?, ?) AND id <> ? ORDER BY id LIMIT 1")) {
            ps.setString(1, sha256);
            ps.setString(2, IngestBatch.Status.INGESTED.name());
            ps.setString(3, IngestBatch.Status.REPLACED.name());
            ps.setLong(4, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(batch(rs)) : Optional.empty();
            }
        }
    }

    /** Whether a file of this many bytes is stored (ingested, or since replaced): only such a file's bytes can recur. */
    public boolean storedFileOfSize(long size) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ingest_batch WHERE file_size = ? AND status IN (?, ?)"
                     + " LIMIT 1")) {
            ps.setLong(1, size);
            ps.setString(2, IngestBatch.Status.INGESTED.name());
            ps.setString(3, IngestBatch.Status.REPLACED.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Opens the transaction of a new file; close it without commit to roll back. */
    public BatchTransaction begin(String fileName) throws SQLException {
        Connection c = db.connect();
        try {
            return new BatchTransaction(c, db.dialect(), fileName);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Records a file that stored nothing: a duplicate or a failure. */
    public long recordOutcome(String fileName, String sha256, IngestBatch.Status status, String kind, String layout,
                              int rowsRead, int rowsRejected, Instant startedAt, String message) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_batch (file_name, sha256, kind, layout,"
                     + " rows_read, rows_ingested, rows_rejected, status, started_at, finished_at, message)"
                     + " VALUES (?,?,?,?,?,0,?,?,?,?,?) RETURNING id")) {
            ps.setString(1, fileName);
            ps.setString(2, sha256);
            ps.setString(3, kind);
            ps.setString(4, layout);
            ps.setInt(5, rowsRead);
            ps.setInt(6, rowsRejected);
            ps.setString(7, status.name());
            ps.setString(8, startedAt.toString());
            ps.setString(9, Instant.now().toString());
            ps.setString(10, message);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The most recent batches, newest first. */
    public List<IngestBatch> recent(int limit) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(SELECT_BATCH + " ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<IngestBatch> batches = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batches.add(batch(rs));
                }
            }
            return batches;
        }
    }

    private static final String SELECT_BATCH = "SELECT id, file_name, sha256, kind, layout, rows_read, rows_ingested,"
            + " rows_rejected, status, started_at, finished_at, message FROM ingest_batch";

    private static IngestBatch batch(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new IngestBatch(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("kind"), rs.getString("layout"), rs.getInt("rows_read"), rs.getInt("rows_ingested"),
                rs.getInt("rows_rejected"), IngestBatch.Status.valueOf(rs.getString("status")),
                Instant.parse(rs.getString("started_at")), finished == null ? null : Instant.parse(finished),
                rs.getString("message"));
    }
}
