package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check and the status page use a pool of their own on PostgreSQL that gives up after 3 s, so that an
 * outage answers DOWN before a monitor's timeout (the main pool waits 30 s).
 */
class ProbePoolTest {

    @TempDir
    Path dir;

    @Test
    void sqliteProbesTheDatabaseItself() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("perfeval.db"), null, null)) {
            assertSame(db, db.probes());
        }
    }

    @Test
    void postgresqlProbesThroughASmallPoolOfItsOwn() throws Exception {
        TestPostgres pg = TestPostgres.require();
        try (Database db = Database.open(pg.createDatabase(), pg.user(), null)) {
            Database probes = db.probes();
            assertNotSame(db, probes);
            assertSame(probes, db.probes(), "made once");
            try (Connection c = probes.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ingest_batch")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1), "the same database, schema and all");
            }
            com.zaxxer.hikari.HikariDataSource pool = probes.pool();
            assertEquals("perfeval-db-probes", pool.getPoolName());
            assertEquals(2, pool.getMaximumPoolSize());
            assertEquals(Duration.ofSeconds(3).toMillis(), pool.getConnectionTimeout());
        }
    }
}
