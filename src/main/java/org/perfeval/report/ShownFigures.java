package org.perfeval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A report's amounts as people read them: in 万元 with two decimals (SPEC §7) that add up. Rounding each figure on
 * its own made the bundled demo's tables disagree with themselves (附件1: 10105.98 − 9967.95 shown as 138.04; a
 * 合计 row 0.01 off the sum of its rows; 基本支出 + 项目支出 ≠ 共涉及资金), the very fault of hand-made reports
 * this product replaces. Summing rounded parts instead lets a total drift from its value with the number of parts
 * (0.27 万元 over 60 projects). So each total is its exact value rounded, and its parts share it out by largest
 * remainder (as statisticians round a table so that it adds up): each part is its value rounded up or down, never
 * further than 0.01 万元 from it, and a part of exactly 0 stays 0.
 * <ul>
 *   <li>the department's 全年执行数 splits into 基本支出 (人员经费, 公用经费) and 项目支出, which splits into the
 *       projects; its 全年预算数 into the basic budget and the projects' likewise;</li>
 *   <li>a 全年预算数 (the department's, a project's) splits into 年初预算, 调整数 and 上年结转; 结余结转 is 全年预算数
 *       − 全年执行数 as shown;</li>
 *   <li>a fund source is its projects as shown plus its share of what they do not cover (基本支出 …), so that the
 *       sources add up to the department's total too.</li>
 * </ul>
 * {@code report.json}, {@code projects.csv} and {@code summary.json} keep the exact yuan; rates and scores come
 * from the exact figures.
 */
public final class ShownFigures {

    /** 0.01 万元 in yuan. */
    private static final BigDecimal STEP = BigDecimal.valueOf(100);

    private ShownFigures() {
    }

    /** The document with every amount on the 0.01 万元 grid, each total the sum of the parts shown with it. */
    public static ReportDocument of(ReportDocument exact) {
        List<ReportDocument.Project> projects = exact.projects() == null ? List.of() : exact.projects();
        ReportDocument.Totals t = exact.totals();
        if (t == null) {
            BigDecimal exactBudget = sum(projects, ReportDocument.Project::budgetFinal);
            BigDecimal exactSpent = sum(projects, ReportDocument.Project::spent);
            List<BigDecimal> budgets = split(projects, ReportDocument.Project::budgetFinal, round(exactBudget), exactBudget);
            List<BigDecimal> spent = split(projects, ReportDocument.Project::spent, round(exactSpent), exactSpent);
            return with(exact, null, exact.projects() == null ? null : projects(projects, budgets, spent));
        }
        BigDecimal spent = round(zero(t.spent()));
        BigDecimal budget = round(zero(t.budgetFinal()));
        BigDecimal exactProjectSpent = t.project() == null ? sum(projects, ReportDocument.Project::spent)
                : zero(t.project().spent());
        BigDecimal exactProjectBudget = t.project() == null ? sum(projects, ReportDocument.Project::budgetFinal)
                : zero(t.project().budgetFinal());
        BigDecimal exactBasic = t.basic() == null ? BigDecimal.ZERO : zero(t.basic().total());

        List<BigDecimal> spentParts = largestRemainder(List.of(exactBasic, exactProjectSpent,
                zero(t.spent()).subtract(exactBasic).subtract(exactProjectSpent)), spent);
        List<BigDecimal> budgetParts = largestRemainder(List.of(exactProjectBudget,
                zero(t.budgetFinal()).subtract(exactProjectBudget)), budget);
        List<BigDecimal> projectSpent = split(projects, ReportDocument.Project::spent, spentParts.get(1),
                exactProjectSpent);
        List<BigDecimal> projectBudget = split(projects, ReportDocument.Project::budgetFinal, budgetParts.get(0),
                exactProjectBudget);
        List<ReportDocument.Project> shownProjects = projects(projects, projectBudget, projectSpent);

        List<BigDecimal> parts = largestRemainder(List.of(zero(t.budgetInitial()), zero(t.budgetAdjustment()),
                zero(t.budgetCarryover())), budget);
        ReportDocument.Totals totals = new ReportDocument.Totals(parts.get(0), parts.get(1), parts.get(2), budget,
                spent, budget.subtract(spent), t.executionRate(),
                t.basic() == null ? null : basic(t.basic(), spentParts.get(0)),
                t.project() == null ? null : new ReportDocument.ProjectTotals(budgetParts.get(0), spentParts.get(1)),
                fundSources(t.byFundSource(), projects, shownProjects, budget, spent), round(t.threePublicSpent()));
        return with(exact, totals, exact.projects() == null ? null : shownProjects);
    }

