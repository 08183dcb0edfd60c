package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * A project's 附件3 score (SPEC §6.1).
 *
 * @param execution  预算执行率 points, 2 decimals
 * @param indicators Σ indicator line scores (≤ indicator_points); null when not graded
 * @param total      execution + indicators; null when not graded (no indicators)
 * @param grade      优/良/中/差; null when not graded
 * @param weighting  how the weights were set; null when not graded
 * @param lines      the indicators in the order given
 * @param issues     what the scoring raised, for the findings
 */
public record ProjectScore(String projectCode, String projectName, BigDecimal execution, BigDecimal indicators,
                           BigDecimal total, String grade, Weighting weighting, List<IndicatorScore> lines,
                           List<ScoringIssue> issues) {

    public ProjectScore {
        lines = List.copyOf(lines);
        issues = List.copyOf(issues);
    }

    public boolean graded() {
        return total != null;
    }

    /** Σ scaled weights and Σ scores of the lines in {@code levels} (产出 for the department's 产出完成度). */
    public Subtotal subtotal(Collection<String> levels) {
        BigDecimal weight = BigDecimal.ZERO;
        BigDecimal score = BigDecimal.ZERO;
        for (IndicatorScore line : lines) {
            if (line.level1() != null && levels.contains(line.level1())) {
                weight = weight.add(line.scaledWeight());
                score = score.add(line.score());
            }
        }
        return new Subtotal(weight, score);
    }

    public record Subtotal(BigDecimal weight, BigDecimal score) {
    }
}
