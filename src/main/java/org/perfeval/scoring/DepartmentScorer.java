package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.aggregate.Rates;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.report.Wan;
import org.perfeval.scoring.DepartmentScore.DepartmentIndicatorScore;
import org.perfeval.scoring.ScoringRules.DepartmentIndicatorRule;

/**
 * Scores a department-year on 附件2 部门整体支出绩效自评表 (SPEC §6.2). Each value is shown as a rate rounded
 * half-up to 4 decimals, as report.json has it; the score and the band come from the exact quotient. An
 * indicator whose inputs are missing, or whose rate would divide by 0, is 不适用 and left out of the
 * total, except that a ceiling (≤ 100 % …) over a zero base with spending above it scores 0: spending
 * without any allowance is as far over the ceiling as it gets.
 */
public final class DepartmentScorer {

    private final ScoringRules rules;

    public DepartmentScorer(ScoringRules rules) {
        this.rules = rules;
    }

    /**
     * @param projectScores the projects' scores by project code; the graded ones feed 项目产出完成度 and
     *                      项目效益完成度, weighted by their budget_final
     */
    public DepartmentScore score(DepartmentFigures figures, Map<String, ProjectScore> projectScores) {
        List<DepartmentIndicatorScore> lines = new ArrayList<>();
        BigDecimal scores = BigDecimal.ZERO;
        BigDecimal points = BigDecimal.ZERO;
        for (DepartmentIndicatorRule rule : rules.department().indicators()) {
            DepartmentIndicatorScore line = line(rule, read(rule, figures, projectScores));
            lines.add(line);
            if (line.applicable()) {
                scores = scores.add(line.score());
                points = points.add(line.points());
            }
        }
        if (points.signum() == 0) {
            return new DepartmentScore(lines, null, null);
        }
        BigDecimal total = scores.multiply(rules.department().totalPoints()).divide(points, 2, RoundingMode.HALF_UP);
        return new DepartmentScore(lines, total, rules.grade(total));
    }

    private static DepartmentIndicatorScore line(DepartmentIndicatorRule rule, Reading r) {
        if (r.missing() != null) {
            return notApplicable(rule, r.missing());
        }
        if (r.denominator().signum() == 0) {
            if (rule.rule() instanceof ScoreRule.Ceiling && r.numerator().signum() > 0) {
                return new DepartmentIndicatorScore(rule.measure(), rule.level1(), rule.name(), rule.points(), null,
                        BigDecimal.ZERO.setScale(2), true,
                        rule.measure().denominator() + "为0而实际发生支出，按超出上限计0分");
            }
            return notApplicable(rule, rule.measure().denominator() + "为0，无法计算");
        }
        return new DepartmentIndicatorScore(rule.measure(), rule.level1(), rule.name(), rule.points(),
                Rates.ratio(r.numerator(), r.denominator()),
                rule.rule().score(Rates.exact(r.numerator(), r.denominator()), rule.points()), true, r.remark());
    }

    private static DepartmentIndicatorScore notApplicable(DepartmentIndicatorRule rule, String reason) {
        return new DepartmentIndicatorScore(rule.measure(), rule.level1(), rule.name(), rule.points(), null, null,
                false, "不适用：" + reason);
    }

    /** A rate's parts, or why they are missing; {@code remark} notes how it was computed, if it matters. */
    private record Reading(BigDecimal numerator, BigDecimal denominator, String missing, String remark) {
        static Reading of(BigDecimal numerator, BigDecimal denominator) {
            return new Reading(numerator, denominator, null, null);
        }

        static Reading missing(String reason) {
            return new Reading(null, null, reason, null);
        }
    }

