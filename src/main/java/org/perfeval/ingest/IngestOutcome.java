package org.perfeval.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.perfeval.model.DeptYear;
import org.perfeval.model.IngestBatch;

/** What became of one file: stored, skipped as a duplicate, or failed with a reason for the user. */
public record IngestOutcome(
        String fileName,
        IngestBatch.Status status,
        long batchId,
        String kind,
        String layout,
        int rowsRead,
        int rowsIngested,
        int rowsRejected,
        double seconds,
        String message,
        Path rejectsFile,
        Set<DeptYear> affected) {

    public boolean failed() {
        return status == IngestBatch.Status.FAILED;
    }

    /** The log line operators read (SPEC §9). */
    public String summary() {
        return switch (status) {
            case INGESTED -> String.format(Locale.ROOT, "ingested %s: kind=%s layout=%s rows=%d ingested=%d rejected=%d in %.1fs",
                    fileName, kind, layout, rowsRead, rowsIngested, rowsRejected, seconds);
            case DUPLICATE -> "skipped " + fileName + ": " + message;
            default -> String.format(Locale.ROOT, "failed %s: %s", fileName, message);
        };
    }
}
