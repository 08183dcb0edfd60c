package org.perfeval.model;

import java.math.BigDecimal;

/**
 * One budget allocation (预算指标), in yuan. A long-layout row fills one of the four figures from its
 * 指标类型; a wide-layout row fills them all. {@code budgetFinal} always equals
 * initial + adjustment + carryover.
 */
public record BudgetLine(
        Lineage lineage,
        int fiscalYear,
        String deptCode,
        String deptName,
        String projectCode,
        String projectName,
        String expenseType,
        String fundSource,
        String functionClass,
        BigDecimal budgetInitial,
        BigDecimal budgetAdjustment,
        BigDecimal budgetCarryover,
        BigDecimal budgetFinal,
        BigDecimal spentReported,
        String docNo) {
}
