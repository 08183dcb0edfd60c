package org.perfeval.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.TestHome;
import org.perfeval.model.DeptYear;
import org.perfeval.store.FiguresStore;

/**
 * SPEC §4, §5 and §7.1 on a small department whose every figure is known to the fen: four exports
 * (budget-execution report, GB18030 ledger, indicators workbook, profile) in, report.json out.
 *
 * <pre>
 * budget (元)  type      fund         initial      adj        carry      final        全年执行数
 * P003        项目支出   一般公共预算   300,000.00  -10,000.00      0.00   290,000.00   250,000.10
 * B001        基本支出   一般公共预算 1,200,000.00       0.00      0.00 1,200,000.00
 * P001        项目支出   一般公共预算   552,600.00       0.00      0.00   552,600.00   408,000.00
 * P002        项目支出   政府性基金          0.00  100,000.50 20,000.25   120,000.75
 * ledger: B001 30101 800,000 · 30301 50,000 · 30201 100,000 · 30217 5,000 · 30231 12,000
 *         P001 31002 400,000 · 30211 8,400       P002 30213 60,000 · 31013 20,000 (政府性基金)
 *         U001 (no budget) 30102 1,000
 * </pre>
 */
class DepartmentReportTest {

    private static final DeptYear D01 = new DeptYear(2024, "D01");
    /** an amount field of report.json with its value as written */
    private static final Pattern AMOUNT = Pattern.compile("\"(budget_initial|budget_adjustment|budget_carryover"
            + "|budget_final|spent|balance|personnel|public_operation|total|three_public_spent)\"\\s*:\\s*(-?[0-9.Ee+]+)");

    @TempDir
    static Path tmp;
    static TestHome home;
    static JsonNode report;
    static String reportText;

