package org.perfeval.ingest.value;

import java.math.BigDecimal;
import java.util.Optional;

/** The unit in which a column, title row or single value states amounts. */
public enum MoneyUnit {
    YUAN("元", 0),
    QIAN_YUAN("千元", 3),
    WAN_YUAN("万元", 4),
    YI_YUAN("亿元", 8);

    /** Longest labels first, because 元 is the tail of every other label. */
    private static final MoneyUnit[] BY_LABEL_LENGTH = {QIAN_YUAN, WAN_YUAN, YI_YUAN, YUAN};

    private final String label;
    private final int powerOfTen;
    private final BigDecimal factor;

    MoneyUnit(String label, int powerOfTen) {
        this.label = label;
        this.powerOfTen = powerOfTen;
        this.factor = BigDecimal.ONE.movePointRight(powerOfTen);
    }

    public String label() {
        return label;
    }

    /** How many yuan one unit is, as a power of ten: exact scaling with {@link BigDecimal#movePointRight}. */
    public int powerOfTen() {
        return powerOfTen;
    }

    /** How many yuan one unit is: 1, 1000, 10000 or 100000000. */
    public BigDecimal factor() {
        return factor;
    }

    /** The unit named exactly (after stripping spaces) by {@code label}: 元, 千元, 万元 or 亿元. */
    public static Optional<MoneyUnit> fromLabel(String label) {
        String s = Text.strip(label);
        for (MoneyUnit unit : BY_LABEL_LENGTH) {
            if (unit.label.equals(s)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** The unit whose label ends exactly at {@code end} within [from, end), or null. */
    static MoneyUnit endingAt(String s, int from, int end) {
        for (MoneyUnit unit : BY_LABEL_LENGTH) {
            int start = end - unit.label.length();
            if (start >= from && s.startsWith(unit.label, start)) {
                return unit;
            }
        }
        return null;
    }

    /** The unit whose label starts at {@code pos}, or null. */
    static MoneyUnit startingAt(String s, int pos) {
        for (MoneyUnit unit : BY_LABEL_LENGTH) {
            if (s.startsWith(unit.label, pos)) {
                return unit;
            }
        }
        return null;
    }
}
