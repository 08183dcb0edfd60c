package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a project's indicator weights came from and whether the scores were rescaled.
 *
 * @param basis          declared 分值, or equal shares of the level weights
 * @param sum            Σ own weights
 * @param target         indicator_points (90 by default)
 * @param missingLevels  level-1 keys without indicators (equal shares only): they dropped out
 * @param declaredCount  how many indicators carry a 分值
 * @param count          how many indicators the project has
 */
public record Weighting(Basis basis, BigDecimal sum, BigDecimal target, List<String> missingLevels,
                        int declaredCount, int count) {

    public enum Basis {
        /** Every indicator carries a 分值: those are the weights. */
        DECLARED,
        /** No indicator carries a 分值: equal shares of each level's weight. */
        EQUAL_SHARES,
        /** Only some carry a 分值: those are ignored and equal shares apply (INDICATOR_WEIGHTS). */
        EQUAL_SHARES_PARTLY_DECLARED
    }

    public Weighting {
        missingLevels = List.copyOf(missingLevels);
    }

    /** Scores were multiplied by target / sum. */
    public boolean rescaled() {
        return sum.signum() > 0 && sum.compareTo(target) != 0;
    }

    /** Worth an INDICATOR_WEIGHTS finding: rescaled, or 分值 given for some indicators only. */
    public boolean irregular() {
        return rescaled() || basis == Basis.EQUAL_SHARES_PARTLY_DECLARED;
    }
}
