package org.perfeval.report.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.report.DepartmentTexts;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportDocument.DepartmentIndicator;
import org.perfeval.report.ReportDocument.Finding;
import org.perfeval.report.ReportDocument.IndicatorResult;
import org.perfeval.report.ReportDocument.Project;
import org.perfeval.report.ReportDocument.Score;
import org.perfeval.report.ReportInput;

/**
 * Report inputs for the narrative tests: one department resembling the reference report (株洲市渌口区
 * 自然资源局, 2024, its project figures to the fen) and a small one with nothing but figures.
 */
final class ReportFixtures {

    static final String GENERAL = "一般公共预算";
    static final String FUND = "政府性基金预算";
    static final String HOSTILE = "<script>alert(1)</script>";

    private ReportFixtures() {
    }

    /** Like the reference report: five projects, two fund sources, texts from the department's YAML. */
    static ReportInput lukou() {
        List<Project> projects = List.of(
                project("P001", "补充耕地问题", GENERAL, "552600.00", "408400.00",
                        new Score(bd("7.39"), bd("90.00"), bd("97.39"), "优"),
                        List.of(indicator("产出指标", "落实耕种面积", "≥255亩", "255亩", "50.00", "50.00", null),
                                indicator("效益指标", "指标恢复使用", "达到预期", "达到", "30.00", "30.00", null),
                                indicator("满意度指标", "群众满意度", "≥95%", "96%", "10.00", "10.00", null))),
                project("P002", "空间规划与编制费", GENERAL, "1843800.00", "1843800.00",
                        new Score(bd("10.00"), bd("74.64"), bd("84.64"), "良"),
                        List.of(indicator("产出指标", "村庄规划编制数量", "≥3个", "2个", "25.00", "16.67",
                                        "部分村庄规划因上级政策调整顺延至2025年。"),
                                indicator("产出指标", "规划成果通过审查率", "100%", "100%", "25.00", "25.00", null),
                                indicator("效益指标", "城市建设集约化水平", "有效提升", "基本提升", "30.00", "21.00", ""),
                                indicator("满意度指标", "服务对象满意度", "≥90%", "95%", "10.00", "10.00", null))),
                project("P003", "土整中心项目工程尾款", GENERAL, "3000000.00", "3000000.00", null, List.of()),
                project("P004", "镇村工作经费", GENERAL, "4869000.00", "4506000.00",
                        new Score(bd("9.25"), null, null, null), List.of()),
                project("P005", "土地收储资金", FUND, "1456985400.00", "1456985400.00",
                        new Score(bd("10.00"), bd("90.00"), bd("100.00"), "优"),
                        List.of(indicator("产出指标", "收储地块面积", "≥554亩", "554亩", "90.00", "90.00", null))));
        ReportDocument.Basic basic = new ReportDocument.Basic(bd("13201300.00"), bd("6090400.00"), bd("19291700.00"));
        ReportDocument.DepartmentScore score = new ReportDocument.DepartmentScore(List.of(
                new DepartmentIndicator("投入", "在职人员控制率", null, bd("5"), null, false, "未提供编制数"),
                new DepartmentIndicator("过程", "预算执行率", bd("0.9991"), bd("10"), bd("9.99"), true, null),
                new DepartmentIndicator("过程", "预算调整率", bd("0.0000"), bd("10"), bd("10.00"), true, null)),
                bd("99.96"), "优");
        List<Finding> findings = List.of(
                new Finding("LOW_EXECUTION", "warning", "P001", "补充耕地问题预算执行率73.91%，低于90%"),
                new Finding("LATE_BUDGET_ADDITION", "warning", "P005", "土地收储资金未列入年初预算，年中追加145698.54万元。"),
                new Finding("HEADCOUNT_MISMATCH", "warning", null, "在职人员88人与退休人员33人之和121人，与人员总数111人不符。"),
                new Finding("LATE_BUDGET_ADDITION", "warning", null,
                        "1个项目未列入年初预算，年中追加共计145698.54万元，预算调整率7552.55%。"));
        DepartmentTexts texts = new DepartmentTexts(
                List.of("1、依法履行全民所有土地、矿产、森林、湿地、水等自然资源资产所有者职责。", "  ",
                        "负责自然资源调查监测评价。"),
                "渌口区自然资源局是区人民政府主管自然资源工作的正科级行政机关，现有股室17个。",
                List.of("加强绩效管理培训，提高绩效指标设定的科学性和可行性。", "合理科学申报、编制预算。"),
                null);
        return new ReportInput(document(2024, "430211", "株洲市渌口区自然资源局", basic, projects,
                new ReportDocument.Profile(null, 88, 33, 111, 17), score, findings), null, texts);
    }

