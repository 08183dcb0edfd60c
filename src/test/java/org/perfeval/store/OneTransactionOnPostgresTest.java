package org.perfeval.store;

import java.nio.file.Path;

import org.perfeval.ingest.TestHome;

/** One file, one transaction ({@link OneTransactionTest}), on PostgreSQL. */
class OneTransactionOnPostgresTest extends OneTransactionTest {

    @Override
    TestHome newHome(Path dir) throws Exception {
        return TestHome.createOnPostgres(dir);
    }
}
