package org.perfeval.findings;

import static org.perfeval.scoring.Numbers.percent;
import static org.perfeval.scoring.Numbers.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.aggregate.Rates;
import org.perfeval.ingest.value.Text;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.Indicator;
import org.perfeval.model.Lineage;
import org.perfeval.report.Wan;
import org.perfeval.scoring.IndicatorScore;
import org.perfeval.scoring.ProjectScore;
import org.perfeval.scoring.ScoringIssue;
import org.perfeval.scoring.Weighting;

/**
 * Finds the problems of SPEC §8 in a department-year's figures and in what its project scoring raised,
 * and phrases each in Chinese with its figures in 万元, the project and the source file and row.
 * TOTAL_ROW_MISMATCH is not here: the ingest records it per file.
 *
 * <p>Findings are listed by code in {@link FindingCode} order, department-level ones before those of
 * projects, projects by code, and a project's indicator findings in the order of its indicators.
 */
public final class FindingDetector {

    private static final int NAMES_IN_SUMMARY = 5;

    private final BigDecimal lowExecution;
    private final LongFunction<String> fileNameOfBatch;

    /**
     * @param lowExecution    execution rates below this are LOW_EXECUTION (property
     *                        {@code perfeval.findings.low-execution}, 0.9 by default)
     * @param fileNameOfBatch the file name of an ingest batch, to name where a row came from; may return null
     */
    public FindingDetector(BigDecimal lowExecution, LongFunction<String> fileNameOfBatch) {
        this.lowExecution = lowExecution;
        this.fileNameOfBatch = fileNameOfBatch;
    }

    /**
     * @param projectScores the project scores by code; a 项目支出 project without one counts as having
     *                      no indicators
     */
    public List<Finding> detect(DepartmentFigures figures, Map<String, ProjectScore> projectScores) {
        List<Finding> findings = new ArrayList<>(lateBudgetAdditions(figures));
        for (ProjectFigures p : figures.projects()) {
            findings.addAll(budgetFindings(p));
        }
        for (ProjectFigures p : figures.spendingProjects()) {
            if (!projectScores.containsKey(p.code())) {
                findings.add(noIndicators(p, null));
            }
        }
        Map<String, ProjectFigures> byCode = new TreeMap<>();
        figures.projects().forEach(p -> byCode.put(p.code(), p));
        new TreeMap<>(projectScores).forEach((code, score) -> {
            ProjectFigures p = byCode.get(code);
            for (ScoringIssue issue : score.issues()) {
                Finding f = phrase(issue, score, p);
                if (f != null) {
                    findings.add(f);
                }
            }
        });
        headcountMismatch(figures.profile(), findings);
        // a stable sort: within a code and project the order above (indicator order) stays
        findings.sort(Comparator.comparing((Finding f) -> FindingCode.valueOf(f.code()))
                .thenComparing(Finding::projectCode, Comparator.nullsFirst(Comparator.naturalOrder())));
        return findings;
    }

    // --- budget and spending ---

