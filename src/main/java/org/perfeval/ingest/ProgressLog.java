package org.perfeval.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress lines for long files: at most every 10 seconds, checked cheaply every 10,000 rows. */
public final class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String fileName;
    private final long started = System.nanoTime();
    private long lastLogged = started;

    public ProgressLog(String fileName) {
        this.fileName = fileName;
    }

    public void rows(int rowsSoFar) {
        if (rowsSoFar % 10_000 != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLogged >= INTERVAL_NANOS) {
            lastLogged = now;
            LOG.info("reading {}: {} rows so far, {}s", fileName, rowsSoFar, (now - started) / 1_000_000_000L);
        }
    }
}
