package org.perfeval.scoring;

import java.util.Locale;

/**
 * Which way an indicator counts (指标方向). {@link #EQUAL} targets ({@code =2个}) are scored like
 * {@link #AT_LEAST}, as SPEC §6.1 says; date targets are deadlines whatever their comparator.
 */
public enum Direction {
    AT_LEAST("≥"),
    AT_MOST("≤"),
    EQUAL("="),
    QUALITATIVE("定性");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    /** ≥, ≤, = or 定性, as the report shows it. */
    public String symbol() {
        return symbol;
    }

    /** The YAML key: at_least, at_most, equal, qualitative. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
