package org.perfeval.aggregate;

import java.math.BigDecimal;

/**
 * The §5 figures of one project in one department-year; amounts in yuan. {@code spentReported} is
 * what a budget-execution report stated (null if none), {@code ledgerSpent} the ledger's sum (null
 * without ledger lines): both are kept for the SPENT_MISMATCH check.
 */
public record ProjectFigures(
        String code,
        String name,
        String expenseType,
        String fundSource,
        BigDecimal budgetInitial,
        BigDecimal budgetAdjustment,
        BigDecimal budgetCarryover,
        BigDecimal budgetFinal,
        BigDecimal spent,
        String spentSource,
        boolean budgeted,
        BigDecimal spentReported,
        BigDecimal ledgerSpent) {

    public BigDecimal balance() {
        return budgetFinal.subtract(spent);
    }

    /** spent / budget_final to 4 decimals, as outputs show it; null when nothing was budgeted. */
    public BigDecimal executionRate() {
        return Rates.ratio(spent, budgetFinal);
    }

    /** spent / budget_final exactly, which the score and the LOW_EXECUTION threshold take; null as above. */
    public BigDecimal exactExecutionRate() {
        return Rates.exact(spent, budgetFinal);
    }

    public boolean inInitialBudget() {
        return budgetInitial.signum() > 0;
    }
}