    /** One finding per project not in the initial budget that received additions, and one summary. */
    private List<Finding> lateBudgetAdditions(DepartmentFigures figures) {
        List<ProjectFigures> late = figures.projects().stream()
                .filter(p -> !p.inInitialBudget() && p.budgetAdjustment().signum() > 0)
                .sorted(Comparator.comparing(ProjectFigures::budgetAdjustment).reversed()
                        .thenComparing(ProjectFigures::code))
                .toList();
        List<Finding> findings = new ArrayList<>();
        if (late.isEmpty()) {
            return findings;
        }
        BigDecimal added = BigDecimal.ZERO;
        for (ProjectFigures p : late) {
            added = added.add(p.budgetAdjustment());
            findings.add(FindingCode.LATE_BUDGET_ADDITION.finding(p.code(), project(p, null) + "未列入年初预算，年中追加预算"
                    + Wan.withUnit(p.budgetAdjustment()) + "，全年预算" + Wan.withUnit(p.budgetFinal()) + "。"));
        }
        List<String> names = late.stream().limit(NAMES_IN_SUMMARY)
                .map(p -> p.name() != null ? p.name() : p.code()).toList();
        DepartmentFigures.Money m = figures.totals();
        BigDecimal rate = Rates.ratio(m.budgetAdjustment().abs(), m.budgetInitial());
        String adjustment = rate == null ? "部门年初预算为0，无法计算预算调整率"
                : "部门预算调整率达" + percent(rate) + "（调整预算" + Wan.withUnit(m.budgetAdjustment()) + "，年初预算"
                        + Wan.withUnit(m.budgetInitial()) + "）";
        findings.add(FindingCode.LATE_BUDGET_ADDITION.finding(null, String.join("、", names)
                + (late.size() > names.size() ? "等" : "") + "共" + late.size() + "个项目的资金未列入年初预算，年中追加预算"
                + Wan.withUnit(added) + "，" + adjustment + "，预算编制不够完整，预算执行偏离年初预算。"));
        return findings;
    }

    private List<Finding> budgetFindings(ProjectFigures p) {
        List<Finding> findings = new ArrayList<>();
        String who = project(p, null);
        BigDecimal rate = p.exactExecutionRate();
        if (p.budgeted() && rate != null && rate.compareTo(lowExecution) < 0) {
            findings.add(FindingCode.LOW_EXECUTION.finding(p.code(), who + "预算执行率" + percentBelow(rate) + "，低于"
                    + percent(lowExecution) + "：全年预算" + Wan.withUnit(p.budgetFinal()) + "，实际支出" + Wan.withUnit(p.spent())
                    + "，结余结转" + Wan.withUnit(shownBalance(p)) + "。"));
        }
        if (p.budgeted() && p.spent().compareTo(p.budgetFinal()) > 0) {
            findings.add(FindingCode.OVERSPENT.finding(p.code(), who + "实际支出" + Wan.withUnit(p.spent()) + "，超过全年预算"
                    + Wan.withUnit(p.budgetFinal()) + "，超支" + Wan.withUnit(p.spent().subtract(p.budgetFinal())) + "。"));
        }
        if (!p.budgeted() && p.spent().signum() != 0) {
            findings.add(FindingCode.UNBUDGETED_SPENDING.finding(p.code(), who + "没有预算指标，支出明细账却记录支出"
                    + Wan.withUnit(p.spent()) + "。"));
        }
        if (p.spentReported() != null && p.ledgerSpent() != null && p.spentReported().compareTo(p.ledgerSpent()) != 0) {
            findings.add(FindingCode.SPENT_MISMATCH.finding(p.code(), who + "预算执行报表填报的全年执行数"
                    + Wan.withUnit(p.spentReported()) + "与支出明细账合计" + Wan.withUnit(p.ledgerSpent()) + "不一致，相差"
                    + Wan.withUnit(p.spentReported().subtract(p.ledgerSpent()).abs()) + "；按支出明细账计。"));
        }
        return findings;
    }

    /**
     * A project's 结余结转 as the report's tables and paragraphs show it, the difference of its two figures as shown;
     * the exact one when that difference shows as 0 (amounts under 0.01 万元 are named in 元, as everywhere here).
     */
    private static BigDecimal shownBalance(ProjectFigures p) {
        BigDecimal shown = Wan.rounded(p.budgetFinal()).subtract(Wan.rounded(p.spent()));
        return shown.signum() == 0 ? p.balance() : shown;
    }

    /**
     * A rate below the threshold as a percentage: with 2 decimals, or 4 when those would show the threshold itself
     * (89.9996 % is below 90 % but rounds to it).
     */
    private String percentBelow(BigDecimal rate) {
        String shown = percent(rate);
        return shown.equals(percent(lowExecution))
                ? plain(rate.movePointRight(2).setScale(4, RoundingMode.DOWN)) + "%" : shown;
    }

