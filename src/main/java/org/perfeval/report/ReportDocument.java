package org.perfeval.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code report.json} (SPEC §7.1). Field names are snake_case in JSON and exact: other
 * tools read them. Amounts are yuan with 2 decimals, rates have 4.
 */
public record ReportDocument(
        int fiscalYear,
        Department department,
        String generatedAt,
        Totals totals,
        Profile profile,
        List<Project> projects,
        DepartmentScore departmentScore,
        List<Finding> findings) {

    public record Department(String code, String name) {
    }

    public record Totals(BigDecimal budgetInitial, BigDecimal budgetAdjustment, BigDecimal budgetCarryover,
                         BigDecimal budgetFinal, BigDecimal spent, BigDecimal balance, BigDecimal executionRate,
                         Basic basic, ProjectTotals project, Map<String, FundSource> byFundSource,
                         BigDecimal threePublicSpent) {
    }

    public record Basic(BigDecimal personnel, BigDecimal publicOperation, BigDecimal total) {
    }

    public record ProjectTotals(BigDecimal budgetFinal, BigDecimal spent) {
    }

    public record FundSource(BigDecimal budgetFinal, BigDecimal spent) {
    }

    public record Profile(Integer staffQuota, Integer staffActive, Integer staffRetired, Integer staffTotal,
                          Integer unitsCount) {
    }

    public record Project(String code, String name, String expenseType, String fundSource, BigDecimal budgetInitial,
                          BigDecimal budgetAdjustment, BigDecimal budgetCarryover, BigDecimal budgetFinal,
                          BigDecimal spent, BigDecimal balance, BigDecimal executionRate, boolean inInitialBudget,
                          String spentSource, Score score, List<IndicatorResult> indicators) {
    }

    /** A project's score; null until the project is scored. */
    public record Score(BigDecimal execution, BigDecimal indicators, BigDecimal total, String grade) {
    }

    public record IndicatorResult(String level1, String level2, String name, String target, String actual,
                                  BigDecimal weight, BigDecimal score, String deviationReason) {
    }

    public record DepartmentScore(List<DepartmentIndicator> indicators, BigDecimal total, String grade) {
    }

    public record DepartmentIndicator(String level1, String name, BigDecimal value, BigDecimal points, BigDecimal score,
                                      boolean applicable, String note) {
    }

    public record Finding(String code, String severity, String projectCode, String message) {
    }
}
