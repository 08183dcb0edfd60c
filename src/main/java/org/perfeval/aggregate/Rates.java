package org.perfeval.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates are numbers with 4 decimals, rounded half-up (SPEC §7.1). */
public final class Rates {

    private Rates() {
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || numerator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }
}