    @BeforeAll
    static void ingestTheDepartment() throws Exception {
        home = TestHome.create(tmp);
        home.ingestOk(home.csv("2024年预算执行情况表.csv",
                line("2024年度部门预算执行情况表"),
                line("单位：元"),
                line("年度", "单位编码", "单位名称", "项目编码", "项目名称", "支出类型", "资金性质",
                        "年初预算数", "调整数", "上年结转", "全年预算数", "全年执行数"),
                line("2024", "D01", "某某局", "P003", "执行报告项目", "项目支出", "一般公共预算",
                        "300,000.00", "-10,000.00", "0", "290,000.00", "250,000.10"),
                line("2024", "D01", "某某局", "B001", "基本支出", "基本支出", "一般公共预算",
                        "1,200,000.00", "0", "0", "1,200,000.00", ""),
                line("2024", "D01", "某某局", "P001", "办公设备购置", "项目支出", "一般公共预算",
                        "552,600.00", "0", "0", "552,600.00", "408,000.00"),
                line("2024", "D01", "某某局", "P002", "耕地保护", "项目支出", "政府性基金",
                        "0", "100,000.50", "20,000.25", "120,000.75", ""),
                line("合计", "", "", "", "", "", "", "2,052,600.00", "90,000.50", "20,000.25", "2,162,600.75", "")));
        home.ingestOk(home.csv("2024年支出明细账.csv", org.perfeval.ingest.read.FileInspector.GB18030,
                line("会计年度", "单位编码", "凭证日期", "凭证号", "项目编码", "经济分类", "资金性质", "摘要", "支出金额"),
                line("2024", "D01", "2024-01-31", "记-001", "B001", "30101 基本工资", "", "1月工资", "800,000.00"),
                line("2024", "D01", "2024-01-31", "记-002", "B001", "30301 退休费", "", "退休费", "50,000.00"),
                line("2024", "D01", "2024-02-10", "记-003", "B001", "30201 办公费", "", "办公用品", "100,000.00"),
                line("2024", "D01", "2024-02-11", "记-004", "B001", "30217 公务接待费", "", "接待", "5,000.00"),
                line("2024", "D01", "2024-02-12", "记-005", "B001", "30231 公务用车运行维护费", "", "车辆", "12,000.00"),
                line("2024", "D01", "2024-03-01", "记-006", "P001", "31002 办公设备购置", "", "电脑", "400,000.00"),
                line("2024", "D01", "2024-03-02", "记-007", "P001", "30211 因公出国（境）费用", "", "出访", "8,400.00"),
                line("2024", "D01", "2024-04-01", "记-008", "P002", "30213 维修（护）费", "政府性基金", "维修", "60,000.00"),
                line("2024", "D01", "2024-04-02", "记-009", "P002", "31013 公务用车购置", "政府性基金预算", "购车", "20,000.00"),
                line("2024", "D01", "2024-05-01", "记-010", "U001", "30102 津贴补贴", "", "补贴", "1,000.00")));
        home.ingestOk(home.workbook().sheet("绩效指标")
                .row("单位编码", "项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                        "偏差原因分析及改进措施")
                .row("D01", "P001", "产出指标", "数量指标", "购置台数", "≥50台", "48台", 25, "供货延迟")
                .row("D01", "P001", "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", null, null)
                .write("2024年绩效指标.xlsx"));
        home.ingestOk(home.csv("2024年单位基本情况.csv",
                line("年度", "单位编码", "单位名称", "编制数", "在职人数", "退休人数", "总人数", "内设机构数"),
                line("2024", "D01", "某某局（基本情况）", "", "88", "33", "111", "17")));
        assertEquals(1, home.regenerateReports());
        reportText = home.reportText(2024, "D01");
        report = home.report(2024, "D01");
    }

    private static BigDecimal dec(JsonNode node) {
        return node.decimalValue();
    }

    private static void assertAmount(String expected, JsonNode node, String what) {
        assertTrue(node.isNumber(), what + " is a JSON number: " + node);
        assertEquals(0, new BigDecimal(expected).compareTo(dec(node)), what + ": " + node);
    }

    private static JsonNode project(String code) {
        for (JsonNode p : report.get("projects")) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no project " + code);
    }

    // ------------------------------------------------------------------ totals

    @Test
    void departmentTotalsAreExactToTheFen() {
        JsonNode t = report.get("totals");
        assertAmount("2052600.00", t.get("budget_initial"), "budget_initial");
        assertAmount("90000.50", t.get("budget_adjustment"), "budget_adjustment");
        assertAmount("20000.25", t.get("budget_carryover"), "budget_carryover");
        assertAmount("2162600.75", t.get("budget_final"), "budget_final");
        assertAmount("1706400.10", t.get("spent"), "spent: ledger 1,456,400.00 + P003's reported 250,000.10");
        assertAmount("456200.65", t.get("balance"), "balance");
        assertAmount("0.7890", t.get("execution_rate"), "execution_rate");
    }

    @Test
    void basicSpendingIsSplitByEconomicClassAndProjectSpendingIsSeparate() {
        JsonNode basic = report.get("totals").get("basic");
        assertAmount("851000.00", basic.get("personnel"), "301 + 303 + the unbudgeted 30102 line");
        assertAmount("117000.00", basic.get("public_operation"), "302 under the 基本支出 project");
        assertAmount("968000.00", basic.get("total"), "basic total");
        JsonNode project = report.get("totals").get("project");
        assertAmount("962600.75", project.get("budget_final"), "项目支出 budget");
        assertAmount("738400.10", project.get("spent"), "P001 + P002 ledger + P003 reported");
    }

    @Test
    void fundSourcesAndThreePublicSpending() {
        JsonNode funds = report.get("totals").get("by_fund_source");
        List<String> names = new ArrayList<>();
        funds.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("一般公共预算", "政府性基金预算"), names.stream().sorted().toList());
        assertAmount("2042600.00", funds.get("一般公共预算").get("budget_final"), "一般公共预算 budget");
        assertAmount("1626400.10", funds.get("一般公共预算").get("spent"), "一般公共预算 spent");
        assertAmount("120000.75", funds.get("政府性基金预算").get("budget_final"), "政府性基金预算 budget");
        assertAmount("80000.00", funds.get("政府性基金预算").get("spent"), "政府性基金预算 spent");
        assertAmount("45400.00", report.get("totals").get("three_public_spent"), "30211 + 30217 + 30231 + 31013");
    }

