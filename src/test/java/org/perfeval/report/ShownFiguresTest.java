package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** 万元 that add up: every total shown is the sum of the parts shown beside it. */
class ShownFiguresTest {

    private static final BigDecimal GRID = new BigDecimal("100");

    private static ReportDocument.Project project(String code, String fund, String initial, String carryover,
                                                  String budget, String spent) {
        BigDecimal b = new BigDecimal(budget);
        BigDecimal s = new BigDecimal(spent);
        BigDecimal i = new BigDecimal(initial);
        BigDecimal c = new BigDecimal(carryover);
        return new ReportDocument.Project(code, "项目" + code, "项目支出", fund, i, b.subtract(i).subtract(c), c, b, s,
                b.subtract(s), new BigDecimal("0.5"), true, "ledger", null, List.of());
    }

    /** Every part ends in …x5 or …x49 yuan: rounded alone, the totals drift from the sums of their parts. */
    private static ReportDocument document() {
        List<ReportDocument.Project> projects = List.of(
                project("P1", "一般公共预算", "1000050", "0", "1000050", "500050"),
                project("P2", "政府性基金预算", "150049", "50000", "200049", "100050"));
        BigDecimal projectBudget = new BigDecimal("1200099");
        BigDecimal projectSpent = new BigDecimal("600100");
        ReportDocument.Basic basic = new ReportDocument.Basic(new BigDecimal("300050"), new BigDecimal("100050"),
                new BigDecimal("400100"));
        BigDecimal budget = projectBudget.add(new BigDecimal("500000"));
        BigDecimal spent = projectSpent.add(basic.total());
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        funds.put("一般公共预算", new ReportDocument.FundSource(new BigDecimal("1500050"), new BigDecimal("900150")));
        funds.put("政府性基金预算", new ReportDocument.FundSource(new BigDecimal("200049"), new BigDecimal("100050")));
        ReportDocument.Totals totals = new ReportDocument.Totals(new BigDecimal("1650099"), BigDecimal.ZERO,
                new BigDecimal("50000"), budget, spent, budget.subtract(spent), new BigDecimal("0.5883"), basic,
                new ReportDocument.ProjectTotals(projectBudget, projectSpent), funds, new BigDecimal("12345"));
        return new ReportDocument(2024, new ReportDocument.Department("D01", "甲局"), "2026-11-25T00:00:00+08:00",
                totals, null, projects, null, List.of());
    }

