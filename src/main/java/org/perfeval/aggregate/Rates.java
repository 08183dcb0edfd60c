package org.perfeval.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rates are shown as numbers with 4 decimals, rounded half-up (SPEC §7.1); scores, bands and thresholds take the
 * exact quotient (SPEC §5, §6): 预算调整率 0.100004 is over the 10 % band edge although it shows as 0.1000.
 */
public final class Rates {

    private Rates() {
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || numerator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }

    /** The quotient to 34 significant digits, for scoring; null as {@link #ratio}. */
    public static BigDecimal exact(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || numerator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, MathContext.DECIMAL128);
    }
}
