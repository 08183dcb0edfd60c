package org.perfeval.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.perfeval.model.DeptYear;
import org.perfeval.report.PendingReports;

/**
 * The debounce behind {@link ReportRoute}: keys collect while files keep arriving and are handed out
 * together once nothing was added for the debounce time. {@code add} stamps with the real
 * {@link System#nanoTime()}; the ticks pass chosen times bracketing those stamps.
 */
class PendingReportsTest {

    static final long DEBOUNCE_MS = 2000;
    static final long DEBOUNCE_NANOS = DEBOUNCE_MS * 1_000_000L;
    static final long TICK_NANOS = 500 * 1_000_000L; // ReportRoute's timer period

    private final PendingReports pending = new PendingReports(DEBOUNCE_MS);

    private static DeptYear key(int i) {
        return new DeptYear(2024, String.format("9%05d", i % 7));
    }

    @Test
    void nothingIsPendingAtFirst() {
        assertEquals(Set.of(), pending.takeIfQuiet(System.nanoTime() + 10 * DEBOUNCE_NANOS));
        assertEquals(Set.of(), pending.takeAll());
    }

    @Test
    void nothingBeforeTheDebounceTimeEverythingAfter() {
        long beforeAdd = System.nanoTime();
        pending.add(Set.of(key(1), key(2)));
        long afterAdd = System.nanoTime();

        assertEquals(Set.of(), pending.takeIfQuiet(afterAdd), "not quiet right after an add");
        assertEquals(Set.of(), pending.takeIfQuiet(beforeAdd + DEBOUNCE_NANOS - 1), "not quiet 1 ns before the debounce");
        assertEquals(Set.of(key(1), key(2)), pending.takeIfQuiet(afterAdd + DEBOUNCE_NANOS), "quiet after the debounce");
        assertEquals(Set.of(), pending.takeIfQuiet(afterAdd + 2 * DEBOUNCE_NANOS), "taken once, then empty");
    }

    /** Twenty files dropped at once (7 departments): ticks every 500 ms give exactly one regeneration. */
    @Test
    void twentyAddsGiveOneRegeneration() {
        List<Set<DeptYear>> regenerations = new ArrayList<>();
        Set<DeptYear> added = new TreeSet<>();
        long lastAdd = 0;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            pending.add(Set.of(key(i)));
            added.add(key(i));
            lastAdd = System.nanoTime();
            // the timer ticks while files are still arriving: not quiet
            collect(regenerations, pending.takeIfQuiet(before + DEBOUNCE_NANOS - 1));
        }
        assertEquals(List.of(), regenerations, "no regeneration while files keep arriving");

        // ten seconds of timer ticks after the last file
        for (long t = lastAdd; t <= lastAdd + 5 * DEBOUNCE_NANOS; t += TICK_NANOS) {
            collect(regenerations, pending.takeIfQuiet(t));
        }
        assertEquals(1, regenerations.size(), () -> "one regeneration, got " + regenerations);
        assertEquals(added, regenerations.get(0), "with every department-year added");
        assertEquals(7, regenerations.get(0).size());
    }

    @Test
    void anAddRestartsTheQuietTime() {
        pending.add(Set.of(key(1)));
        long firstAdd = System.nanoTime();
        long beforeSecond = System.nanoTime();
        pending.add(Set.of(key(2)));
        long afterSecond = System.nanoTime();

        assertTrue(beforeSecond >= firstAdd);
        assertEquals(Set.of(), pending.takeIfQuiet(beforeSecond + DEBOUNCE_NANOS - 1),
                "quiet time counts from the last add, not the first");
        assertEquals(Set.of(key(1), key(2)), pending.takeIfQuiet(afterSecond + DEBOUNCE_NANOS));
    }

    @Test
    void anEmptyAddNeitherQueuesNorRestartsTheQuietTime() {
        pending.add(Set.of(key(1)));
        long afterAdd = System.nanoTime();
        pending.add(Set.of()); // a duplicate or failed file affects no report
        assertEquals(Set.of(key(1)), pending.takeIfQuiet(afterAdd + DEBOUNCE_NANOS));

        pending.add(Set.of());
        assertEquals(Set.of(), pending.takeIfQuiet(System.nanoTime() + 10 * DEBOUNCE_NANOS));
    }

    @Test
    void takeAllHandsOutEverythingAtOnceWithoutWaiting() {
        pending.add(Set.of(key(1)));
        pending.add(Set.of(key(2), key(1)));
        assertEquals(Set.of(key(1), key(2)), pending.takeAll());
        assertEquals(Set.of(), pending.takeAll());
        assertEquals(Set.of(), pending.takeIfQuiet(System.nanoTime() + 10 * DEBOUNCE_NANOS));
    }

    /** What ReportRoute does when regeneration fails: the keys go back and come out on a later quiet tick. */
    @Test
    void keysPutBackAfterAFailedRegenerationComeOutAgain() {
        pending.add(Set.of(key(1)));
        long afterAdd = System.nanoTime();
        Set<DeptYear> taken = pending.takeIfQuiet(afterAdd + DEBOUNCE_NANOS);
        assertEquals(Set.of(key(1)), taken);

        pending.add(taken); // regeneration failed
        long afterPutBack = System.nanoTime();
        assertEquals(Set.of(key(1)), pending.takeIfQuiet(afterPutBack + DEBOUNCE_NANOS));
    }

    /** A lasting fault (the outbox not writable): each failure waits twice as long, up to a minute. */
    @Test
    void afterFailuresTheKeysWaitLongerEachTimeAndASuccessResetsTheWait() {
        pending.add(Set.of(key(1)));
        long t = System.nanoTime() + DEBOUNCE_NANOS;
        List<Long> waits = new ArrayList<>();
        for (int failure = 1; failure <= 8; failure++) {
            Set<DeptYear> taken = pending.takeIfQuiet(t);
            assertEquals(Set.of(key(1)), taken, "handed out again after the wait");
            pending.failed(taken, t);
            long wait = firstTickHandingOut(t);
            waits.add(wait / 1_000_000_000L);
            t += wait;
        }
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), waits, "seconds between attempts");

        pending.succeeded();
        Set<DeptYear> taken = pending.takeIfQuiet(t);
        pending.failed(taken, t);
        assertEquals(DEBOUNCE_NANOS, firstTickHandingOut(t), "back to the shortest wait after a success");
    }

    /** How long after {@code from} the keys come out, probed at 500 ms ticks without taking them. */
    private long firstTickHandingOut(long from) {
        for (long wait = TICK_NANOS; wait <= 2 * PendingReports.MAX_RETRY_NANOS; wait += TICK_NANOS) {
            Set<DeptYear> keys = pending.takeIfQuiet(from + wait);
            if (!keys.isEmpty()) {
                pending.add(keys);
                return wait;
            }
        }
        throw new AssertionError("never handed out again");
    }

    private static void collect(List<Set<DeptYear>> regenerations, Set<DeptYear> keys) {
        if (!keys.isEmpty()) {
            regenerations.add(keys);
        }
    }
}