    @Test
    void eachTotalIsTheSumOfThePartsShownBesideIt() {
        ReportDocument shown = ShownFigures.of(document());
        ReportDocument.Totals t = shown.totals();

        List<ReportDocument.Project> projects = shown.projects();
        for (ReportDocument.Project p : projects) {
            assertEquals(p.budgetFinal().subtract(p.spent()), p.balance(), "结余结转 = 全年预算数 − 实际支出: " + p);
            assertEquals(p.budgetFinal(), p.budgetInitial().add(p.budgetAdjustment()).add(p.budgetCarryover()), p::toString);
        }
        assertEquals(sum(projects.stream().map(ReportDocument.Project::spent).toList()), t.project().spent());
        assertEquals(sum(projects.stream().map(ReportDocument.Project::budgetFinal).toList()), t.project().budgetFinal());
        assertEquals(t.basic().personnel().add(t.basic().publicOperation()), t.basic().total());
        assertEquals(t.basic().total().add(t.project().spent()), t.spent(), "共涉及资金 = 基本支出 + 项目支出");
        assertEquals(t.budgetFinal().subtract(t.spent()), t.balance());
        assertEquals(t.budgetFinal(), t.budgetInitial().add(t.budgetAdjustment()).add(t.budgetCarryover()));
        assertEquals(t.spent(), sum(t.byFundSource().values().stream().map(ReportDocument.FundSource::spent).toList()));
        assertEquals(t.budgetFinal(),
                sum(t.byFundSource().values().stream().map(ReportDocument.FundSource::budgetFinal).toList()));

        // the figures themselves, in yuan on the 0.01 万元 grid: a project's own, rounded
        assertEquals(List.of("1000100", "500100", "500000"), List.of(plain(projects.get(0).budgetFinal()),
                plain(projects.get(0).spent()), plain(projects.get(0).balance())), "100.01 − 50.01 = 50.00");
        assertEquals(List.of("200000", "100100", "99900", "150000", "50000", "0"), List.of(
                plain(projects.get(1).budgetFinal()), plain(projects.get(1).spent()), plain(projects.get(1).balance()),
                plain(projects.get(1).budgetInitial()), plain(projects.get(1).budgetCarryover()),
                plain(projects.get(1).budgetAdjustment())), "20.00 − 10.01 = 9.99; 15.0049 + 5 share out 20.00");
        assertEquals("600200", plain(t.project().spent()), "50.01 + 10.01");
        assertEquals(List.of("300100", "100000", "400100"), List.of(plain(t.basic().personnel()),
                plain(t.basic().publicOperation()), plain(t.basic().total())), "40.01, shared out: 30.01 + 10.00");
        assertEquals("1000300", plain(t.spent()));
        assertEquals(List.of("1650100", "0", "50000", "1700100"), List.of(plain(t.budgetInitial()),
                plain(t.budgetAdjustment()), plain(t.budgetCarryover()), plain(t.budgetFinal())),
                "an adjustment of exactly 0 stays 0");
        assertEquals("900200", plain(t.byFundSource().get("一般公共预算").spent()));
        assertEquals("100100", plain(t.byFundSource().get("政府性基金预算").spent()));
        assertEquals("12300", plain(t.threePublicSpent()));

        // everything else is the exact document's
        ReportDocument exact = document();
        assertEquals(exact.totals().executionRate(), t.executionRate());
        assertEquals(exact.projects().get(0).executionRate(), projects.get(0).executionRate());
        for (BigDecimal amount : List.of(t.budgetFinal(), t.spent(), t.balance(), t.basic().total())) {
            assertEquals(0, amount.remainder(GRID).signum(), "on the 0.01 万元 grid: " + amount);
        }
    }

