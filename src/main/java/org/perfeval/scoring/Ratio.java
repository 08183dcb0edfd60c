package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of an indicator's weight it earned, kept as a fraction so that a score is rounded once,
 * exactly: {@code weight × numerator × k / (denominator × m)} divides in one step, half-up to 2
 * decimals, however the fraction and a rescaling factor {@code k/m} combine.
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) {

    public static final Ratio FULL = new Ratio(BigDecimal.ONE, BigDecimal.ONE);
    public static final Ratio NONE = new Ratio(BigDecimal.ZERO, BigDecimal.ONE);

    /** {@code numerator / denominator} limited to [0, 1]; the denominator must not be 0. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        if (numerator.signum() <= 0) {
            return NONE;
        }
        if (numerator.compareTo(denominator) >= 0) {
            return FULL;
        }
        return new Ratio(numerator, denominator);
    }

    /** A share such as a 定性 class's factor (0.7). */
    public static Ratio factor(BigDecimal factor) {
        return of(factor, BigDecimal.ONE);
    }

    public boolean full() {
        return numerator.compareTo(denominator) >= 0;
    }

    /** {@code weight × this × scaleNumerator / scaleDenominator}, rounded half-up to 2 decimals. */
    public BigDecimal times(BigDecimal weight, BigDecimal scaleNumerator, BigDecimal scaleDenominator) {
        return weight.multiply(numerator).multiply(scaleNumerator)
                .divide(denominator.multiply(scaleDenominator), 2, RoundingMode.HALF_UP);
    }

    /** {@code weight × this}, rounded half-up to 2 decimals. */
    public BigDecimal times(BigDecimal weight) {
        return times(weight, BigDecimal.ONE, BigDecimal.ONE);
    }

    /** As a percentage for explanations: 80, 73.91. */
    public String percent() {
        return Numbers.percent(numerator, denominator);
    }
}
