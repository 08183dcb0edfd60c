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
 * its own had made the bundled demo's tables disagree with themselves (附件1: 10105.98 − 9967.95 shown as 138.04; a
 * 合计 row 0.01 off the sum of its rows; 基本支出 + 项目支出 ≠ 共涉及资金), the very fault of hand-made reports
 * this product replaces. So:
 * <ul>
 *   <li>a project shows its 全年预算数 and 实际支出 each rounded, as its paragraph, 附件3 and the findings name them;
 *       its 结余结转 is their difference (never of another sign than the exact one: rounding keeps order), and
 *       年初预算, 调整数 and 上年结转 share out its 全年预算数 by largest remainder (an exact 0 stays 0);</li>
 *   <li>项目支出 is the sum of the projects as shown; 基本支出 is its exact value rounded, shared out between 人员经费
 *       and 公用经费; the department's totals are the sums of these, and its 年初预算, 调整数 and 上年结转 share out
 *       its 全年预算数;</li>
 *   <li>a fund source is its projects as shown plus its share of what they do not cover (基本支出 …), so that the
 *       sources add up to the department's totals too, and one of exactly 0 shows 0.</li>
 * </ul>
 * A total may so differ from its exact value rounded alone by the sum of the projects' roundings, at most 0.005 万元
 * a project, less as they mostly cancel. {@code report.json}, {@code projects.csv} and {@code summary.json} keep the
 * exact yuan; rates and scores come from the exact figures.
 */
public final class ShownFigures {

    /** 0.01 万元 in yuan. */
    private static final BigDecimal STEP = BigDecimal.valueOf(100);

    private ShownFigures() {
    }

    /** The document with every amount on the 0.01 万元 grid, each total the sum of the parts shown with it. */
    public static ReportDocument of(ReportDocument exact) {
        List<ReportDocument.Project> projects = exact.projects() == null ? List.of() : exact.projects();
        List<ReportDocument.Project> shownProjects = projects.stream().map(ShownFigures::project).toList();
        ReportDocument.Totals t = exact.totals();
        if (t == null) {
            return with(exact, null, exact.projects() == null ? null : shownProjects);
        }
        BigDecimal listedSpent = sum(shownProjects, ReportDocument.Project::spent);
        BigDecimal listedBudget = sum(shownProjects, ReportDocument.Project::budgetFinal);
        // the project totals beside the listed projects, rounded: an unbudgeted code's 301 or 303 lines, say, are
        // listed as a project but count as 基本支出 by their economic class
        ReportDocument.ProjectTotals project = t.project() == null ? null : new ReportDocument.ProjectTotals(
                listedBudget.add(Wan.rounded(zero(t.project().budgetFinal()).subtract(sum(projects,
                        ReportDocument.Project::budgetFinal)))),
                listedSpent.add(Wan.rounded(zero(t.project().spent())
                        .subtract(sum(projects, ReportDocument.Project::spent)))));
        BigDecimal exactProjectSpent = t.project() == null ? sum(projects, ReportDocument.Project::spent)
                : zero(t.project().spent());
        BigDecimal exactProjectBudget = t.project() == null ? sum(projects, ReportDocument.Project::budgetFinal)
                : zero(t.project().budgetFinal());
        BigDecimal shownProjectSpent = project == null ? listedSpent : project.spent();
        BigDecimal shownProjectBudget = project == null ? listedBudget : project.budgetFinal();
        ReportDocument.Basic basic = t.basic() == null ? null : basic(t.basic());
        BigDecimal exactBasic = t.basic() == null ? BigDecimal.ZERO : zero(t.basic().total());

        BigDecimal spent = shownProjectSpent.add(basic == null ? BigDecimal.ZERO : basic.total())
                .add(Wan.rounded(zero(t.spent()).subtract(exactProjectSpent).subtract(exactBasic)));
        BigDecimal budget = shownProjectBudget.add(Wan.rounded(zero(t.budgetFinal()).subtract(exactProjectBudget)));
        List<BigDecimal> parts = largestRemainder(List.of(zero(t.budgetInitial()), zero(t.budgetAdjustment()),
                zero(t.budgetCarryover())), budget);
        ReportDocument.Totals totals = new ReportDocument.Totals(parts.get(0), parts.get(1), parts.get(2), budget,
                spent, budget.subtract(spent), t.executionRate(), basic, project,
                fundSources(t.byFundSource(), projects, shownProjects, budget, spent),
                t.threePublicSpent() == null ? null : Wan.rounded(t.threePublicSpent()));
        return with(exact, totals, exact.projects() == null ? null : shownProjects);
    }

    private static ReportDocument with(ReportDocument exact, ReportDocument.Totals totals,
                                       List<ReportDocument.Project> projects) {
        return new ReportDocument(exact.fiscalYear(), exact.department(), exact.generatedAt(), totals, exact.profile(),
                projects, exact.departmentScore(), exact.findings());
    }

