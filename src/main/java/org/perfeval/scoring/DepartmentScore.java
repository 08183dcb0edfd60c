package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A department's 附件2 score (SPEC §6.2).
 *
 * @param total round(Σ scores × total_points / Σ points of the applicable indicators, 2); null when no
 *              indicator is applicable
 * @param grade null when there is no total
 */
public record DepartmentScore(List<DepartmentIndicatorScore> indicators, BigDecimal total, String grade) {

    public DepartmentScore {
        indicators = List.copyOf(indicators);
    }

    /**
     * One line of 附件2.
     *
     * @param value      the rate, 4 decimals; null when it cannot be computed
     * @param score      2 decimals; null when not applicable
     * @param applicable false (不适用) when its inputs are missing: then excluded from the total
     * @param note       why it is 不适用, or a remark on how it was computed; null otherwise
     */
    public record DepartmentIndicatorScore(Measure measure, String level1, String name, BigDecimal points,
                                           BigDecimal value, BigDecimal score, boolean applicable, String note) {
    }
}
