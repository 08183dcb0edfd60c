package org.perfeval.ingest;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose tests each ingest files into a fresh home folder of their own. */
public abstract class IngestHomeTest {

    @TempDir
    protected Path tmp;
    protected TestHome home;

    @BeforeEach
    void createHome() throws Exception {
        home = TestHome.create(tmp);
    }
}
