package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SheetNamesTest {

    @Test
    void cleansShortensAndKeepsNamesUniqueIgnoringCase() {
        SheetNames names = new SheetNames();
        assertEquals("P1 a_b_c_d_e_f_g", names.next("P1", "a[b]c:d*e?f/g"));
        assertEquals("p1 A_B_C_D_E_F_G(2)", names.next("p1", "A[B]C:D*E?F\\G"));
        String longName = names.next("2024-0001", "很长的项目名称".repeat(10));
        assertEquals(31, longName.length());
        String again = names.next("2024-0001", "很长的项目名称".repeat(10));
        assertNotEquals(longName, again);
        assertTrue(again.endsWith("(2)") && again.length() <= 31, again);
    }

    @Test
    void handlesApostrophesReservedAndEmptyNames() {
        SheetNames names = new SheetNames();
        assertEquals("x", names.next("'x'", null));
        assertEquals("history_", names.next(null, "history"));
        assertEquals("项目", names.next(null, "  "));
        assertEquals("项目(2)", names.next("", null));
    }
}
