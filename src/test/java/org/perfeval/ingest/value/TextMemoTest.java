package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextMemoTest {

    @Test
    void remembersShortTextsUpToItsCapacity() {
        TextMemo<String> memo = new TextMemo<>(2);
        memo.put("P001", "P001");
        memo.put("'0123", "0123");
        memo.put("P003", "P003");
        assertEquals("P001", memo.get("P001"));
        assertEquals("0123", memo.get("'0123"));
        assertNull(memo.get("P003"), "full: no more are remembered");
        assertNull(memo.get("unknown"));
        assertNull(memo.get(null));
    }

    /** A hostile file's long cells are never kept: a cell may hold 32,767 characters. */
    @Test
    void longTextsAndNullAreNotRemembered() {
        TextMemo<String> memo = new TextMemo<>(10);
        String atLimit = "码".repeat(TextMemo.MAX_TEXT);
        String beyond = atLimit + "码";
        memo.put(atLimit, "a");
        memo.put(beyond, "b");
        memo.put(null, "c");
        assertEquals("a", memo.get(atLimit));
        assertNull(memo.get(beyond));
        assertNull(memo.get(null));
    }
}
