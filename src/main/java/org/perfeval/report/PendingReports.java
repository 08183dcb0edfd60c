package org.perfeval.report;

import java.util.Set;
import java.util.TreeSet;

import org.perfeval.model.DeptYear;

/**
 * Department-years whose reports are stale, collected until ingestion has been quiet for the
 * debounce time: twenty files dropped at once give one regeneration, not twenty.
 */
public final class PendingReports {

    private final long debounceNanos;
    private final Set<DeptYear> pending = new TreeSet<>();
    private long lastAdded;

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
        if (pending.isEmpty() || nowNanos - lastAdded < debounceNanos) {
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
}
