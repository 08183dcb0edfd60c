package org.perfeval.ingest;

/**
 * The file as a whole cannot be ingested (no header, mixed kinds, too many rejects …). The message
 * is for finance staff: Chinese and English, saying what to fix. Thrown from inside a reader's
 * callbacks, hence unchecked.
 */
public final class FileProblem extends RuntimeException {
    public FileProblem(String message) {
        super(message, null, false, false);
    }
}
