package org.perfeval.scoring;

/**
 * A problem scoring met, raised for {@link org.perfeval.findings.FindingDetector} to phrase as a
 * finding; {@link Kind} names are the finding codes of SPEC §8.
 *
 * @param indicator the indicator concerned; null for project-level issues
 */
public record ScoringIssue(Kind kind, IndicatorScore indicator) {

    public enum Kind {
        /** The project has no indicators: not graded. */
        NO_INDICATORS,
        /** The weights do not sum to indicator_points (rescaled), or only some indicators carry one. */
        INDICATOR_WEIGHTS,
        /** A target or actual could not be read: 0 points. */
        UNREADABLE_INDICATOR,
        /** A 自评得分 the formula does not confirm (by self_score_tolerance or more), or out of range. */
        SELF_SCORE_DEVIATES,
        /** Not fully met, and no 偏差原因分析及改进措施. */
        MISSING_DEVIATION_REASON
    }
}