    @Test
    void departmentAndProfile() {
        assertEquals(2024, report.get("fiscal_year").asInt());
        assertEquals("D01", report.get("department").get("code").asText());
        assertEquals("某某局（基本情况）", report.get("department").get("name").asText(), "the profile's name first");
        JsonNode profile = report.get("profile");
        assertTrue(profile.get("staff_quota").isNull());
        assertEquals(88, profile.get("staff_active").asInt());
        assertEquals(33, profile.get("staff_retired").asInt());
        assertEquals(111, profile.get("staff_total").asInt());
        assertEquals(17, profile.get("units_count").asInt());
        assertTrue(report.get("generated_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"),
                report.get("generated_at").asText());
    }

    // ------------------------------------------------------------------ projects

    @Test
    void onlySpendingProjectsAreListedSortedByCode() {
        List<String> codes = new ArrayList<>();
        report.get("projects").forEach(p -> codes.add(p.get("code").asText()));
        assertEquals(List.of("P001", "P002", "P003"), codes, "no B001 (基本支出) and no U001 (人员经费 by class)");
    }

    @Test
    void projectFromTheLedger() {
        JsonNode p = project("P001");
        assertEquals("办公设备购置", p.get("name").asText());
        assertEquals("项目支出", p.get("expense_type").asText());
        assertEquals("一般公共预算", p.get("fund_source").asText());
        assertAmount("552600.00", p.get("budget_initial"), "initial");
        assertAmount("0.00", p.get("budget_adjustment"), "adjustment");
        assertAmount("0.00", p.get("budget_carryover"), "carryover");
        assertAmount("552600.00", p.get("budget_final"), "final");
        assertAmount("408400.00", p.get("spent"), "the ledger's 408,400.00 wins over the reported 408,000.00");
        assertAmount("144200.00", p.get("balance"), "balance");
        assertAmount("0.7391", p.get("execution_rate"), "rate");
        assertTrue(p.get("in_initial_budget").asBoolean());
        assertEquals("ledger", p.get("spent_source").asText());

        JsonNode indicators = p.get("indicators");
        assertEquals(2, indicators.size());
        assertEquals("产出指标", indicators.get(0).get("level1").asText());
        assertEquals("≥50台", indicators.get(0).get("target").asText());
        assertEquals("48台", indicators.get(0).get("actual").asText());
        // only one of the two carries a 分值, so both get equal shares of their levels, rescaled to 90 (SPEC §6.1)
        BigDecimal weights = indicators.get(0).get("weight").decimalValue().add(indicators.get(1).get("weight").decimalValue());
        assertEquals(0, new BigDecimal("90.00").compareTo(weights), "weights used: " + indicators);
        assertTrue(findingCodes("P001").contains("INDICATOR_WEIGHTS"), report.get("findings").toString());
        assertEquals("供货延迟", indicators.get(0).get("deviation_reason").asText());
        assertTrue(indicators.get(1).get("deviation_reason").isNull());
    }

    @Test
    void projectNotInTheInitialBudgetWithAnotherFundSource() {
        JsonNode p = project("P002");
        assertEquals("政府性基金预算", p.get("fund_source").asText());
        assertAmount("0.00", p.get("budget_initial"), "initial");
        assertAmount("100000.50", p.get("budget_adjustment"), "adjustment");
        assertAmount("20000.25", p.get("budget_carryover"), "carryover");
        assertAmount("120000.75", p.get("budget_final"), "final");
        assertAmount("80000.00", p.get("spent"), "spent");
        assertAmount("40000.75", p.get("balance"), "balance");
        assertAmount("0.6667", p.get("execution_rate"), "rate");
        assertFalse(p.get("in_initial_budget").asBoolean());
        assertEquals(0, p.get("indicators").size());
    }

    @Test
    void projectWithoutLedgerLinesTakesTheExecutionReportsSpending() {
        JsonNode p = project("P003");
        assertAmount("300000.00", p.get("budget_initial"), "initial");
        assertAmount("-10000.00", p.get("budget_adjustment"), "adjustment");
        assertAmount("290000.00", p.get("budget_final"), "final");
        assertAmount("250000.10", p.get("spent"), "spent");
        assertAmount("39999.90", p.get("balance"), "balance");
        assertAmount("0.8621", p.get("execution_rate"), "rate");
        assertEquals("budget_report", p.get("spent_source").asText());
    }

