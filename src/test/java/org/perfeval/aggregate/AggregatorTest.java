package org.perfeval.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.perfeval.model.BudgetLine;
import org.perfeval.model.DeptYear;
import org.perfeval.model.Lineage;
import org.perfeval.store.FiguresStore.LedgerSum;

/** SPEC §4 classification and §5 figures on hand-made rows. */
class AggregatorTest {

    private static final DeptYear KEY = new DeptYear(2024, "D01");
    private static final Aggregator AGGREGATOR = new Aggregator("一般公共预算");

    private static BigDecimal y(String yuan) {
        return new BigDecimal(yuan).setScale(2);
    }

    private static BudgetLine budget(String project, String type, String fund, String initial, String adjustment,
                                     String carryover, String spentReported) {
        BigDecimal i = y(initial);
        BigDecimal a = y(adjustment);
        BigDecimal c = y(carryover);
        return new BudgetLine(new Lineage(1, 2), 2024, "D01", "预算里的名称", project, project + "名称", type, fund,
                null, i, a, c, i.add(a).add(c), spentReported == null ? null : y(spentReported), null);
    }

    private static LedgerSum spent(String project, String econ, String fund, String amount) {
        return new LedgerSum(project, econ, fund, y(amount), 1);
    }

    private static DepartmentFigures aggregate(List<BudgetLine> budget, List<LedgerSum> ledger) {
        return AGGREGATOR.aggregate(KEY, budget, ledger, Optional.empty());
    }

