package org.perfeval.report;

import java.util.Set;
import java.util.TreeSet;

import org.perfeval.model.DeptYear;

/**
 * Department-years whose reports are stale, collected until ingestion has been quiet for the
 * debounce time: twenty files dropped at once give one regeneration, not twenty. After a failed
 * regeneration (the outbox not writable, the disk full) the keys wait longer each time, doubling
 * from the debounce time up to {@link #MAX_RETRY_NANOS}, so a lasting fault logs a line a minute, not
 * one every two seconds.
 */
public final class PendingReports {

    /** The longest wait between two attempts after failures. */
    public static final long MAX_RETRY_NANOS = 60_000_000_000L;

    private final long debounceNanos;
    private final Set<DeptYear> pending = new TreeSet<>();
    private long lastAdded;
    private int failures;
    private long retryAt;

    public PendingReports(long debounceMillis) {
        this.debounceNanos = debounceMillis * 1_000_000L;
    }

    public synchronized void add(Set<DeptYear> keys) {
        if (!keys.isEmpty()) {
            pending.addAll(keys);
            lastAdded = System.nanoTime();
        }
    }

    /** The pending keys once nothing was added for the debounce time (else none), clearing them. */
    public synchronized Set<DeptYear> takeIfQuiet(long nowNanos) {
        if (pending.isEmpty() || nowNanos - lastAdded < debounceNanos || (failures > 0 && nowNanos - retryAt < 0)) {
            return Set.of();
        }
        return takeAll();
    }

    /** Every pending key at once, clearing them (end of a {@code once} run). */
    public synchronized Set<DeptYear> takeAll() {
        Set<DeptYear> keys = new TreeSet<>(pending);
        pending.clear();
        return keys;
    }

    /** Writing these keys' reports failed: they are handed out again after a wait that grows with each failure. */
    public synchronized void failed(Set<DeptYear> keys, long nowNanos) {
        pending.addAll(keys);
        failures++;
        retryAt = nowNanos + retryDelayNanos(failures);
    }

    /** The reports were written: the next failure waits the shortest time again. */
    public synchronized void succeeded() {
        failures = 0;
    }

    /** The wait after {@code failures} failures in a row: the debounce time doubled each time, at most a minute. */
    private long retryDelayNanos(int failures) {
        long delay = Math.max(debounceNanos, 1_000_000L);
        for (int i = 1; i < failures && delay < MAX_RETRY_NANOS; i++) {
            delay *= 2;
        }
        return Math.min(delay, MAX_RETRY_NANOS);
    }
}