    private void headcountMismatch(DepartmentProfile profile, List<Finding> findings) {
        if (profile == null || profile.staffActive() == null || profile.staffRetired() == null
                || profile.staffTotal() == null) {
            return;
        }
        int sum = profile.staffActive() + profile.staffRetired();
        if (sum != profile.staffTotal()) {
            findings.add(FindingCode.HEADCOUNT_MISMATCH.finding(null, "在职人员" + profile.staffActive()
                    + "人与退休人员" + profile.staffRetired() + "人合计" + sum + "人，与总人数" + profile.staffTotal()
                    + "人不符" + source(profile.lineage()) + "。"));
        }
    }

    /**
     * One INDICATORS_WITHOUT_PROJECT finding per code whose indicators take part in no score: a code with neither a
     * budget nor ledger lines (most often the 绩效目标表 writes it differently from the budget), or a 基本支出 line,
     * which is not scored.
     */
    public List<Finding> indicatorsWithoutProject(DepartmentFigures figures, List<Indicator> indicators) {
        Set<String> scored = new HashSet<>();
        figures.spendingProjects().forEach(p -> scored.add(p.code()));
        Map<String, ProjectFigures> basic = new HashMap<>();
        figures.projects().forEach(p -> basic.put(p.code(), p));
        Map<String, List<Indicator>> orphans = new TreeMap<>();
        for (Indicator i : indicators) {
            if (!scored.contains(i.projectCode())) {
                orphans.computeIfAbsent(i.projectCode(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Finding> findings = new ArrayList<>();
        orphans.forEach((code, lines) -> {
            Indicator first = lines.get(0);
            ProjectFigures line = basic.get(code);
            String filed = "填报了" + lines.size() + "项绩效指标" + source(first.lineage());
            if (line != null) {
                // a 基本支出 line (人员经费, 公用经费): only 项目支出 projects are scored (SPEC §6.1)
                findings.add(FindingCode.INDICATORS_WITHOUT_PROJECT.finding(code, project(line, null) + filed
                        + "，基本支出不单独评分，这些指标未参与评分。如属项目支出，请在预算中将其支出类型填为“项目支出”。"));
                return;
            }
            String name = Text.isBlank(first.projectName()) ? "项目" + code : "项目“" + Text.strip(first.projectName())
                    + "”（" + code + "）";
            findings.add(FindingCode.INDICATORS_WITHOUT_PROJECT.finding(code, name + filed
                    + "，但预算和支出明细账中都没有该项目，这些指标未参与评分。请核对绩效目标表中的项目编码是否与预算一致。"));
        });
        return findings;
    }

    // --- what the scoring raised ---

    private Finding phrase(ScoringIssue issue, ProjectScore score, ProjectFigures p) {
        String who = project(p, score);
        IndicatorScore line = issue.indicator();
        return switch (issue.kind()) {
            // only 项目支出 projects need indicators
            case NO_INDICATORS -> p != null && !ExpenseClassifier.PROJECT.equals(p.expenseType()) ? null
                    : noIndicators(p, score);
            case INDICATOR_WEIGHTS -> FindingCode.INDICATOR_WEIGHTS.finding(score.projectCode(),
                    who + weights(score.weighting()) + indicatorsFile(score) + "。");
            case UNREADABLE_INDICATOR -> FindingCode.UNREADABLE_INDICATOR.finding(score.projectCode(),
                    who + indicator(line) + "无法评分：" + line.problem() + "，按0分计" + source(line) + "。");
            case MISSING_DEVIATION_REASON -> FindingCode.MISSING_DEVIATION_REASON.finding(score.projectCode(),
                    who + indicator(line) + line.attainment().label() + "（年度指标值" + Text.strip(line.indicator().target())
                            + "，实际完成值" + Text.strip(line.indicator().actual()) + "，得分" + plain(line.score())
                            + "分，分值" + plain(line.scaledWeight()) + "分），未填写偏差原因分析及改进措施" + source(line) + "。");
            case SELF_SCORE_DEVIATES -> FindingCode.SELF_SCORE_DEVIATES.finding(score.projectCode(),
                    who + indicator(line) + selfScore(line) + source(line) + "。");
        };
    }

    private Finding noIndicators(ProjectFigures p, ProjectScore score) {
        String figures = p == null ? "" : "（全年预算" + Wan.withUnit(p.budgetFinal()) + "，实际支出" + Wan.withUnit(p.spent()) + "）";
        return FindingCode.NO_INDICATORS.finding(p != null ? p.code() : score.projectCode(),
                project(p, score) + figures + "未设定绩效指标，无法评分，不评定等级。");
    }

    private static String weights(Weighting w) {
        List<String> parts = new ArrayList<>();
        if (w.basis() == Weighting.Basis.EQUAL_SHARES_PARTLY_DECLARED) {
            parts.add(w.count() + "个绩效指标中仅" + w.declaredCount() + "个填写了分值，所填分值未采用，按一级指标权重平均分配");
        }
        if (w.basis() != Weighting.Basis.DECLARED && !w.missingLevels().isEmpty()) {
            parts.add("缺少" + String.join("、", w.missingLevels()));
        }
        if (w.rescaled()) {
            parts.add("绩效指标分值合计" + plain(w.sum()) + "分，不等于" + plain(w.target()) + "分，各指标得分按"
                    + plain(w.target()) + "/" + plain(w.sum()) + "折算");
        }
        return String.join("；", parts);
    }

    private static String selfScore(IndicatorScore line) {
        BigDecimal manual = line.indicator().manualScore();
        if (!IndicatorScore.withinWeight(manual, line.weight())) {
            return "自评得分" + plain(manual) + "分超出0至" + plain(line.weight()) + "分的范围，未采用；按评分规则计"
                    + plain(line.computedScore()) + "分";
        }
        return "自评得分" + plain(manual) + "分，按评分规则计算为" + plain(line.computedScore()) + "分（分值"
                + plain(line.weight()) + "分），相差" + plain(manual.subtract(line.computedScore()).abs()) + "分";
    }

    // --- wording ---

    /** 项目“补充耕地问题”（2024006）, 基本支出“公用经费”（JB002）, or 项目2024099 when no name is known. */
    private static String project(ProjectFigures p, ProjectScore score) {
        String code = p != null ? p.code() : score.projectCode();
        String name = p != null && p.name() != null ? p.name() : score != null ? score.projectName() : null;
        // a basic-expenditure line (人员经费, 公用经费) has a code like a project's, but is not a 项目
        String kind = p != null && ExpenseClassifier.isBasic(p.expenseType()) ? ExpenseClassifier.BASIC : "项目";
        return name == null ? kind + code : kind + "“" + name + "”（" + code + "）";
    }

    private static String indicator(IndicatorScore line) {
        return "绩效指标“" + line.indicator().name() + "”";
    }

    /** （《2024年绩效指标.xls》第12行）, or "" when the source is unknown. */
    private String source(IndicatorScore line) {
        return source(line.indicator().lineage());
    }

    private String source(Lineage lineage) {
        String file = lineage == null ? null : fileNameOfBatch.apply(lineage.batchId());
        return file == null ? "" : "（《" + file + "》第" + lineage.sourceRow() + "行）";
    }

    /** The file a project's indicators came from (the first indicator's), for project-level indicator findings. */
    private String indicatorsFile(ProjectScore score) {
        Lineage lineage = score.lines().isEmpty() ? null : score.lines().get(0).indicator().lineage();
        String file = lineage == null ? null : fileNameOfBatch.apply(lineage.batchId());
        return file == null ? "" : "（《" + file + "》）";
    }

}