    private static Reading read(DepartmentIndicatorRule rule, DepartmentFigures f, Map<String, ProjectScore> scores) {
        DepartmentFigures.Money m = f.totals();
        DepartmentProfile p = f.profile();
        return switch (rule.measure()) {
            case STAFF_CONTROL -> p == null ? noProfile("编制数、在职人数")
                    : p.staffQuota() == null ? Reading.missing("未提供编制数")
                    : p.staffActive() == null ? Reading.missing("未提供在职人数")
                    : Reading.of(BigDecimal.valueOf(p.staffActive()), BigDecimal.valueOf(p.staffQuota()));
            case THREE_PUBLIC_CHANGE -> p == null ? noProfile("上年三公经费支出")
                    : p.threePublicPrior() == null ? Reading.missing("未提供上年三公经费支出")
                    : Reading.of(f.threePublicSpent().subtract(p.threePublicPrior()), p.threePublicPrior());
            case BUDGET_EXECUTION -> Reading.of(m.spent(), m.budgetFinal());
            case BUDGET_ADJUSTMENT -> Reading.of(m.budgetAdjustment().abs(), m.budgetInitial());
            case CARRYOVER_BALANCE -> Reading.of(m.balance(), m.budgetFinal());
            case PUBLIC_OPERATION_CONTROL -> publicOperation(f);
            case THREE_PUBLIC_CONTROL -> p == null ? noProfile("三公经费预算数")
                    : p.threePublicBudget() == null ? Reading.missing("未提供三公经费预算数")
                    : Reading.of(f.threePublicSpent(), p.threePublicBudget());
            case PROCUREMENT_EXECUTION -> p == null ? noProfile("政府采购预算数、实际数")
                    : p.procurementBudget() == null ? Reading.missing("未提供政府采购预算数")
                    : p.procurementActual() == null ? Reading.missing("未提供政府采购实际数")
                    : Reading.of(p.procurementActual(), p.procurementBudget());
            case PROJECT_OUTPUT, PROJECT_BENEFIT -> projectCompletion(rule.levels(), f, scores);
        };
    }

    private static Reading noProfile(String figures) {
        return Reading.missing("未提供单位基本情况表（" + figures + "）");
    }

    /**
     * 公用经费 spent and budgeted, from the projects budgeted as 公用经费. A project budgeted as plain
     * 基本支出 has no public share of its budget (only its spending can be split by economic class), so
     * it is left out of both sides and the note says so.
     */
    private static Reading publicOperation(DepartmentFigures f) {
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal unsplit = BigDecimal.ZERO;
        boolean any = false;
        for (ProjectFigures p : f.projects()) {
            if (ExpenseClassifier.PUBLIC_OPERATION.equals(p.expenseType()) && p.budgeted()) {
                any = true;
                spent = spent.add(p.spent());
                budget = budget.add(p.budgetFinal());
            } else if (ExpenseClassifier.BASIC.equals(p.expenseType()) && p.budgeted()) {
                unsplit = unsplit.add(p.budgetFinal());
            }
        }
        String remark = unsplit.signum() == 0 ? null
                : "另有未区分人员经费和公用经费的基本支出预算" + Wan.narrative(unsplit) + "万元，未计入";
        if (!any) {
            return Reading.missing(remark == null ? "预算中没有公用经费" : "基本支出预算未区分人员经费和公用经费");
        }
        return new Reading(spent, budget, null, remark);
    }

    /**
     * Σ budget_final × (level score / level weight) ÷ Σ budget_final over the graded projects that have
     * indicators of {@code levels}; a project without such indicators, or without budget, adds nothing.
     */
    private static Reading projectCompletion(List<String> levels, DepartmentFigures f,
                                             Map<String, ProjectScore> scores) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal budget = BigDecimal.ZERO;
        boolean any = false;
        for (ProjectFigures p : f.projects()) {
            ProjectScore s = scores.get(p.code());
            if (s == null || !s.graded()) {
                continue;
            }
            ProjectScore.Subtotal sub = s.subtotal(levels);
            if (sub.weight().signum() == 0) {
                continue;
            }
            any = true;
            weighted = weighted.add(p.budgetFinal().multiply(sub.score()).divide(sub.weight(), MathContext.DECIMAL128));
            budget = budget.add(p.budgetFinal());
        }
        if (!any) {
            return Reading.missing("没有已评分且设有" + String.join("、", levels) + "的项目");
        }
        return Reading.of(weighted, budget);
    }
}