    // ------------------------------------------------------------------ the JSON text

    @Test
    void amountsAreWrittenWithTwoDecimalsAndRatesWithFour() {
        assertTrue(Pattern.compile("\"budget_final\"\\s*:\\s*552600\\.00\\s*,").matcher(reportText).find(), reportText);
        assertTrue(Pattern.compile("\"budget_adjustment\"\\s*:\\s*0\\.00\\s*,").matcher(reportText).find());
        assertTrue(Pattern.compile("\"execution_rate\"\\s*:\\s*0\\.7890\\s*,").matcher(reportText).find(),
                "a rate keeps its 4 decimals, trailing zero included");
        Matcher m = AMOUNT.matcher(reportText);
        int amounts = 0;
        while (m.find()) {
            amounts++;
            assertTrue(m.group(2).matches("-?\\d+\\.\\d{2}"), m.group(1) + " written as " + m.group(2));
        }
        int scoreTotals = report.get("department_score").get("total").isNull() ? 0 : 1;
        for (JsonNode project : report.get("projects")) {
            scoreTotals += project.get("score").get("total").isNull() ? 0 : 1;
        }
        assertEquals(16 + 3 * 6 + scoreTotals, amounts, "16 in totals, 6 per project, and the score totals");
        Matcher rates = Pattern.compile("\"execution_rate\"\\s*:\\s*([^,\\s}]+)").matcher(reportText);
        while (rates.find()) {
            assertTrue(rates.group(1).matches("\\d+\\.\\d{4}"), "rate written as " + rates.group(1));
        }
    }

    private List<String> findingCodes(String projectCode) {
        List<String> codes = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (projectCode.equals(finding.get("project_code").asText())) {
                codes.add(finding.get("code").asText());
            }
        }
        return codes;
    }

    @Test
    void reportFieldsAreTheSpecsNames() {
        List<String> top = new ArrayList<>();
        report.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("fiscal_year", "department", "generated_at", "totals", "profile", "projects",
                "department_score", "findings"), top);
        List<String> project = new ArrayList<>();
        Iterator<String> names = report.get("projects").get(0).fieldNames();
        names.forEachRemaining(project::add);
        assertTrue(project.containsAll(List.of("code", "name", "expense_type", "fund_source", "budget_initial",
                "budget_adjustment", "budget_carryover", "budget_final", "spent", "balance", "execution_rate",
                "in_initial_budget", "spent_source", "score", "indicators")), project.toString());
    }

    // ------------------------------------------------------------------ the same through the Aggregator

    @Test
    void aggregatorAgreesWithTheReportAndBalancesAddUp() throws Exception {
        FiguresStore store = new FiguresStore(home.services().database());
        DepartmentFigures f = new Aggregator("一般公共预算").aggregate(D01, store.budgetLines(D01),
                store.ledgerSums(D01), store.profile(D01));
        assertEquals(new BigDecimal("2162600.75"), f.totals().budgetFinal());
        assertEquals(f.totals().spent(), f.basicSpent().add(f.projectSpent()),
                "every yuan spent is either basic or project spending");
        BigDecimal fundSpent = f.byFundSource().values().stream().map(DepartmentFigures.FundSourceFigures::spent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, f.totals().spent().compareTo(fundSpent), "fund sources add up to the total spent");
        BigDecimal fundBudget = f.byFundSource().values().stream()
                .map(DepartmentFigures.FundSourceFigures::budgetFinal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, f.totals().budgetFinal().compareTo(fundBudget));
        Map<String, String> types = new java.util.TreeMap<>();
        f.projects().forEach(p -> types.put(p.code(), p.expenseType()));
        assertEquals(Map.of("B001", "基本支出", "P001", "项目支出", "P002", "项目支出", "P003", "项目支出",
                "U001", "人员经费"), types);
        for (ProjectFigures p : f.projects()) {
            assertEquals(p.budgetFinal(), p.budgetInitial().add(p.budgetAdjustment()).add(p.budgetCarryover()),
                    p.code());
        }
    }
}
