package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The crash-test hook does nothing in a real run and reads its list of points as written. */
class CrashPointsTest {

    @Test
    void withoutThePropertyEveryPointReturnsAtOnce() {
        assertNull(System.getProperty(CrashPoints.PROPERTY), "the unit tests run without the hook");
        for (String point : Set.of(CrashPoints.BEFORE_TRANSACTION, CrashPoints.BEFORE_COMMIT, CrashPoints.BEFORE_MOVE,
                CrashPoints.REPORT_STAGED, CrashPoints.REPORT_PUBLISHING, CrashPoints.SUMMARY)) {
            CrashPoints.reach(point); // a pause here would hang the test
        }
    }

    @Test
    void thePropertyNamesOneOrSeveralPoints() {
        assertEquals(Set.of(), CrashPoints.parse(null));
        assertEquals(Set.of(), CrashPoints.parse("  "));
        assertEquals(Set.of("report-staged"), CrashPoints.parse(" report-staged "));
        assertEquals(Set.of("a", "b"), CrashPoints.parse("a, b,a"));
    }
}
