package org.perfeval.report.tables;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.Lineage;
import org.perfeval.report.DepartmentTexts;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportDocument.DepartmentIndicator;
import org.perfeval.report.ReportDocument.IndicatorResult;
import org.perfeval.report.ReportDocument.Project;
import org.perfeval.report.ReportDocument.Score;
import org.perfeval.report.ReportInput;

/** Report inputs for the table writers, with hostile texts (formula-like names, odd codes, long names). */
final class TableFixtures {

    static final String ODD_CODE = "-01/..:*?[部门]";
    static final String FORMULA_NAME = "=cmd|' /C calc'!A0";
    static final String FORMULA_REASON = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String LONG_NAME = "自然资源技术服务费[2024]:第一批*?/\\测试项目名称很长很长很长";

    private TableFixtures() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static ReportInput scored() {
        return new ReportInput(document("430200001", "株洲市渌口区自然资源局", departmentScore()), profile(),
                DepartmentTexts.NONE);
    }

    /** Not yet scored, no profile sent, an odd department code. */
    static ReportInput unscored() {
        ReportDocument doc = document(ODD_CODE, "测试单位", null);
        return new ReportInput(doc, null, DepartmentTexts.NONE);
    }

    static ReportDocument document(String code, String name, ReportDocument.DepartmentScore score) {
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        funds.put("一般公共预算", new ReportDocument.FundSource(d("19000000.00"), d("17500000.00")));
        funds.put("政府性基金预算", new ReportDocument.FundSource(d("2800000.00"), d("2500000.00")));
        ReportDocument.Totals totals = new ReportDocument.Totals(d("20000000.00"), d("1500000.00"), d("300000.00"),
                d("21800000.00"), d("20000000.00"), d("1800000.00"), d("0.9174"),
                new ReportDocument.Basic(d("13201300.00"), d("6090400.00"), d("19291700.00")),
                new ReportDocument.ProjectTotals(d("2508600.00"), d("708300.00")), funds, d("123456.78"));
        return new ReportDocument(2024, new ReportDocument.Department(code, name), "2026-11-24T02:00:00+08:00",
                totals, new ReportDocument.Profile(null, 88, 33, 111, 17), projects(), score, List.of());
    }

    static DepartmentProfile profile() {
        return new DepartmentProfile(new Lineage(1, 2), 2024, "430200001", "株洲市渌口区自然资源局", null, 88, 33, 111,
                17, d("150000.00"), d("130000.00"), d("800000.00"), d("760000.00"));
    }

    static List<Project> projects() {
        Project p1 = project("P001", "补充耕地问题整改", "552600.00", "408400.00", "144200.00", "0.7391",
                new Score(d("7.39"), d("90.00"), d("97.39"), "优"), List.of(
                        indicator("产出指标", "数量指标", "耕种面积", "≥255亩", "255亩", "25.00", "25.00", null),
                        indicator("产出指标", "质量指标", "验收通过率", "100%", "100%", "25.00", "25.00", null),
                        indicator("效益指标", "社会效益指标", "指标恢复使用", "达到预期", "达到", "30.00", "30.00", null),
                        indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10.00", "10.00", null)));
        Project p2 = project("P002", FORMULA_NAME, "1000000.00", "1000000.00", "0.00", "1.0000",
                new Score(d("10.00"), d("60.00"), d("70.00"), "中"), List.of(
                        indicator("产出指标", "数量指标", "完成村庄规划", "≥2个", "2个", "25.00", "25.00", null),
                        indicator("产出指标", "数量指标", "完成专题研究", "=1个", "1个", "25.00", "25.00", null),
                        indicator("效益指标", "社会效益指标", "规划质量提升", "有效提升", "部分", "30.00", "0.00",
                                FORMULA_REASON),
                        indicator("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "10.00", "10.00",
                                "-无偏差")));
        Project p3 = project("P003", LONG_NAME, "300000.00", "0.00", "300000.00", "0.0000", null, List.of(
                indicator("产出指标", "数量指标", "服务次数", "≥10次", "0次", "50.00", null, null)));
        // Same code and a name whose first 31 characters equal P003's: the sheet names must still differ.
        Project p4 = project("P003", LONG_NAME + "（二期）", "300000.00", "0.00", "300000.00", "0.0000", null,
                List.of());
        Project p5 = project("p005", "无指标项目", "356000.00", "300000.00", "56000.00", "0.8427",
                new Score(d("8.43"), null, null, null), List.of());
        return List.of(p1, p2, p3, p4, p5);
    }

    static Project project(String code, String name, String budget, String spent, String balance, String rate,
                           Score score, List<IndicatorResult> indicators) {
        return new Project(code, name, "项目支出", "一般公共预算", d(budget), d("0.00"), d("0.00"), d(budget), d(spent),
                d(balance), d(rate), true, "ledger", score, indicators);
    }

    static IndicatorResult indicator(String level1, String level2, String name, String target, String actual,
                                     String weight, String score, String reason) {
        return new IndicatorResult(level1, level2, name, target, actual, d(weight), score == null ? null : d(score),
                reason);
    }

    static ReportDocument.DepartmentScore departmentScore() {
        return new ReportDocument.DepartmentScore(List.of(
                new DepartmentIndicator("投入", "在职人员控制率", null, d("5"), null, false, "无编制数"),
                new DepartmentIndicator("投入", "三公经费变动率", d("-0.0500"), d("5"), d("5.00"), true, null),
                new DepartmentIndicator("过程", "预算执行率", d("0.9174"), d("10"), d("9.17"), true, null),
                new DepartmentIndicator("过程", "预算调整率", d("0.0750"), d("10"), d("7.00"), true, null),
                new DepartmentIndicator("过程", "结转结余率", d("0.0826"), d("5"), d("3.00"), true, null),
                new DepartmentIndicator("产出", "项目产出完成度", d("0.9500"), d("30"), d("28.50"), true, null),
                new DepartmentIndicator("效益", "项目效益完成度", d("0.9000"), d("20"), d("18.00"), true, null)),
                d("88.50"), "良");
    }
}
