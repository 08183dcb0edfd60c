package org.perfeval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's amounts as people read them: in 万元 with two decimals (SPEC §7) that add up. Rounding each figure on
 * its own made the bundled demo's tables disagree with themselves (附件1: 10105.98 − 9967.95 shown as 138.04; a
 * 合计 row 0.01 off the sum of its rows; 基本支出 + 项目支出 ≠ 共涉及资金), which is the very fault of hand-made
 * reports this product replaces. So, as SPEC §6 does for scores, a total is the sum of its rounded parts:
 * <ul>
 *   <li>a project's 全年预算数 and 实际支出 are each rounded; its 结余结转 is their difference, and its 调整数 what
 *       the rounded 全年预算数 leaves after the rounded 年初预算 and 上年结转;</li>
 *   <li>项目支出 is the sum of the projects, 基本支出 of 人员经费 and 公用经费, the department's total of both
 *       (plus, rounded, whatever the listed projects do not cover);</li>
 *   <li>the fund sources split that total: each is the sum of its projects plus its share of the rest, apportioned
 *       by largest remainder so that the sources add up to the total too.</li>
 * </ul>
 * Every figure is within a few 0.01 万元 of its exact value; {@code report.json} and {@code projects.csv} keep
 * the exact yuan. Rates and scores are not recomputed: they come from the exact figures.
 */
public final class ShownFigures {

    /** 0.01 万元 in yuan. */
    private static final BigDecimal STEP = BigDecimal.valueOf(100);

    private ShownFigures() {
    }

    /** The document with every amount on the 0.01 万元 grid, totals the sums of what is shown. */
    public static ReportDocument of(ReportDocument exact) {
        List<ReportDocument.Project> projects = exact.projects() == null ? null
                : exact.projects().stream().map(ShownFigures::project).toList();
        ReportDocument.Totals totals = exact.totals() == null ? null
                : totals(exact.totals(), exact.projects() == null ? List.of() : exact.projects(),
                        projects == null ? List.of() : projects);
        return new ReportDocument(exact.fiscalYear(), exact.department(), exact.generatedAt(), totals, exact.profile(),
                projects, exact.departmentScore(), exact.findings());
    }

    /** Yuan rounded half-up to 0.01 万元, still in yuan; null stays null. */
    static BigDecimal round(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(STEP, 0, RoundingMode.HALF_UP).multiply(STEP);
    }

    private static ReportDocument.Project project(ReportDocument.Project p) {
        BigDecimal budget = round(p.budgetFinal());
        BigDecimal initial = round(p.budgetInitial());
        BigDecimal carryover = round(p.budgetCarryover());
        BigDecimal spent = round(p.spent());
        return new ReportDocument.Project(p.code(), p.name(), p.expenseType(), p.fundSource(), initial,
                budget == null ? round(p.budgetAdjustment()) : budget.subtract(zero(initial)).subtract(zero(carryover)),
                carryover, budget, spent, budget == null || spent == null ? round(p.balance()) : budget.subtract(spent),
                p.executionRate(), p.inInitialBudget(), p.spentSource(), p.score(), p.indicators());
    }

    private static ReportDocument.Totals totals(ReportDocument.Totals t, List<ReportDocument.Project> exactProjects,
                                                List<ReportDocument.Project> shownProjects) {
        BigDecimal listedBudget = sum(exactProjects, ReportDocument.Project::budgetFinal);
        BigDecimal listedSpent = sum(exactProjects, ReportDocument.Project::spent);
        BigDecimal shownListedBudget = sum(shownProjects, ReportDocument.Project::budgetFinal);
        BigDecimal shownListedSpent = sum(shownProjects, ReportDocument.Project::spent);

        ReportDocument.ProjectTotals project = t.project() == null ? null : new ReportDocument.ProjectTotals(
                shownListedBudget.add(rest(t.project().budgetFinal(), listedBudget)),
                shownListedSpent.add(rest(t.project().spent(), listedSpent)));
        ReportDocument.Basic basic = t.basic() == null ? null : basic(t.basic());

        BigDecimal exactProjectBudget = t.project() == null ? listedBudget : zero(t.project().budgetFinal());
        BigDecimal exactProjectSpent = t.project() == null ? listedSpent : zero(t.project().spent());
        BigDecimal shownProjectBudget = project == null ? shownListedBudget : project.budgetFinal();
        BigDecimal shownProjectSpent = project == null ? shownListedSpent : project.spent();
        BigDecimal exactBasicSpent = basic == null ? BigDecimal.ZERO : zero(t.basic().total());
        BigDecimal shownBasicSpent = basic == null ? BigDecimal.ZERO : basic.total();

        BigDecimal budget = shownProjectBudget.add(rest(t.budgetFinal(), exactProjectBudget));
        BigDecimal spent = shownProjectSpent.add(shownBasicSpent)
                .add(rest(t.spent(), exactProjectSpent.add(exactBasicSpent)));
        BigDecimal initial = sum(shownProjects, ReportDocument.Project::budgetInitial)
                .add(rest(t.budgetInitial(), sum(exactProjects, ReportDocument.Project::budgetInitial)));
        BigDecimal carryover = sum(shownProjects, ReportDocument.Project::budgetCarryover)
                .add(rest(t.budgetCarryover(), sum(exactProjects, ReportDocument.Project::budgetCarryover)));
        return new ReportDocument.Totals(initial, budget.subtract(initial).subtract(carryover), carryover, budget, spent,
                budget.subtract(spent), t.executionRate(), basic, project,
                fundSources(t.byFundSource(), exactProjects, shownProjects, budget, spent), round(t.threePublicSpent()));
    }

