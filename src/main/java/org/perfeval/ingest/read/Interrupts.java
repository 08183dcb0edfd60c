package org.perfeval.ingest.read;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Camel interrupts a file's thread when the service stops and the file does not finish within the shutdown timeout.
 * It shows as an interrupted wait, a file channel closed by the interrupt, or the interrupt itself: never as a fault
 * of the file, which stays in the inbox for the next start.
 */
public final class Interrupts {

    private Interrupts() {
    }

    /** Whether {@code e} (or a cause of it) came of the service stopping. */
    public static boolean stopping(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }
}
