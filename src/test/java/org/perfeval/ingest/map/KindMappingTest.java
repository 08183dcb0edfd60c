package org.perfeval.ingest.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.IngestHomeTest;
import org.perfeval.model.IngestBatch.Status;

/** SPEC §3.4 per kind: long and wide budgets, ledger amount or debit − credit, indicators, profile. */
class KindMappingTest extends IngestHomeTest {

    private static long fen(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    /** {initial, adjustment, carryover, final} in fen of one budget row. */
    private long[] figures(String where) throws Exception {
        Map<String, Object> r = home.one("SELECT * FROM budget_line WHERE " + where);
        return new long[] {fen(r, "budget_initial"), fen(r, "budget_adjustment"), fen(r, "budget_carryover"),
                fen(r, "budget_final")};
    }

    // ------------------------------------------------------------------ budget, long

    @Test
    void longBudgetFillsOneFigurePerRowAndStoresReductionsNegative() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("预算指标2024.csv",
                line("单位编码", "项目编码", "项目名称", "指标类型", "金额", "指标文号"),
                line("D01", "P001", "设备", "年初预算", "1,000.00", "文1"),
                line("D01", "P001", "设备", "年中追加", "200", "文2"),
                line("D01", "P001", "设备", "调减", "50", "文3"),
                line("D01", "P001", "设备", "调减", "-25", "文4"),
                line("D01", "P001", "设备", "结转", "300", "文5"),
                line("D01", "P001", "设备", "年初批复", "（14.42）", "文6")));
        assertEquals(6, outcome.rowsIngested());
        assertEquals("budget", outcome.kind());
        assertArrayEqualsL(new long[] {100_000, 0, 0, 100_000}, figures("doc_no='文1'"));
        assertArrayEqualsL(new long[] {0, 20_000, 0, 20_000}, figures("doc_no='文2'"));
        assertArrayEqualsL(new long[] {0, -5_000, 0, -5_000}, figures("doc_no='文3'"));
        assertArrayEqualsL(new long[] {0, -2_500, 0, -2_500}, figures("doc_no='文4'"));
        assertArrayEqualsL(new long[] {0, 0, 30_000, 30_000}, figures("doc_no='文5'"));
        assertArrayEqualsL(new long[] {-1_442, 0, 0, -1_442}, figures("doc_no='文6'"));
        assertEquals(0, home.number("SELECT COUNT(*) FROM budget_line WHERE budget_final <>"
                + " budget_initial + budget_adjustment + budget_carryover"));
        assertEquals("项目支出", home.one("SELECT DISTINCT expense_type FROM budget_line").get("expense_type"),
                "the layout's default expense type");
    }

    @Test
    void longBudgetRowWithAnUnknownOrBlankKindIsRejected() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("预算指标2024.csv",
                line("单位编码", "项目编码", "指标类型", "金额"),
                line("D01", "P001", "年初预算", "100"),
                line("D01", "P002", "年初预算", "100"),
                line("D01", "P003", "年初预算", "100"),
                line("D01", "P004", "年初预算", "100"),
                line("D01", "P005", "年初预算", "100"),
                line("D01", "P006", "年初预算", "100"),
                line("D01", "P007", "年初预算", "100"),
                line("D01", "P008", "年初预算", "100"),
                line("D01", "P009", "拨款", "100"),
                line("D01", "P010", "", "100")));
        assertEquals(8, outcome.rowsIngested());
        assertEquals(2, outcome.rowsRejected());
        List<List<String>> rejects = home.rejects("预算指标2024.csv");
        assertEquals(List.of("10", "指标类型", "拨款"), rejects.get(1).subList(0, 3));
        assertEquals(List.of("11", "指标类型", ""), rejects.get(2).subList(0, 3));
    }

    // ------------------------------------------------------------------ budget, wide

    @Test
    void wideBudgetKeepsItsFourFiguresAndTheFinalEqualsTheirSum() throws Exception {
        home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "年初预算数", "调整数", "上年结转", "全年预算数"),
                line("D01", "P001", "1000", "-200", "50", "850"),
                line("D01", "P002", "1000", "(200)", "", "800"),
                line("D01", "P003", "1000", "-", "—", "")));
        assertArrayEqualsL(new long[] {100_000, -20_000, 5_000, 85_000}, figures("project_code='P001'"));
        assertArrayEqualsL(new long[] {100_000, -20_000, 0, 80_000}, figures("project_code='P002'"));
        assertArrayEqualsL(new long[] {100_000, 0, 0, 100_000}, figures("project_code='P003'"));
    }

    @Test
    void wideBudgetWithoutAdjustmentColumnTakesTheDifferenceAsAdjustment() throws Exception {
        home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "年初预算数", "上年结转数", "全年预算数"),
                line("D01", "P001", "1000", "100", "1500.55"),
                line("D01", "P002", "1000", "0", "900")));
        assertArrayEqualsL(new long[] {100_000, 40_055, 10_000, 150_055}, figures("project_code='P001'"));
        assertArrayEqualsL(new long[] {100_000, -10_000, 0, 90_000}, figures("project_code='P002'"));
    }

    @Test
    void wideBudgetWithOnlyTheFinalFigureIsAllAdjustment() throws Exception {
        home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "全年预算数"),
                line("D01", "P001", "1500")));
        assertArrayEqualsL(new long[] {0, 150_000, 0, 150_000}, figures("project_code='P001'"));
    }

    @Test
    void inconsistentWideRowIsRejectedWithBothFigures() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "年初预算数", "调整数", "上年结转", "全年预算数"),
                line("D01", "P001", "1000", "200", "0", "1200"),
                line("D01", "P002", "1000", "200", "0", "1200"),
                line("D01", "P003", "1000", "200", "0", "1200"),
                line("D01", "P004", "1000", "200", "0", "1200"),
                line("D01", "P005", "1000", "200", "0", "1300")));
        assertEquals(4, outcome.rowsIngested());
        assertEquals(0, home.number("SELECT COUNT(*) FROM budget_line WHERE project_code='P005'"));
        List<String> reject = home.rejects("预算2024.csv").get(1);
        assertEquals("6", reject.get(0));
        assertEquals("全年预算数", reject.get(1));
        assertEquals("1300", reject.get(2));
        assertTrue(reject.get(3).contains("1200.00"), reject.get(3));
    }

    @Test
    void budgetExecutionReportKeepsWhatWasSpent() throws Exception {
        home.ingestOk(home.csv("预算执行2024.csv",
                line("单位编码", "项目编码", "支出类型", "资金性质", "年初预算数", "全年预算数", "全年执行数"),
                line("D01", "P001", "项目支出", "一般公共预算", "1000", "1000", "800.5"),
                line("D01", "B001", "基本支出-人员经费", "", "500", "500", "")));
        Map<String, Object> p = home.one("SELECT * FROM budget_line WHERE project_code='P001'");
        assertEquals(80_050L, fen(p, "spent_reported"));
        assertEquals("一般公共预算", p.get("fund_source"));
        Map<String, Object> b = home.one("SELECT * FROM budget_line WHERE project_code='B001'");
        assertNull(b.get("spent_reported"), "a blank 全年执行数 is not reported, not 0");
        assertEquals("人员经费", b.get("expense_type"));
        assertNull(b.get("fund_source"), "blank: the default fund source is applied when aggregating");
    }

    /** Codes are read once per cell text in a table: every spelling of a code, and every flaw, keeps its outcome. */
    @Test
    void codesRepeatedDownALedgerAreReadTheSameEachTime() throws Exception {
        String tooLong = "P".repeat(65);
        IngestOutcome outcome = home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "凭证号", "支出金额"),
                line("D01", "0123", "V1", "1"), line("D01", "'0123", "V2", "1"), line("D01", "0123", "V3", "1"),
                line("D01", "０１２３", "V4", "1"), line("D01", tooLong, "V5", "1"), line("D01", tooLong, "V6", "1"),
                line("D01", "", "V7", "1"), line("D01", "", "V8", "1"), line("D01", "0123", "V9", "1"),
                line("D01", "0123", "V10", "1"), line("D01", "0123", "V11", "1"), line("D01", "0123", "V12", "1"),
                line("D01", "0123", "V13", "1"), line("D01", "0123", "V14", "1"), line("D01", "0123", "V15", "1"),
                line("D01", "0123", "V16", "1"), line("D01", "0123", "V17", "1"), line("D01", "0123", "V18", "1"),
                line("D01", "0123", "V19", "1"), line("D01", "0123", "V20", "1")));
        assertEquals(4, outcome.rowsRejected(), "the too long code twice, the missing one twice");
        assertEquals(List.of("0123"), home.query("SELECT DISTINCT project_code FROM ledger_line").stream()
                .map(r -> r.get("project_code")).toList());
        assertEquals(16, home.count("ledger_line"));
    }

    // ------------------------------------------------------------------ ledger

    @Test
    void ledgerAmountIsDebitMinusCredit() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "凭证号", "借方金额", "贷方金额"),
                line("D01", "P001", "V1", "500", "100"),
                line("D01", "P001", "V2", "500", ""),
                line("D01", "P001", "V3", "", "80.25")));
        assertEquals(40_000L, home.number("SELECT amount FROM ledger_line WHERE voucher_no='V1'"));
        assertEquals(50_000L, home.number("SELECT amount FROM ledger_line WHERE voucher_no='V2'"));
        assertEquals(-8_025L, home.number("SELECT amount FROM ledger_line WHERE voucher_no='V3'"));
    }

    @Test
    void ledgerAmountColumnWinsOverDebitAndCredit() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "支出金额", "借方", "贷方"),
                line("D01", "P001", "70", "500", "100")));
        assertEquals(7_000L, home.number("SELECT amount FROM ledger_line"));
    }

    @Test
    void ledgerYearComesFromTheVoucherDateWithoutAYearColumn() throws Exception {
        home.ingestOk(home.csv("明细账.csv",
                line("单位编码", "项目编码", "凭证日期", "经济分类", "支出金额"),
                line("D01", "P001", "2023年12月31日", "30201办公费", "1"),
                line("D01", "P001", "20240105", "[30217]公务接待费", "1")));
        assertEquals(List.of(2023, 2024), home.query("SELECT fiscal_year FROM ledger_line ORDER BY source_row")
                .stream().map(r -> r.get("fiscal_year")).toList());
        assertEquals(List.of("30201", "30217"), home.query("SELECT econ_class FROM ledger_line ORDER BY source_row")
                .stream().map(r -> r.get("econ_class")).toList());
    }

    @Test
    void codesStayText() throws Exception {
        Path file = home.workbook().sheet("明细")
                .row("单位编码", "项目编码", "支出金额", "凭证号")
                .row("0101", 123, 10, 7)
                .write("明细账2024.xlsx");
        home.ingestOk(file);
        Map<String, Object> row = home.one("SELECT * FROM ledger_line");
        assertEquals("0101", row.get("dept_code"));
        assertEquals("123", row.get("project_code"), "a numeric cell 123.0 becomes the code 123");
        assertEquals("7", row.get("voucher_no"));
    }

    @Test
    void rowsWithoutAnyYearAreRejected() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账.csv",
                line("单位编码", "项目编码", "支出金额"),
                line("D01", "P001", "1")));
        assertEquals(Status.FAILED, outcome.status());
        List<String> reject = home.rejects("明细账.csv").get(1);
        assertEquals("2", reject.get(0));
        assertTrue(reject.get(3).contains("年度"), reject.get(3));
    }

    // ------------------------------------------------------------------ indicators

    @Test
    void indicatorsNeedLevel1NameAndTargetColumns() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("绩效指标2024.csv",
                line("单位编码", "项目编码", "二级指标", "三级指标", "年度指标值"),
                line("D01", "P001", "数量指标", "面积", "≥255亩")));
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("一级指标"), outcome.message());
        assertEquals(0, home.count("indicator"));
    }

    @Test
    void indicatorRowsWithoutLevel1NameOrTargetAreRejected() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("绩效指标2024.csv",
                line("单位编码", "项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"),
                line("D01", "P001", "产出指标", "数量指标", "面积", "≥255亩", "255亩", "25"),
                line("D01", "P001", "满意度", "服务对象满意度指标", "满意度", "≥90%", "95%", "10"),
                line("D01", "P001", "", "数量指标", "面积", "≥255亩", "", ""),
                line("D01", "P001", "产出指标", "数量指标", "", "≥255亩", "", ""),
                line("D01", "P001", "产出指标", "数量指标", "面积", "", "", ""),
                line("D01", "P001", "产出指标", "数量指标", "面积", "≥1", "1", "二十五")));
        assertEquals(Status.FAILED, outcome.status(), "4 of 6 rejected");
        List<List<String>> rejects = home.rejects("绩效指标2024.csv");
        assertEquals(List.of("4", "一级指标"), rejects.get(1).subList(0, 2));
        assertEquals(List.of("5", "三级指标"), rejects.get(2).subList(0, 2));
        assertEquals(List.of("6", "年度指标值"), rejects.get(3).subList(0, 2));
        assertEquals(List.of("7", "分值", "二十五"), rejects.get(4).subList(0, 3));
    }

    @Test
    void indicatorsKeepTextAndNormaliseLevel1AndDirection() throws Exception {
        home.ingestOk(home.csv("绩效指标2024.csv",
                line("单位编码", "项目编码", "一级指标", "三级指标", "年度指标值", "指标方向", "分值"),
                line("D01", "P001", "满意度", "满意度", "≥90%", "", "10"),
                line("D01", "P001", "效益", "节约", "≤55.26万元", "反向", "12.5分"),
                // 权重 50%, or a weight cell formatted 0% in a workbook (WorkbookCells): 50 points
                line("D01", "P001", "产出", "数量", "≥1", "", "50%")));
        List<Map<String, Object>> rows = home.query("SELECT * FROM indicator ORDER BY source_row");
        assertEquals("满意度指标", rows.get(0).get("level1"));
        assertNull(rows.get(0).get("direction"));
        assertEquals("效益指标", rows.get(1).get("level1"));
        assertEquals("≤", rows.get(1).get("direction"));
        assertEquals("≤55.26万元", rows.get(1).get("target"));
        assertEquals("12.5", rows.get(1).get("weight"));
        assertEquals("50", rows.get(2).get("weight"));
    }

    // ------------------------------------------------------------------ profile

    @Test
    void profileNeedsAStaffOrThreePublicColumn() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("单位基本情况2024.csv",
                line("单位编码", "单位名称", "内设机构数"),
                line("D01", "某某局", "17")));
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("profile"), outcome.message());
    }

    @Test
    void profileReadsHeadcountsAndAmounts() throws Exception {
        home.ingestOk(home.csv("单位基本情况2024.csv",
                line("年度", "单位编码", "单位名称", "编制数", "在职人数", "退休人数", "总人数", "内设机构数",
                        "三公经费预算数（万元）", "上年三公经费", "政府采购预算数", "政府采购实际数"),
                line("2024", "D01", "某某局", "", "88人", "33", "111", "17", "12.5", "98,000.5", "", "0")));
        Map<String, Object> p = home.one("SELECT * FROM department_profile");
        assertNull(p.get("staff_quota"));
        assertEquals(88, p.get("staff_active"));
        assertEquals(33, p.get("staff_retired"));
        assertEquals(111, p.get("staff_total"));
        assertEquals(17, p.get("units_count"));
        assertEquals(12_500_000L, fen(p, "three_public_budget"));
        assertEquals(9_800_050L, fen(p, "three_public_prior"));
        assertNull(p.get("procurement_budget"), "blank stays unknown");
        assertEquals(0L, fen(p, "procurement_actual"));
    }

    @Test
    void titleRowsAboveAProfileWhoseHeaderStartsWithTheDepartmentCodeAreTitlesNotRecords() throws Exception {
        // a title in the first column would make a profile record of its 单位编码 alone
        IngestOutcome outcome = home.ingestOk(home.csv("单位基本情况2024.csv",
                line("2024年单位基本情况表"),
                line("单位：万元"),
                line("单位编码", "单位名称", "编制数", "在职人数", "退休人数", "总人数", "三公经费预算数"),
                line("D01", "某某局", "90", "88", "33", "121", "35")));
        assertEquals(1, outcome.rowsRead(), outcome.message());
        assertEquals(0, outcome.rowsRejected(), outcome.message());
        Map<String, Object> p = home.one("SELECT * FROM department_profile");
        assertEquals("D01", p.get("dept_code"));
        assertEquals(2024, p.get("fiscal_year"), "the year from the title row");
        assertEquals(350_000_00L, fen(p, "three_public_budget"), "万元 from the title row");
    }

    @Test
    void aCodeExportedWithItsNameInOneCellIsTheCodeAloneAndNamesWhatItCodes() throws Exception {
        // as accounting systems export their 辅助核算 items; the ledger of another system gives the code alone
        home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "年初预算数"),
                line("901001 某某局", "2024006 补充耕地问题整改", "552600")));
        home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "凭证号", "支出金额"),
                line("901001", "2024006", "0012 收款凭证", "408400")));
        Map<String, Object> budget = home.one("SELECT * FROM budget_line");
        assertEquals("901001", budget.get("dept_code"));
        assertEquals("某某局", budget.get("dept_name"));
        assertEquals("2024006", budget.get("project_code"));
        assertEquals("补充耕地问题整改", budget.get("project_name"));
        assertEquals(1L, home.number("SELECT COUNT(DISTINCT project_code) FROM ledger_line l JOIN budget_line b"
                + " USING (project_code)"), "the ledger's lines are on the budgeted project");
        assertEquals("0012 收款凭证", home.one("SELECT voucher_no FROM ledger_line").get("voucher_no"),
                "a voucher number is never split: it is what replaces a voucher's lines");
    }

    @Test
    void profileRejectsANegativeHeadcount() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("单位基本情况2024.csv",
                line("单位编码", "在职人数"),
                line("D01", "-3")));
        assertEquals(Status.FAILED, outcome.status());
        assertEquals(List.of("2", "在职人数", "-3"), home.rejects("单位基本情况2024.csv").get(1).subList(0, 3));
    }

    private static void assertArrayEqualsL(long[] expected, long[] actual) {
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
    }
}
