package org.perfeval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts for people are in 万元 with two decimals (SPEC §7); the narrative trims trailing zeros
 * ({@code 300万元}, {@code 486.9万元}, {@code 55.26万元}).
 */
public final class Wan {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Wan() {
    }

    /** Yuan → 万元, two decimals, half-up. */
    public static BigDecimal of(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** Yuan rounded half-up to 0.01 万元, still in yuan: {@code 552649.99} → {@code 552600}. */
    public static BigDecimal rounded(BigDecimal yuan) {
        return yuan.divide(HUNDRED, 0, RoundingMode.HALF_UP).multiply(HUNDRED);
    }

    /** For tables: {@code 55.26}, {@code 300.00}. */
    public static String table(BigDecimal yuan) {
        return of(yuan).toPlainString();
    }

    /** For sentences: {@code 55.26}, {@code 486.9}, {@code 300}. */
    public static String narrative(BigDecimal yuan) {
        BigDecimal wan = of(yuan);
        return wan.signum() == 0 ? "0" : wan.stripTrailingZeros().toPlainString();
    }

    /**
     * For sentences, with the unit: {@code 55.26万元}; an amount too small to show in 万元 is shown in 元
     * ({@code 12.5元}), so that a difference never reads as 0.
     */
    public static String withUnit(BigDecimal yuan) {
        if (yuan.signum() != 0 && of(yuan).signum() == 0) {
            return yuan.stripTrailingZeros().toPlainString() + "元";
        }
        return narrative(yuan) + "万元";
    }
}
