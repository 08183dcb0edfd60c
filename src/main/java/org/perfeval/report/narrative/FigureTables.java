package org.perfeval.report.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.aggregate.Rates;
import org.perfeval.report.ReportDocument.DepartmentIndicator;
import org.perfeval.report.ReportDocument.DepartmentScore;
import org.perfeval.report.ReportDocument.Project;
import org.perfeval.report.narrative.Narrative.Cell;
import org.perfeval.report.narrative.Narrative.Row;
import org.perfeval.report.narrative.Narrative.Table;

import static org.perfeval.report.narrative.Phrases.NO_FIGURE;
import static org.perfeval.report.narrative.Phrases.percentTable;
import static org.perfeval.report.narrative.Phrases.wanTable;

/** The tables of section 六, as text cells (万元 with 2 decimals) that both writers lay out. */
final class FigureTables {

    private FigureTables() {
    }

    /** @param exact the same projects' exact figures, whose rate the 合计 row shows beside the rounded sums */
    static Table projects(List<Project> projects, List<Project> exact) {
        List<Row> rows = new ArrayList<>();
        int number = 1;
        for (Project p : projects) {
            rows.add(new Row(List.of(Cell.number(Integer.toString(number++)), Cell.text(Phrases.nameOf(p)),
                    Cell.text(p.fundSource()), Cell.number(wanTable(p.budgetFinal())), Cell.number(wanTable(p.spent())),
                    Cell.number(wanTable(p.balance())), Cell.number(percentTable(p.executionRate())),
                    score(p.score() == null ? null : p.score().total()),
                    Cell.text(Phrases.gradeOf(p))), false));
        }
        BigDecimal budget = Phrases.sum(projects.stream().map(Project::budgetFinal).toList());
        BigDecimal spent = Phrases.sum(projects.stream().map(Project::spent).toList());
        BigDecimal balance = Phrases.sum(projects.stream().map(Project::balance).toList());
        rows.add(new Row(List.of(Cell.text("合计"), Cell.text(""), Cell.text(""), Cell.number(wanTable(budget)),
                Cell.number(wanTable(spent)), Cell.number(wanTable(balance)),
                Cell.number(percentTable(Rates.ratio(Phrases.sum(exact.stream().map(Project::spent).toList()),
                        Phrases.sum(exact.stream().map(Project::budgetFinal).toList())))),
                Cell.text(""), Cell.text("")), true));
        return new Table("项目支出预算执行及自评情况（金额单位：万元）",
                List.of("序号", "项目名称", "资金性质", "全年预算数", "实际支出", "结余结转", "预算执行率", "自评得分", "等级"),
                rows);
    }

    /** 附件2 in brief (SPEC §6.2): each indicator's value, points and score, 不适用 ones with their reason. */
    static Table departmentScore(DepartmentScore score) {
        List<Row> rows = new ArrayList<>();
        boolean someNotApplicable = false;
        for (DepartmentIndicator i : score.indicators()) {
            someNotApplicable |= !i.applicable();
            rows.add(new Row(List.of(Cell.text(i.level1()), Cell.text(i.name()),
                    Cell.number(i.applicable() ? percentTable(i.value()) : NO_FIGURE),
                    Cell.number(i.points() == null ? NO_FIGURE : Phrases.points(i.points())),
                    i.applicable() ? score(i.score()) : Cell.number("不适用"),
                    Cell.text(i.note() == null ? "" : i.note())), false));
        }
        String note = PlainText.isBlank(score.grade()) ? "" : "等级：" + score.grade();
        if (someNotApplicable) {
            note += (note.isEmpty() ? "" : "；") + "不适用的指标不计分，总分按适用指标折算为百分制";
        }
        rows.add(new Row(List.of(Cell.text("合计"), Cell.text(""), Cell.text(""), Cell.number("100"),
                score(score.total()),
                Cell.text(note)), true));
        return new Table("部门整体支出绩效自评得分情况",
                List.of("一级指标", "指标", "指标值", "分值", "得分", "说明"), rows);
    }

    /** A score cell: {@code 97.39}, {@code 90.00}, or 未评分. */
    private static Cell score(BigDecimal score) {
        return Cell.number(score == null ? Phrases.UNSCORED : score.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
}
