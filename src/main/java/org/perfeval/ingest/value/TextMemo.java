package org.perfeval.ingest.value;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was worked out from a cell text, remembered for the next cell with the same text: an export repeats a
 * handful of codes, classifications and fund sources on millions of rows. Bounded twice over, for hostile files:
 * only short texts are remembered, and only so many. Safe to share between threads.
 *
 * @param <V> what a text stands for; immutable
 */
public final class TextMemo<V> {

    /** Longer texts are worked out each time: a code or a classification is far shorter. */
    static final int MAX_TEXT = 64;

    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final int capacity;

    /** @param capacity how many texts are remembered at most */
    public TextMemo(int capacity) {
        this.capacity = capacity;
    }

    /** What the text stood for when it was remembered, or null. */
    public V get(String text) {
        return text == null ? null : values.get(text);
    }

    public void put(String text, V value) {
        if (text != null && text.length() <= MAX_TEXT && values.size() < capacity) {
            values.put(text, value);
        }
    }
}
