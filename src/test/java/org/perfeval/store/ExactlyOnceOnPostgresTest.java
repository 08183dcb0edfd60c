package org.perfeval.store;

import java.nio.file.Path;

import org.perfeval.ingest.TestHome;

/** Every exactly-once rule of {@link ExactlyOnceTest}, on PostgreSQL (SPEC §10: the same code path). */
class ExactlyOnceOnPostgresTest extends ExactlyOnceTest {

    @Override
    TestHome newHome(Path dir) throws Exception {
        return TestHome.createOnPostgres(dir);
    }
}
