package org.perfeval.store;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Which node reads which inbox file: Camel's JDBC idempotent repository in the shared database, one
 * row per file being read (table {@code CAMEL_MESSAGEPROCESSED} of migration V2). The primary key makes
 * the claim exclusive; the owner refreshes its rows every {@code keepAlive}, so a row older than
 * {@code maxAge} belongs to a dead node and another node may take the file over.
 */
public final class InboxFileLocks {

    /** The processor name of the rows: every node uses the same, so they see each other's claims. */
    public static final String PROCESSOR_NAME = "perfeval-inbox";

    private InboxFileLocks() {
    }

    public static IdempotentRepository create(Database database, CamelContext context, Duration maxAge,
                                              Duration keepAlive) {
        JdbcOrphanLockAwareIdempotentRepository repository = new JdbcOrphanLockAwareIdempotentRepository(
                database.dataSource(), PROCESSOR_NAME, context);
        // the migrations create the table, with room for long file names
        repository.setCreateTableIfNotExists(false);
        repository.setLockMaxAgeMillis(maxAge.toMillis());
        repository.setLockKeepAliveIntervalMillis(keepAlive.toMillis());
        return repository;
    }
}