    private static ProjectFigures project(DepartmentFigures f, String code) {
        return f.projects().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "null, 30101, 人员经费",
            "null, 30301, 人员经费",
            "null, 30201, 项目支出",
            "null, 31002, 项目支出",
            "null, null, 项目支出",
            "基本支出, 30101, 人员经费",
            "基本支出, 30399, 人员经费",
            "基本支出, 30201, 公用经费",
            "基本支出, 31002, 公用经费",
            "项目支出, 30101, 项目支出",
            "人员经费, 30201, 人员经费",
            "公用经费, 30101, 公用经费"})
    void expenseTypeOfLedgerSpending(String budgetedType, String econClass, String expected) {
        assertEquals(expected, ExpenseClassifier.classify(budgetedType, econClass));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"30211, true", "30217, true", "30231, true", "31013, true",
            "3021701, true", "30201, false", "3021, false", "31012, false", "30216, false", "null, false"})
    void threePublicClasses(String econClass, boolean expected) {
        assertEquals(expected, ExpenseClassifier.isThreePublic(econClass, ExpenseClassifier.SPEC_THREE_PUBLIC));
    }

    @Test
    void aBureauNamesItsOwnThreePublicClasses() {
        // the classification of recent years: 30211 差旅费, 30212 因公出国（境）费用
        Aggregator own = new Aggregator("一般公共预算", List.of("30212", "30217", "30231", "31013"));
        DepartmentFigures f = own.aggregate(new org.perfeval.model.DeptYear(2024, "D01"),
                List.of(budget("P1", "项目支出", null, "100", "0", "0", null)),
                List.of(spent("P1", "30211", null, "30"), spent("P1", "30212", null, "12.5")), java.util.Optional.empty());
        assertEquals(y("12.5"), f.threePublicSpent());
        assertEquals(y("30"), AGGREGATOR.aggregate(new org.perfeval.model.DeptYear(2024, "D01"),
                List.of(budget("P1", "项目支出", null, "100", "0", "0", null)),
                List.of(spent("P1", "30211", null, "30"), spent("P1", "30212", null, "12.5")), java.util.Optional.empty())
                .threePublicSpent(), "SPEC §4's list by default");
    }

    @Test
    void longBudgetLinesOfAProjectAddUp() {
        DepartmentFigures f = aggregate(List.of(
                budget("P1", "项目支出", null, "1000", "0", "0", null),
                budget("P1", "项目支出", null, "0", "200", "0", null),
                budget("P1", "项目支出", null, "0", "-50", "0", null),
                budget("P1", "项目支出", null, "0", "0", "300", null)), List.of(spent("P1", "30201", null, "725")));
        ProjectFigures p = project(f, "P1");
        assertEquals(y("1000"), p.budgetInitial());
        assertEquals(y("150"), p.budgetAdjustment());
        assertEquals(y("300"), p.budgetCarryover());
        assertEquals(y("1450"), p.budgetFinal());
        assertEquals(y("725"), p.spent());
        assertEquals(y("725"), p.balance());
        assertEquals(new BigDecimal("0.5000"), p.executionRate());
        assertTrue(p.inInitialBudget());
        assertEquals("预算里的名称", f.deptName(), "without a profile the budget names the department");
    }

    @Test
    void unbudgetedSpendingIsAProjectWithoutBudgetOrRate() {
        DepartmentFigures f = aggregate(List.of(), List.of(spent("X1", "30201", "政府性基金预算", "10"),
                spent("X2", "30101", null, "20")));
        ProjectFigures x1 = project(f, "X1");
        assertEquals("项目支出", x1.expenseType());
        assertFalse(x1.budgeted());
        assertFalse(x1.inInitialBudget());
        assertNull(x1.executionRate(), "null when budget_final = 0");
        assertEquals("ledger", x1.spentSource());
        assertEquals("政府性基金预算", x1.fundSource());
        assertEquals("人员经费", project(f, "X2").expenseType());
        assertEquals(List.of("X1"), f.spendingProjects().stream().map(ProjectFigures::code).toList());
        assertEquals(y("20"), f.personnelSpent());
        assertEquals(y("10"), f.projectSpent());
        assertNull(f.totals().executionRate());
        assertEquals(y("10"), f.byFundSource().get("政府性基金预算").spent());
        assertEquals(y("20"), f.byFundSource().get("一般公共预算").spent(), "the default fund source");
    }

    @Test
    void reportedSpendingOfABasicProjectCountsAsBasicSpending() {
        DepartmentFigures f = aggregate(List.of(
                budget("B1", "人员经费", null, "500", "0", "0", "480"),
                budget("B2", "公用经费", null, "100", "0", "0", "90"),
                budget("P1", "项目支出", "政府性基金预算", "0", "70", "0", "60")), List.of());
        assertEquals(y("480"), f.personnelSpent());
        assertEquals(y("90"), f.publicOperationSpent());
        assertEquals(y("60"), f.projectSpent());
        assertEquals(y("630"), f.totals().spent());
        assertEquals(y("70"), f.projectBudgetFinal());
        assertEquals("budget_report", project(f, "B1").spentSource());
        assertEquals(y("60"), f.byFundSource().get("政府性基金预算").spent());
        assertEquals(y("570"), f.byFundSource().get("一般公共预算").spent());
        assertFalse(project(f, "P1").inInitialBudget());
    }

    @Test
    void ledgerLinesWinOverReportedSpendingAndTakeTheProjectsFundSource() {
        DepartmentFigures f = aggregate(List.of(budget("P1", "项目支出", "政府性基金预算", "100", "0", "0", "99")),
                List.of(spent("P1", "30201", null, "30"), spent("P1", "30217", null, "12.5")));
        ProjectFigures p = project(f, "P1");
        assertEquals(y("42.5"), p.spent());
        assertEquals("ledger", p.spentSource());
        assertEquals(y("42.5"), f.byFundSource().get("政府性基金预算").spent());
        assertEquals(y("12.5"), f.threePublicSpent());
        assertEquals(new BigDecimal("0.4250"), p.executionRate());
    }

    @Test
    void ratesRoundHalfUpToFourDecimals() {
        assertEquals(new BigDecimal("0.6667"), Rates.ratio(y("2"), y("3")));
        assertEquals(new BigDecimal("0.0001"), Rates.ratio(new BigDecimal("0.05"), new BigDecimal("1000")));
        assertEquals(new BigDecimal("1.2500"), Rates.ratio(y("125"), y("100")));
        assertNull(Rates.ratio(y("1"), y("0")));
    }
}