    private static ReportDocument with(ReportDocument exact, ReportDocument.Totals totals,
                                       List<ReportDocument.Project> projects) {
        return new ReportDocument(exact.fiscalYear(), exact.department(), exact.generatedAt(), totals, exact.profile(),
                projects, exact.departmentScore(), exact.findings());
    }

    /** Yuan rounded half-up to 0.01 万元, still in yuan; null stays null. */
    static BigDecimal round(BigDecimal yuan) {
        return yuan == null ? null : Wan.rounded(yuan);
    }

    /**
     * Each project's figure as its share of {@code shown}, the rounded {@code exact} total; what that total holds
     * beyond the listed projects takes its share as one more part.
     */
    private static List<BigDecimal> split(List<ReportDocument.Project> projects,
                                          Function<ReportDocument.Project, BigDecimal> figure, BigDecimal shown,
                                          BigDecimal exact) {
        List<BigDecimal> values = new ArrayList<>();
        projects.forEach(p -> values.add(zero(figure.apply(p))));
        values.add(exact.subtract(sum(projects, figure)));
        return largestRemainder(values, shown).subList(0, projects.size());
    }

    private static List<ReportDocument.Project> projects(List<ReportDocument.Project> exact, List<BigDecimal> budgets,
                                                         List<BigDecimal> spent) {
        List<ReportDocument.Project> shown = new ArrayList<>();
        for (int i = 0; i < exact.size(); i++) {
            ReportDocument.Project p = exact.get(i);
            BigDecimal budget = budgets.get(i);
            List<BigDecimal> parts = largestRemainder(List.of(zero(p.budgetInitial()), zero(p.budgetAdjustment()),
                    zero(p.budgetCarryover())), budget);
            shown.add(new ReportDocument.Project(p.code(), p.name(), p.expenseType(), p.fundSource(), parts.get(0),
                    parts.get(1), parts.get(2), budget, spent.get(i), budget.subtract(spent.get(i)), p.executionRate(),
                    p.inInitialBudget(), p.spentSource(), p.score(), p.indicators()));
        }
        return shown;
    }

    private static ReportDocument.Basic basic(ReportDocument.Basic b, BigDecimal total) {
        BigDecimal personnel = zero(b.personnel());
        BigDecimal publicOperation = zero(b.publicOperation());
        List<BigDecimal> parts = largestRemainder(List.of(personnel, publicOperation,
                zero(b.total()).subtract(personnel).subtract(publicOperation)), total);
        return new ReportDocument.Basic(parts.get(0), parts.get(1), total);
    }

    /**
     * Each fund source: its listed projects as shown, plus its share of what they do not cover (基本支出, spending
     * on another source than the project's), so that the sources add up to the shown total.
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
            BigDecimal exactOfSource = f == null ? BigDecimal.ZERO : zero(budget ? f.budgetFinal() : f.spent());
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
     * the parts with the largest remainders until the total is met. When the total lies within the parts rounded
     * down and rounded up (a total that is their exact sum rounded always does), each part is its value rounded
     * one way or the other, and a part on the grid (0 among them) keeps its value. Otherwise the steps go, or are
     * taken, largest parts first.
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
        Comparator<Integer> bySize = Comparator.comparing((Integer i) -> parts.get(i).abs()).reversed();
        // a part with a remainder first (largest first), then, for steps beyond those, the largest parts
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i).signum() == 0)
                .thenComparing(Comparator.comparing(remainders::get).reversed()).thenComparing(bySize));
        int withRemainder = (int) remainders.stream().filter(r -> r.signum() != 0).count();
        List<Integer> largest = new ArrayList<>(order);
        largest.sort(bySize);
        for (long k = 0; k < Math.abs(steps); k++) {
            int i = steps > 0 && k < withRemainder ? order.get((int) k) : largest.get((int) (k % largest.size()));
            shares.set(i, shares.get(i).add(steps > 0 ? STEP : STEP.negate()));
        }
        return shares;
    }

    private static BigDecimal sum(List<ReportDocument.Project> projects,
                                  Function<ReportDocument.Project, BigDecimal> figure) {
        return projects.stream().map(figure).map(ShownFigures::zero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
