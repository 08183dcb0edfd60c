package org.perfeval;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Named points where a crash is worth testing, for the end-to-end crash tests only
 * ({@code CrashConsistencyIT}). Started with {@code -Dperfeval.test.pause-at=NAME[,NAME…]}, the process
 * prints {@code perfeval.test: paused at NAME} on standard error when it reaches such a point and then
 * stops there for good, so that the test can kill it with SIGKILL at exactly that moment. Without the
 * property (every real run) {@link #reach} does nothing.
 *
 * <p>The points, in the order a file passes them:
 * <ul>
 *   <li>{@value #BEFORE_TRANSACTION}: the file has been examined (and, unless it is hashed while read, fingerprinted), its transaction not begun;</li>
 *   <li>{@value #BEFORE_COMMIT}: every row is inserted and what the file replaces removed, not committed;</li>
 *   <li>{@value #BEFORE_MOVE}: committed, the file not yet moved out of {@code inbox/};</li>
 *   <li>{@value #REPORT_STAGED}: a department's new report files are written beside the set, none published;</li>
 *   <li>{@value #REPORT_PUBLISHING}: the first new report file has replaced its old one, the others not yet;</li>
 *   <li>{@value #SUMMARY}: every department's set is published, the year's summary not yet rewritten.</li>
 * </ul>
 */
public final class CrashPoints {

    public static final String PROPERTY = "perfeval.test.pause-at";
    public static final String BEFORE_TRANSACTION = "ingest-before-transaction";
    public static final String BEFORE_COMMIT = "ingest-before-commit";
    public static final String BEFORE_MOVE = "inbox-before-move";
    public static final String REPORT_STAGED = "report-staged";
    public static final String REPORT_PUBLISHING = "report-publishing";
    public static final String SUMMARY = "summary-write";

    /** Read once: the points this process pauses at, empty for every real run. */
    private static final Set<String> PAUSE_AT = parse(System.getProperty(PROPERTY));

    private CrashPoints() {
    }

    /** Pauses this thread for good when the process was started to pause at {@code point}; else returns at once. */
    public static void reach(String point) {
        if (PAUSE_AT.isEmpty() || !PAUSE_AT.contains(point)) {
            return;
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        err.println("perfeval.test: paused at " + point);
        while (true) {
            LockSupport.park(CrashPoints.class);
        }
    }

    static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(value.strip().split("\\s*,\\s*")));
    }
}
