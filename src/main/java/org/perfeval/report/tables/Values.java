package org.perfeval.report.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.perfeval.report.ReportDocument;

/** Small conversions the table writers share: labels for people, plain figures for CSV and JSON. */
final class Values {

    /** Shown for a project or department that has no score (yet), or is not graded. */
    static final String UNSCORED = "未评分";
    static final String UNNAMED = "（未命名）";

    private Values() {
    }

    /** The department as the 填报单位 line names it: its name, else its code. */
    static String department(ReportDocument doc) {
        ReportDocument.Department d = doc.department();
        if (d == null) {
            return "";
        }
        return d.name() == null || d.name().isBlank() ? d.code() : d.name();
    }

    /** The project's name on a form; a project known only by its code (spending without a budget) says so. */
    static String projectName(ReportDocument.Project project) {
        return project.name() == null || project.name().isBlank() ? UNNAMED : project.name();
    }

    static String grade(String grade) {
        return grade == null || grade.isBlank() ? UNSCORED : grade;
    }

    /** The project's grade, {@link #UNSCORED} when it has no score or is not graded. */
    static String grade(ReportDocument.Project project) {
        return grade(project.score() == null ? null : project.score().grade());
    }

    /** Yuan with exactly two decimals (SPEC §7.1), null stays null. */
    static BigDecimal yuan(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Rates with four decimals, scores with two. */
    static BigDecimal scaled(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Now, to the second, always with seconds ({@code 2026-11-24T02:00:00+08:00}, as SPEC §7.1 shows it). */
    static String timestamp(Clock clock) {
        return OffsetDateTime.now(clock).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