    /** Nothing but figures: no department YAML, no profile, nothing scored, no findings. */
    static ReportInput small() {
        List<Project> projects = List.of(project("X01", "办公设备购置", GENERAL, "100000.00", "120000.00", null, null));
        ReportDocument.Basic basic = new ReportDocument.Basic(bd("500000.00"), bd("100000.00"), bd("600000.00"));
        return new ReportInput(document(2024, "901001", "某某事务中心", basic, projects, null, null, List.of()),
                null, DepartmentTexts.NONE);
    }

    /** Department texts, names and messages carrying markup, as an export might. */
    static ReportInput hostile() {
        List<Project> projects = List.of(project("H01", "A&B <b>项目</b> \"引号\"", GENERAL, "100.00", "50.00",
                new Score(bd("5.00"), bd("40.00"), bd("45.00"), "差"),
                List.of(indicator("产出指标", "<img src=x onerror=alert(1)>", "≥10个", "5个", "90.00", "45.00",
                        "</p><script>alert(2)</script>"))));
        ReportDocument.Basic basic = new ReportDocument.Basic(bd("0"), bd("0"), bd("0"));
        return new ReportInput(document(2024, "666", HOSTILE, basic, projects, null, null,
                List.of(new Finding("X_<i>", "error", "H01", HOSTILE))),
                null, new DepartmentTexts(List.of(HOSTILE), HOSTILE + "\u0001", List.of("'; DROP TABLE x; --"), HOSTILE));
    }

    static ReportDocument document(int year, String code, String name, ReportDocument.Basic basic, List<Project> projects,
                                   ReportDocument.Profile profile, ReportDocument.DepartmentScore score,
                                   List<Finding> findings) {
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        funds.put(GENERAL, new ReportDocument.FundSource(basic.total(), basic.total()));
        BigDecimal projectBudget = BigDecimal.ZERO;
        BigDecimal projectSpent = BigDecimal.ZERO;
        for (Project p : projects) {
            funds.merge(p.fundSource(), new ReportDocument.FundSource(p.budgetFinal(), p.spent()),
                    (a, b) -> new ReportDocument.FundSource(a.budgetFinal().add(b.budgetFinal()), a.spent().add(b.spent())));
            projectBudget = projectBudget.add(p.budgetFinal());
            projectSpent = projectSpent.add(p.spent());
        }
        BigDecimal budget = basic.total().add(projectBudget);
        BigDecimal spent = basic.total().add(projectSpent);
        ReportDocument.Totals totals = new ReportDocument.Totals(budget, BigDecimal.ZERO, BigDecimal.ZERO, budget, spent,
                budget.subtract(spent), rate(spent, budget), basic,
                new ReportDocument.ProjectTotals(projectBudget, projectSpent), funds, BigDecimal.ZERO);
        return new ReportDocument(year, new ReportDocument.Department(code, name), "2025-03-01T02:00+08:00", totals,
                profile, new ArrayList<>(projects), score, findings);
    }

    static Project project(String code, String name, String fund, String budget, String spent, Score score,
                           List<IndicatorResult> indicators) {
        BigDecimal b = bd(budget);
        BigDecimal s = bd(spent);
        return new Project(code, name, "项目支出", fund, b, BigDecimal.ZERO, BigDecimal.ZERO, b, s, b.subtract(s),
                rate(s, b), true, "ledger", score, indicators);
    }

    static IndicatorResult indicator(String level1, String name, String target, String actual, String weight,
                                     String score, String reason) {
        return new IndicatorResult(level1, null, name, target, actual, bd(weight), bd(score), reason);
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal rate(BigDecimal spent, BigDecimal budget) {
        return budget.signum() == 0 ? null : spent.divide(budget, 4, RoundingMode.HALF_UP);
    }
}