    private static ReportDocument.Basic basic(ReportDocument.Basic b) {
        BigDecimal personnel = round(b.personnel());
        BigDecimal publicOperation = round(b.publicOperation());
        BigDecimal split = zero(b.personnel()).add(zero(b.publicOperation()));
        // 基本支出 not split into 人员经费 and 公用经费 (none today) would still count in the total
        return new ReportDocument.Basic(personnel, publicOperation,
                zero(personnel).add(zero(publicOperation)).add(rest(b.total(), split)));
    }

    /**
     * Each fund source: its listed projects as shown, plus its share of what they do not cover (基本支出, spending
     * on other sources than the project's), apportioned so that the sources add up to the shown total.
     */
    private static Map<String, ReportDocument.FundSource> fundSources(Map<String, ReportDocument.FundSource> exact,
            List<ReportDocument.Project> exactProjects, List<ReportDocument.Project> shownProjects,
            BigDecimal shownBudget, BigDecimal shownSpent) {
        if (exact == null) {
            return null;
        }
        List<String> sources = new ArrayList<>(exact.keySet());
        List<BigDecimal> budgets = apportion(sources, exact, exactProjects, shownProjects, shownBudget, true);
        List<BigDecimal> spent = apportion(sources, exact, exactProjects, shownProjects, shownSpent, false);
        Map<String, ReportDocument.FundSource> shown = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            shown.put(sources.get(i), new ReportDocument.FundSource(budgets.get(i), spent.get(i)));
        }
        return shown;
    }

    private static List<BigDecimal> apportion(List<String> sources, Map<String, ReportDocument.FundSource> exact,
                                              List<ReportDocument.Project> exactProjects,
                                              List<ReportDocument.Project> shownProjects, BigDecimal shownTotal,
                                              boolean budget) {
        List<BigDecimal> listed = new ArrayList<>();
        List<BigDecimal> rests = new ArrayList<>();
        for (String source : sources) {
            ReportDocument.FundSource f = exact.get(source);
            BigDecimal exactOfSource = zero(budget ? f.budgetFinal() : f.spent());
            listed.add(sumOfSource(shownProjects, source, budget));
            rests.add(exactOfSource.subtract(sumOfSource(exactProjects, source, budget)));
        }
        BigDecimal restTotal = shownTotal.subtract(listed.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        List<BigDecimal> shares = largestRemainder(rests, restTotal);
        List<BigDecimal> result = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            result.add(listed.get(i).add(shares.get(i)));
        }
        return result;
    }

    private static BigDecimal sumOfSource(List<ReportDocument.Project> projects, String source, boolean budget) {
        BigDecimal total = BigDecimal.ZERO;
        for (ReportDocument.Project p : projects) {
            if (source.equals(p.fundSource())) {
                total = total.add(zero(budget ? p.budgetFinal() : p.spent()));
            }
        }
        return total;
    }

    /**
     * Parts on the grid that add up to {@code total} (on the grid): each part rounded down, then one step more to
     * the parts with the largest remainders until the total is met (or one step less from the smallest, when the
     * total lies below the rounded-down sum).
     */
    static List<BigDecimal> largestRemainder(List<BigDecimal> parts, BigDecimal total) {
        List<BigDecimal> shares = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (BigDecimal part : parts) {
            BigDecimal floor = part.divide(STEP, 0, RoundingMode.FLOOR).multiply(STEP);
            shares.add(floor);
            remainders.add(part.subtract(floor));
            assigned = assigned.add(floor);
        }
        if (parts.isEmpty()) {
            return shares;
        }
        long steps = total.subtract(assigned).divide(STEP, 0, RoundingMode.HALF_UP).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> byRemainder = Comparator.comparing(remainders::get);
        order.sort(steps >= 0 ? byRemainder.reversed() : byRemainder);
        BigDecimal step = steps >= 0 ? STEP : STEP.negate();
        for (long k = 0; k < Math.abs(steps); k++) {
            int i = order.get((int) (k % order.size()));
            shares.set(i, shares.get(i).add(step));
        }
        return shares;
    }

    /** What the exact total holds beyond its listed parts, rounded. */
    private static BigDecimal rest(BigDecimal total, BigDecimal listed) {
        return round(zero(total).subtract(listed));
    }

    private static BigDecimal sum(List<ReportDocument.Project> projects,
                                  java.util.function.Function<ReportDocument.Project, BigDecimal> figure) {
        return projects.stream().map(figure).map(ShownFigures::zero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
