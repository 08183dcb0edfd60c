package org.perfeval.report.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.report.ReportDocument.IndicatorResult;
import org.perfeval.report.ReportDocument.Project;
import org.perfeval.report.ReportDocument.Score;
import org.perfeval.report.Wan;

import static org.perfeval.report.narrative.Phrases.clause;
import static org.perfeval.report.narrative.Phrases.orUnstated;
import static org.perfeval.report.narrative.Phrases.points;
import static org.perfeval.report.narrative.Phrases.wan;

/**
 * 六（二）: one paragraph per project, opening with the reference report's sentence
 * {@code 项目预算金额55.26万元，实际支出金额40.84万元，结余结转金额14.42万元。}, then the execution rate,
 * the score and grade, and the indicators not met with their deviation reasons.
 */
final class ProjectParagraphs {

    private static final BigDecimal INDICATOR_POINTS = BigDecimal.valueOf(90);
    /** Scores are rounded to the fen of a point, so a full mark may show 0.01 short (16.666 → 16.67). */
    private static final BigDecimal ROUNDING_SLACK = new BigDecimal("0.01");

    private ProjectParagraphs() {
    }

    /** {@code 1、补充耕地问题} and its paragraph. */
    static List<Narrative.Paragraph> of(int number, Project project) {
        String body = amounts(project) + executionAndScore(project) + indicators(project);
        return List.of(new Narrative.Paragraph(number + "、" + Phrases.nameOf(project), Narrative.Kind.ITEM_HEADING),
                Narrative.Paragraph.body(body));
    }

    static String amounts(Project p) {
        StringBuilder s = new StringBuilder()
                .append("项目预算金额").append(wan(p.budgetFinal()))
                .append("，实际支出金额").append(wan(p.spent()));
        // decided on the 万元 figure shown: a balance of a few yuan would read "结余结转金额0万元"
        BigDecimal balance = p.balance() == null ? BigDecimal.ZERO : Wan.of(p.balance());
        if (balance.signum() > 0) {
            s.append("，结余结转金额").append(wan(p.balance()));
        } else if (balance.signum() < 0) {
            s.append("，超预算支出").append(wan(p.balance().negate()));
        }
        return s.append("。").toString();
    }

    private static String executionAndScore(Project p) {
        String execution = Phrases.executionRate(p.executionRate());
        Score score = p.score();
        String scored;
        if (score != null && score.total() != null) {
            scored = Phrases.scoreClause(score.total(), score.grade());
        } else if (indicatorsOf(p).isEmpty()) {
            scored = "未设定绩效指标，" + Phrases.UNSCORED;
        } else {
            scored = Phrases.UNSCORED;
        }
        return execution + "，" + scored + "。";
    }

    /** The indicators not met, or that all were met when every indicator could be judged. */
    private static String indicators(Project p) {
        List<IndicatorResult> indicators = indicatorsOf(p);
        if (p.score() == null || p.score().total() == null || indicators.isEmpty()) {
            return "";
        }
        BigDecimal scale = rescaling(indicators);
        List<String> unmet = new ArrayList<>();
        boolean allJudged = true;
        for (IndicatorResult i : indicators) {
            if (i.score() == null || i.weight() == null) {
                allJudged = false;
            } else if (i.score().compareTo(i.weight().multiply(scale).subtract(ROUNDING_SLACK)) < 0) {
                unmet.add(describe(i));
            }
        }
        if (!unmet.isEmpty()) {
            return "未完全达成的绩效指标：" + String.join("；", unmet) + "。";
        }
        return allJudged ? "各项绩效指标均已完成，项目实施达到预期绩效目标。" : "";
    }

    /**
     * SPEC §6.1: when a project's weights do not sum to 90 each indicator's score is rescaled by
     * 90 / Σ weights, so its full mark is its weight rescaled the same way.
     */
    private static BigDecimal rescaling(List<IndicatorResult> indicators) {
        BigDecimal total = BigDecimal.ZERO;
        for (IndicatorResult i : indicators) {
            if (i.weight() == null) {
                return BigDecimal.ONE;
            }
            total = total.add(i.weight());
        }
        return total.signum() == 0 || total.compareTo(INDICATOR_POINTS) == 0
                ? BigDecimal.ONE
                : INDICATOR_POINTS.divide(total, 10, RoundingMode.HALF_UP);
    }

    /** {@code 耕种面积（年度指标值≥255亩，实际完成值200亩，得分19.61分），偏差原因：……}. */
    private static String describe(IndicatorResult i) {
        String figures = orUnstated(i.name()) + "（年度指标值" + orUnstated(i.target()) + "，实际完成值"
                + orUnstated(i.actual()) + "，得分" + points(i.score()) + "分）";
        return PlainText.isBlank(i.deviationReason())
                ? figures + "，未说明偏差原因"
                : figures + "，偏差原因：" + clause(i.deviationReason());
    }

    private static List<IndicatorResult> indicatorsOf(Project p) {
        return p.indicators() == null ? List.of() : p.indicators();
    }
}
