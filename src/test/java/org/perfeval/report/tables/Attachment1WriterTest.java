package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.report.tables.Xlsx.assertBlank;
import static org.perfeval.report.tables.Xlsx.assertNumber;
import static org.perfeval.report.tables.Xlsx.assertText;
import static org.perfeval.report.tables.Xlsx.below;
import static org.perfeval.report.tables.Xlsx.find;
import static org.perfeval.report.tables.Xlsx.mergedFrom;

import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.DepartmentTexts;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;
import org.perfeval.report.ShownFigures;

class Attachment1WriterTest {

    private static final String AMOUNT = "#,##0.00";

    @TempDir
    Path dir;

    @Test
    void writesTheBasicDataFormWithNumericAmountsInWan() throws Exception {
        Path file = new Attachment1Writer().write(dir, TableFixtures.scored());

        assertEquals(dir.resolve("attachment1-basic-data.xlsx"), file);
        Xlsx.assertNoTempFiles(dir);
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Xlsx.assertNoFormulas(wb);
            Sheet sheet = wb.getSheetAt(0);
            Xlsx.assertPrintsOnePageWide(sheet, true);

            Cell title = find(sheet, "2024年度部门整体支出绩效评价基础数据表");
            CellRangeAddress titleRegion = mergedFrom(title);
            assertEquals(0, titleRegion.getFirstColumn());
            assertEquals(7, titleRegion.getLastColumn());
            assertText(find(sheet, "附件1"), "附件1");
            find(sheet, "填报单位：株洲市渌口区自然资源局");

            // 人员情况: counts from the profile, 编制数 blank because the profile has none.
            assertBlank(below(find(sheet, "编制数（人）"), 1));
            assertNumber(below(find(sheet, "在职人数（人）"), 1), 88, "0");
            assertNumber(below(find(sheet, "退休人数（人）"), 1), 33, "0");
            assertNumber(below(find(sheet, "总人数（人）"), 1), 111, "0");
            assertNumber(below(find(sheet, "内设机构数（个）"), 1), 17, "0");

            // 资金情况 in 万元, 2 decimals, numeric.
            assertNumber(below(find(sheet, "年初预算数"), 1), 2000.00, AMOUNT);
            assertNumber(below(find(sheet, "调整数"), 1), 150.00, AMOUNT);
            assertNumber(below(find(sheet, "上年结转"), 1), 30.00, AMOUNT);
            assertNumber(below(find(sheet, "结余结转"), 1), 180.00, AMOUNT);
            assertNumber(below(find(sheet, "执行率"), 1), 0.9174, "0.00%");

            // 支出结构 under merged group headers.
            Cell basic = find(sheet, "基本支出（全年执行数）");
            CellRangeAddress basicRegion = mergedFrom(basic);
            assertEquals(3, basicRegion.getNumberOfCells());
            assertEquals(2, mergedFrom(find(sheet, "项目支出")).getNumberOfCells());
            assertNumber(below(find(sheet, "人员经费"), 1), 1320.13, AMOUNT);
            assertNumber(below(find(sheet, "公用经费"), 1), 609.04, AMOUNT);
            assertNumber(below(find(sheet, "小计"), 1), 1929.17, AMOUNT);
            Cell topic = find(sheet, "支出结构");
            assertEquals(3, mergedFrom(topic).getNumberOfCells(), "topic merged down its block");

            // 按资金性质: one row per fund source, the name a text cell.
            Cell general = find(sheet, "一般公共预算");
            Cell fund = find(sheet, "政府性基金预算");
            assertEquals(general.getRowIndex() + 1, fund.getRowIndex());
            assertNumber(Xlsx.right(general, 4), 1900.00, AMOUNT);
            assertNumber(Xlsx.right(general, 5), 1750.00, AMOUNT);
            assertNumber(Xlsx.right(general, 6), 0.9211, "0.00%");
            assertNumber(Xlsx.right(fund, 4), 280.00, AMOUNT);

            // 三公经费 and 政府采购: profile figures and the ledger's three_public_spent.
            Cell threePublic = find(sheet, "三公经费");
            Cell budget = Xlsx.at(sheet, threePublic.getRowIndex(), 1);
            assertText(budget, "预算数");
            assertNumber(below(budget, 1), 15.00, AMOUNT);
            assertNumber(below(find(sheet, "上年支出数"), 1), 13.00, AMOUNT);
            assertNumber(below(find(sheet, "本年支出数"), 1), 12.35, AMOUNT);
            assertNumber(below(find(sheet, "实际数"), 1), 76.00, AMOUNT);

            assertTrue(sheet.getColumnWidth(0) > 10 * 256, "column widths set");
        }
    }

    /** Amounts shown rounded (ShownFigures), the rate beside them that of the exact figures, as report.json has it. */
    @Test
    void aFundSourcesRateIsTheExactOneBesideRoundedAmounts() throws Exception {
        ReportDocument exact = TableFixtures.document("430200001", "甲局", null);
        java.util.Map<String, ReportDocument.FundSource> funds = new java.util.LinkedHashMap<>(exact.totals().byFundSource());
        funds.put("一般公共预算", new ReportDocument.FundSource(TableFixtures.d("10049.00"), TableFixtures.d("5000.00")));
        ReportDocument.Totals t = exact.totals();
        exact = new ReportDocument(exact.fiscalYear(), exact.department(), exact.generatedAt(), new ReportDocument.Totals(
                t.budgetInitial(), t.budgetAdjustment(), t.budgetCarryover(), t.budgetFinal(), t.spent(), t.balance(),
                t.executionRate(), t.basic(), t.project(), funds, t.threePublicSpent()), exact.profile(),
                exact.projects(), null, java.util.List.of());
        Path file = new Attachment1Writer().write(dir, new ReportInput(ShownFigures.of(exact), null,
                DepartmentTexts.NONE, exact));
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Cell general = find(wb.getSheetAt(0), "一般公共预算");
            // 5,000 / 10,049 = 0.4976; amounts rounded to 万元 (1.00 and 0.50 alone) would give 0.5000
            assertNumber(Xlsx.right(general, 6), 0.4976, "0.00%");
        }
    }

    @Test
    void leavesProfileFiguresBlankWhenNoProfileWasSent() throws Exception {
        Path file = new Attachment1Writer().write(dir, TableFixtures.unscored());
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Sheet sheet = wb.getSheetAt(0);
            assertBlank(below(find(sheet, "在职人数（人）"), 1));
            assertBlank(below(find(sheet, "实际数"), 1));
            // Amounts from the document are still there.
            assertNumber(below(find(sheet, "全年预算数"), 1), 2180.00, AMOUNT);
        }
    }
}
