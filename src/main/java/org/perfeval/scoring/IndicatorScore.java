package org.perfeval.scoring;

import java.math.BigDecimal;

import org.perfeval.model.Indicator;

/**
 * One indicator's line of 附件3.
 *
 * @param indicator      the indicator as ingested
 * @param level1         its configured level-1 key (产出指标 …), null when the level is not configured
 * @param weight         its own weight: the 分值 it carries, or its equal share of the level weight
 * @param scaledWeight   the weight after rescaling to indicator_points (the form's 分值), 2 decimals
 * @param computedScore  the formula's score on {@code weight}, 2 decimals (what a 自评得分 is compared with)
 * @param score          the score counted in the project total: the formula's (or for a 定性 indicator
 *                       the accepted 自评得分) rescaled, 2 decimals
 * @param attainment     达成 / 部分达成 / 未达成 / 无法识别
 * @param manualScoreUsed whether the 自评得分 replaced the formula (定性 indicators only)
 * @param explanation    a short Chinese explanation of the score
 * @param problem        why the target or actual could not be read; null otherwise
 */
public record IndicatorScore(Indicator indicator, String level1, BigDecimal weight, BigDecimal scaledWeight,
                             BigDecimal computedScore, BigDecimal score, Attainment attainment,
                             boolean manualScoreUsed, String explanation, String problem) {

    /** Whether {@code score} lies in 0..{@code weight}: the 自评得分 a 定性 indicator accepts. */
    public static boolean withinWeight(BigDecimal score, BigDecimal weight) {
        return score.signum() >= 0 && score.compareTo(weight) <= 0;
    }

    /** Fully met: the target was reached. */
    public boolean met() {
        return attainment == Attainment.MET;
    }

    /** Whether the line earned its whole 分值: met, or a 定性 indicator the department gave full marks. */
    public boolean fullMarks() {
        return score != null && scaledWeight != null && score.compareTo(scaledWeight) >= 0;
    }
}
