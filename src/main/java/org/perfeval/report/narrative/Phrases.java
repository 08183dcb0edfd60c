package org.perfeval.report.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.report.ReportDocument;
import org.perfeval.report.Wan;

/** How figures read in the report: 万元 amounts, percentages, points and grades (SPEC §7). */
final class Phrases {

    static final String UNSCORED = "未评分";
    /** The grade bands of SPEC §6.1, best first, then the projects nobody could grade. */
    static final List<String> GRADES = List.of("优", "良", "中", "差", UNSCORED);
    /** Shown in a table cell that has no figure. */
    static final String NO_FIGURE = "—";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Phrases() {
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().map(Phrases::orZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code 55.26万元}, {@code 300万元}: the narrative trims trailing zeros. */
    static String wan(BigDecimal yuan) {
        return Wan.narrative(orZero(yuan)) + "万元";
    }

    /** Table cells: {@code 300.00}. */
    static String wanTable(BigDecimal yuan) {
        return Wan.table(orZero(yuan));
    }

    /** A rate in a sentence: 0.7391 → {@code 73.91%}, 1 → {@code 100%}. */
    static String percent(BigDecimal rate) {
        return percentOf(rate).stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code 预算执行率73.91%}, or why there is none. */
    static String executionRate(BigDecimal rate) {
        return rate == null ? "全年预算数为0，预算执行率不适用" : "预算执行率" + percent(rate);
    }

    /** A rate in a table: {@code 73.91%}, {@code 100.00%}, or {@link #NO_FIGURE}. */
    static String percentTable(BigDecimal rate) {
        return rate == null ? NO_FIGURE : percentOf(rate).toPlainString() + "%";
    }

    private static BigDecimal percentOf(BigDecimal rate) {
        return rate.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** Points without trailing zeros: {@code 97.39}, {@code 90}. */
    static String points(BigDecimal points) {
        BigDecimal rounded = points.setScale(2, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    /** {@code 自评得分97.39分，等级为“优”}, or {@code 未评分} when there is no total yet. */
    static String scoreClause(BigDecimal total, String grade) {
        if (total == null) {
            return UNSCORED;
        }
        String clause = "自评得分" + points(total) + "分";
        return PlainText.isBlank(grade) ? clause : clause + "，等级为“" + grade + "”";
    }

    /** A project's grade, {@link #UNSCORED} when it has none. */
    static String gradeOf(ReportDocument.Project project) {
        ReportDocument.Score score = project.score();
        return score == null || PlainText.isBlank(score.grade()) ? UNSCORED : score.grade();
    }

    /** Projects per grade in the order of {@link #GRADES}; an unknown grade string counts as its own. */
    static Map<String, Integer> gradeCounts(List<ReportDocument.Project> projects) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        GRADES.forEach(g -> counts.put(g, 0));
        projects.forEach(p -> counts.merge(gradeOf(p), 1, Integer::sum));
        return counts;
    }

    /** A project's name as the report shows it; the code stands in for a missing name. */
    /** The project's name; without one, its code said as such, so that no amount runs into it. */
    static String nameOf(ReportDocument.Project project) {
        return PlainText.isBlank(project.name()) ? "项目" + project.code() + "（未命名）" : project.name();
    }

    /** {@code 2026-11-25T04:00:18+08:00} as a Chinese reader writes it: {@code 2026年11月25日 04:00}. */
    static String dateTime(String isoOffsetDateTime) {
        try {
            return java.time.OffsetDateTime.parse(isoOffsetDateTime)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return PlainText.clean(isoOffsetDateTime);
        }
    }

    /** Text for a value nobody filled in. */
    static String orUnstated(String text) {
        return PlainText.isBlank(text) ? "未填写" : text.strip();
    }

    /** Ends a sentence with 。 unless it already ends with a full stop; a trailing ；or ， becomes 。. */
    static String sentence(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "；;，,、".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.isEmpty() || "。！？.!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
    }

    /** A clause to embed mid-sentence: trailing punctuation removed. */
    static String clause(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "。；;，,、.".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
