package org.perfeval.aggregate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;

/** The §5 figures of one department-year: totals, the basic/project split, fund sources and projects. */
public record DepartmentFigures(
        DeptYear key,
        String deptName,
        Money totals,
        BigDecimal personnelSpent,
        BigDecimal publicOperationSpent,
        BigDecimal projectBudgetFinal,
        BigDecimal projectSpent,
        Map<String, FundSourceFigures> byFundSource,
        BigDecimal threePublicSpent,
        DepartmentProfile profile,
        List<ProjectFigures> projects) {

    /** The department's budget and spending in total. */
    public record Money(BigDecimal budgetInitial, BigDecimal budgetAdjustment, BigDecimal budgetCarryover,
                        BigDecimal budgetFinal, BigDecimal spent) {
        public BigDecimal balance() {
            return budgetFinal.subtract(spent);
        }

        public BigDecimal executionRate() {
            return Rates.ratio(spent, budgetFinal);
        }
    }

    public record FundSourceFigures(BigDecimal budgetFinal, BigDecimal spent) {
    }

    public BigDecimal basicSpent() {
        return personnelSpent.add(publicOperationSpent);
    }

    /** The 项目支出 projects, which the report lists one by one. */
    public List<ProjectFigures> spendingProjects() {
        return projects.stream().filter(p -> ExpenseClassifier.PROJECT.equals(p.expenseType())).toList();
    }
}