    private static ReportDocument.Project project(ReportDocument.Project p) {
        BigDecimal budget = Wan.rounded(zero(p.budgetFinal()));
        BigDecimal spent = Wan.rounded(zero(p.spent()));
        List<BigDecimal> parts = largestRemainder(List.of(zero(p.budgetInitial()), zero(p.budgetAdjustment()),
                zero(p.budgetCarryover())), budget);
        return new ReportDocument.Project(p.code(), p.name(), p.expenseType(), p.fundSource(), parts.get(0),
                parts.get(1), parts.get(2), budget, spent, budget.subtract(spent), p.executionRate(),
                p.inInitialBudget(), p.spentSource(), p.score(), p.indicators());
    }

    /** 基本支出 rounded, 人员经费 and 公用经费 sharing it out. */
    private static ReportDocument.Basic basic(ReportDocument.Basic b) {
        BigDecimal personnel = zero(b.personnel());
        BigDecimal publicOperation = zero(b.publicOperation());
        BigDecimal total = Wan.rounded(zero(b.total()));
        List<BigDecimal> parts = largestRemainder(List.of(personnel, publicOperation,
                zero(b.total()).subtract(personnel).subtract(publicOperation)), total);
        return new ReportDocument.Basic(parts.get(0), parts.get(1), total);
    }

    /**
     * Each fund source: its projects as shown (so that 三、四、五 add up to the projects they list) plus its share of
     * what the projects do not cover (基本支出 …), so that the sources add up to the department's totals; a source
     * whose exact figure is 0 shows 0, whatever its projects' fund source says.
     */
    private static Map<String, ReportDocument.FundSource> fundSources(Map<String, ReportDocument.FundSource> exact,
            List<ReportDocument.Project> exactProjects, List<ReportDocument.Project> shownProjects,
            BigDecimal budget, BigDecimal spent) {
        if (exact == null) {
            return null;
        }
        List<String> sources = new ArrayList<>(exact.keySet());
        List<BigDecimal> budgets = apportion(sources, exact, exactProjects, shownProjects, budget,
                ReportDocument.FundSource::budgetFinal, ReportDocument.Project::budgetFinal);
        List<BigDecimal> spending = apportion(sources, exact, exactProjects, shownProjects, spent,
                ReportDocument.FundSource::spent, ReportDocument.Project::spent);
        Map<String, ReportDocument.FundSource> shown = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            shown.put(sources.get(i), new ReportDocument.FundSource(budgets.get(i), spending.get(i)));
        }
        return shown;
    }

    private static List<BigDecimal> apportion(List<String> sources, Map<String, ReportDocument.FundSource> exact,
                                              List<ReportDocument.Project> exactProjects,
                                              List<ReportDocument.Project> shownProjects, BigDecimal total,
                                              Function<ReportDocument.FundSource, BigDecimal> ofSource,
                                              Function<ReportDocument.Project, BigDecimal> ofProject) {
        List<BigDecimal> exactValues = new ArrayList<>();
        List<BigDecimal> listed = new ArrayList<>();
        List<BigDecimal> rests = new ArrayList<>();
        for (String source : sources) {
            ReportDocument.FundSource f = exact.get(source);
            BigDecimal value = f == null ? BigDecimal.ZERO : zero(ofSource.apply(f));
            exactValues.add(value);
            listed.add(sumOfSource(shownProjects, source, ofProject));
            rests.add(value.subtract(sumOfSource(exactProjects, source, ofProject)));
        }
        BigDecimal restTotal = total.subtract(listed.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        List<BigDecimal> shares = largestRemainder(rests, restTotal);
        List<BigDecimal> result = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            result.add(listed.get(i).add(shares.get(i)));
        }
        // a source that spent (or was budgeted) nothing shows nothing: what its projects showed goes to the largest
        int largest = 0;
        for (int i = 1; i < sources.size(); i++) {
            if (exactValues.get(i).abs().compareTo(exactValues.get(largest).abs()) > 0) {
                largest = i;
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            if (exactValues.get(i).signum() == 0 && result.get(i).signum() != 0 && i != largest) {
                result.set(largest, result.get(largest).add(result.get(i)));
                result.set(i, BigDecimal.ZERO);
            }
        }
        return result;
    }

    private static BigDecimal sumOfSource(List<ReportDocument.Project> projects, String source,
                                          Function<ReportDocument.Project, BigDecimal> figure) {
        BigDecimal total = BigDecimal.ZERO;
        for (ReportDocument.Project p : projects) {
            if (source.equals(p.fundSource())) {
                total = total.add(zero(figure.apply(p)));
            }
        }
        return total;
    }

    /**
     * Parts on the grid that add up to {@code total} (on the grid): each part rounded down, then one step more to
     * the parts with the largest remainders until the total is met. When the total lies within the parts rounded
     * down and rounded up (a total that is their exact sum rounded always does), each part is its value rounded
     * one way or the other, and a part on the grid (0 among them) keeps its value. What lies beyond (a total that
     * sums rounded figures) goes to, or is taken from, the largest part, as accountants put a 尾差.
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
        int largest = order.stream().min(bySize).orElseThrow();
        for (long k = 0; k < Math.abs(steps); k++) {
            int i = steps > 0 && k < withRemainder ? order.get((int) k) : largest;
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
