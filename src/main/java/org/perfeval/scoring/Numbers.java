package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as explanations and findings write them: no trailing zeros, rates as percentages. */
public final class Numbers {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {
    }

    /** 255, 55.26, 0 (not 0.00 or 2.55E+2). */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with up to 2 decimals: 0.7391 → 73.91%, 0.9 → 90%. */
    public static String percent(BigDecimal numerator, BigDecimal denominator) {
        return plain(numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP)) + "%";
    }

    public static String percent(BigDecimal rate) {
        return percent(rate, BigDecimal.ONE);
    }
}