    /**
     * Each project shows its own figures rounded, as its paragraph and the findings name them, and the totals add
     * them up: 60 projects of 12,345.49 yuan (1.23 万元 each) total 73.80, 0.27 from the exact 74.07 (the price of
     * totals that add up and projects shown as they are; real figures' roundings mostly cancel).
     */
    @Test
    void projectsShowTheirOwnFiguresRoundedAndTotalsAddThemUp() {
        List<ReportDocument.Project> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(project("P" + i, "一般公共预算", "12345.49", "0", "12345.49", "12345.49"));
        }
        BigDecimal total = new BigDecimal("740729.40");
        ReportDocument.Totals totals = new ReportDocument.Totals(total, BigDecimal.ZERO, BigDecimal.ZERO, total, total,
                BigDecimal.ZERO, BigDecimal.ONE, null, new ReportDocument.ProjectTotals(total, total),
                Map.of("一般公共预算", new ReportDocument.FundSource(total, total)), BigDecimal.ZERO);
        ReportDocument shown = ShownFigures.of(new ReportDocument(2024, null, null, totals, null, many, null, List.of()));
        assertEquals("738000", plain(shown.totals().budgetFinal()));
        assertEquals("738000", plain(shown.totals().spent()));
        assertEquals("0", plain(shown.totals().budgetAdjustment()), "no adjustment: none shown");
        assertEquals("738000", plain(shown.totals().byFundSource().get("一般公共预算").spent()));
        for (ReportDocument.Project p : shown.projects()) {
            assertEquals("12300", plain(p.spent()), p::toString);
        }
    }

    /** 100 元 of 基本支出 (50 + 50) and a fund project with nothing spent: the fund shows 0, not a rounding step. */
    @Test
    void aFundSourceThatSpentNothingShowsNothing() {
        ReportDocument.Project fund = project("G01", "政府性基金预算", "1000000", "0", "1000000", "0");
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        funds.put("政府性基金预算", new ReportDocument.FundSource(new BigDecimal("1000000"), BigDecimal.ZERO));
        funds.put("一般公共预算", new ReportDocument.FundSource(new BigDecimal("2000"), new BigDecimal("100")));
        ReportDocument.Totals totals = new ReportDocument.Totals(new BigDecimal("1002000"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("1002000"), new BigDecimal("100"), new BigDecimal("1001900"),
                new BigDecimal("0.0001"), new ReportDocument.Basic(new BigDecimal("50"), new BigDecimal("50"),
                new BigDecimal("100")), new ReportDocument.ProjectTotals(new BigDecimal("1000000"), BigDecimal.ZERO),
                funds, BigDecimal.ZERO);
        ReportDocument.Totals t = ShownFigures.of(new ReportDocument(2024, null, null, totals, null, List.of(fund), null,
                List.of())).totals();
        assertEquals("0", plain(t.byFundSource().get("政府性基金预算").spent()));
        assertEquals("100", plain(t.byFundSource().get("一般公共预算").spent()));
        assertEquals("100", plain(t.spent()), "0.01 万元, the exact 100 元");
        assertEquals(t.basic().total(), t.basic().personnel().add(t.basic().publicOperation()));
    }

    /** A project budgeted under one fund whose spending was booked to another: the first spent nothing and shows 0. */
    @Test
    void aFundSourceThatSpentNothingShowsNothingThoughItsProjectSpent() {
        ReportDocument.Project crossing = project("C1", "政府性基金预算", "1000000", "0", "1000000", "10050");
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        funds.put("政府性基金预算", new ReportDocument.FundSource(new BigDecimal("1000000"), BigDecimal.ZERO));
        funds.put("一般公共预算", new ReportDocument.FundSource(BigDecimal.ZERO, new BigDecimal("10050")));
        BigDecimal spent = new BigDecimal("10050");
        ReportDocument.Totals totals = new ReportDocument.Totals(new BigDecimal("1000000"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("1000000"), spent, new BigDecimal("989950"), new BigDecimal("0.0101"),
                null, new ReportDocument.ProjectTotals(new BigDecimal("1000000"), spent), funds, BigDecimal.ZERO);
        ReportDocument.Totals t = ShownFigures.of(new ReportDocument(2024, null, null, totals, null,
                List.of(crossing), null, List.of())).totals();
        assertEquals("0", plain(t.byFundSource().get("政府性基金预算").spent()));
        assertEquals("10100", plain(t.byFundSource().get("一般公共预算").spent()));
        assertEquals("0", plain(t.byFundSource().get("一般公共预算").budgetFinal()));
        assertEquals("1000000", plain(t.byFundSource().get("政府性基金预算").budgetFinal()));
    }

    @Test
    void largestRemainderMeetsTheTotalAndMovesEachPartByLessThanAStepWhenItCan() {
        List<BigDecimal> parts = List.of(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
        List<BigDecimal> shares = ShownFigures.largestRemainder(parts, new BigDecimal("1000"));
        assertEquals(List.of("300", "300", "400"), shares.stream().map(ShownFiguresTest::plain).toList());

        List<BigDecimal> negative = ShownFigures.largestRemainder(List.of(new BigDecimal("-150"), new BigDecimal("260")),
                new BigDecimal("100"));
        assertEquals(List.of("-200", "300"), negative.stream().map(ShownFiguresTest::plain).toList());
        for (int i = 0; i < 2; i++) {
            BigDecimal moved = negative.get(i).subtract(List.of(new BigDecimal("-150"), new BigDecimal("260")).get(i)).abs();
            assertTrue(moved.compareTo(GRID) < 0, "within one step: " + moved);
        }

        assertEquals(List.of("300", "200"), ShownFigures.largestRemainder(List.of(new BigDecimal("250"),
                new BigDecimal("250")), new BigDecimal("500")).stream().map(ShownFiguresTest::plain).toList(),
                "a tie goes to the first");
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
