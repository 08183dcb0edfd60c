package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.perfeval.Home;
import org.perfeval.ingest.HeaderDetector.Detection;
import org.perfeval.ingest.layout.LayoutRegistry;
import org.perfeval.ingest.value.MoneyUnit;
import org.perfeval.model.IngestBatch.Status;

/** SPEC §3.2: title rows, one- and two-row headers, label normalisation, and why a header is not found. */
class HeaderDetectionTest extends IngestHomeTest {

    private static HeaderDetector detector() throws Exception {
        return new HeaderDetector(LayoutRegistry.load(Home.classpathFolder("/default-config/mappings")));
    }

    private static List<SourceRow> rows(List<String>... cells) {
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            rows.add(new SourceRow(i + 1, cells[i]));
        }
        return rows;
    }

    // ------------------------------------------------------------------ title rows

    @Test
    void titleRowsAboveTheHeaderSetUnitAndYear() throws Exception {
        Path file = home.csv("项目预算.csv",
                line("2024年度项目支出预算表"),
                line("单位：万元"),
                line("单位编码", "项目编码", "项目名称", "年初预算数", "全年预算数"),
                line("D01", "P001", "办公设备购置", "55.26", "55.26"));
        IngestOutcome outcome = home.ingestOk(file);

        assertEquals("budget", outcome.kind());
        assertEquals(3, ((Number) home.batch(outcome.batchId()).get("header_row")).intValue());
        Map<String, Object> row = home.one("SELECT * FROM budget_line");
        assertEquals(2024, row.get("fiscal_year"), "year from the title 2024年度");
        assertEquals(55_260_000L, ((Number) row.get("budget_initial")).longValue(), "55.26 万元 = 552,600.00 元");
        assertEquals(55_260_000L, ((Number) row.get("budget_final")).longValue());
        assertEquals(4, row.get("source_row"), "title rows count as rows");
    }

    @Test
    void aTitleRowOfSeveralCellsIsNotTakenForTheUpperHalfOfATwoRowHeader() throws Exception {
        Path file = home.csv("项目预算.csv",
                line("2024年度项目支出预算表"),
                line("编制单位：某某局", "", "单位：万元"),
                line("单位编码", "项目编码", "项目名称", "年初预算数", "全年预算数"),
                line("D01", "P001", "办公设备购置", "55.26", "55.26"));
        IngestOutcome outcome = home.ingestOk(file);

        assertEquals(3, ((Number) home.batch(outcome.batchId()).get("header_row")).intValue());
        Map<String, Object> row = home.one("SELECT * FROM budget_line");
        assertEquals(55_260_000L, ((Number) row.get("budget_initial")).longValue(), "55.26 万元 = 552,600.00 元");
    }

    @Test
    void columnUnitWinsOverTitleUnitAndYearColumnOverTitleYear() throws Exception {
        Path file = home.csv("2022预算.csv",
                line("2023年度项目支出预算表"),
                line("单位：万元"),
                line("年度", "单位编码", "项目编码", "年初预算数（元）", "上年结转"),
                line("2024", "D01", "P001", "1500", "2"));
        home.ingestOk(file);
        Map<String, Object> row = home.one("SELECT * FROM budget_line");
        assertEquals(2024, row.get("fiscal_year"));
        assertEquals(150_000L, ((Number) row.get("budget_initial")).longValue(), "column says 元");
        assertEquals(2_000_000L, ((Number) row.get("budget_carryover")).longValue(), "title says 万元");
    }

    @Test
    void yearFallsBackFromTitleToFileName() throws Exception {
        home.ingestOk(home.csv("2023年预算.csv",
                line("2024年度预算表"),
                line("单位编码", "项目编码", "年初预算数"),
                line("D01", "P001", "1")));
        home.ingestOk(home.csv("2022年预算.csv",
                line("单位编码", "项目编码", "年初预算数"),
                line("D01", "P002", "1")));
        assertEquals(2024, home.one("SELECT fiscal_year FROM budget_line WHERE project_code='P001'").get("fiscal_year"));
        assertEquals(2022, home.one("SELECT fiscal_year FROM budget_line WHERE project_code='P002'").get("fiscal_year"));
    }

    @Test
    void detectorReportsTitleUnitTitleYearAndHeaderPosition() throws Exception {
        Detection d = detector().detect(rows(
                List.of("2024年度支出明细账"),
                List.of(""),
                List.of("金额单位：万元"),
                List.of("单位编码", "项目编码", "支出金额"),
                List.of("D01", "P001", "1")));
        assertTrue(d.found(), d.problem());
        assertEquals(3, d.header().first());
        assertEquals(1, d.header().height());
        assertEquals(4, d.header().firstDataIndex());
        assertEquals(MoneyUnit.WAN_YUAN, d.header().titleUnit().orElseThrow());
        assertEquals(2024, d.header().titleYear().getAsInt());
        assertEquals("ledger", d.header().match().layout().name());
    }

    @Test
    void detectorKeepsATwoCellTitleRowAsTitle() throws Exception {
        Detection d = detector().detect(rows(
                List.of("编制单位：某局", "金额单位：万元"),
                List.of("单位编码", "项目编码", "支出金额"),
                List.of("D01", "P001", "1")));
        assertTrue(d.found(), d.problem());
        assertEquals(1, d.header().first(), "the header is row 2, alone");
        assertEquals(1, d.header().height());
        assertEquals(MoneyUnit.WAN_YUAN, d.header().titleUnit().orElseThrow());
    }

    // ------------------------------------------------------------------ two-row headers

    @Test
    void twoRowHeaderWithMergedGroupLabelInXlsx() throws Exception {
        Path file = home.workbook().sheet("预算执行")
                .row("2024年度预算执行情况表")
                .row("单位：元")
                .row("单位编码", "项目编码", "项目名称", "预算金额", null, null, null, "全年执行数")
                .row(null, null, null, "年初预算数", "调整数", "上年结转", "全年预算数", null)
                .row("D01", "P001", "办公设备购置", 1000, 200, 300, 1500, 1200.5)
                .merge("A3:A4").merge("B3:B4").merge("C3:C4").merge("D3:G3").merge("H3:H4")
                .write("执行情况.xlsx");
        IngestOutcome outcome = home.ingestOk(file);

        assertEquals(1, outcome.rowsRead());
        assertEquals(3, ((Number) home.batch(outcome.batchId()).get("header_row")).intValue());
        Map<String, Object> row = home.one("SELECT * FROM budget_line");
        assertEquals(100_000L, ((Number) row.get("budget_initial")).longValue());
        assertEquals(20_000L, ((Number) row.get("budget_adjustment")).longValue());
        assertEquals(30_000L, ((Number) row.get("budget_carryover")).longValue());
        assertEquals(150_000L, ((Number) row.get("budget_final")).longValue());
        assertEquals(120_050L, ((Number) row.get("spent_reported")).longValue());
        assertEquals(5, row.get("source_row"));
    }

    @Test
    void twoRowHeaderIsDetectedWithHeightTwo() throws Exception {
        Detection d = detector().detect(rows(
                List.of("单位编码", "项目编码", "预算金额", "", "", ""),
                List.of("", "", "年初预算数", "调整数", "上年结转", "全年预算数"),
                List.of("D01", "P001", "1", "2", "3", "6")));
        assertTrue(d.found(), d.problem());
        assertEquals(0, d.header().first());
        assertEquals(2, d.header().height());
        Map<String, Integer> columns = d.header().match().columnOfField();
        assertEquals(0, columns.get("dept_code"));
        assertEquals(1, columns.get("project_code"));
        assertEquals(2, columns.get("budget_initial"));
        assertEquals(5, columns.get("budget_final"));
        assertFalse(columns.containsKey("amount"), "the group label 预算金额 is replaced by the labels below it");
    }

    @Test
    void aDataRowOfTextIsNotTakenForASecondHeaderRow() throws Exception {
        Detection d = detector().detect(rows(
                List.of("单位编码", "项目编码", "一级指标", "三级指标", "年度指标值"),
                List.of("D01", "P001", "产出指标", "完成面积", "≥255亩")));
        assertTrue(d.found(), d.problem());
        assertEquals(1, d.header().height());
        assertEquals("indicators", d.header().match().layout().name());
    }

    @Test
    void unitOfAMergedGroupLabelAppliesToEveryColumnBelowIt() throws Exception {
        // Exported CSV of a merged header: the group cell's text sits in its first column only.
        Path file = home.csv("预算执行2024.csv",
                line("单位编码", "项目编码", "预算金额（万元）", "", "", ""),
                line("", "", "年初预算数", "调整数", "上年结转", "全年预算数"),
                line("D01", "P001", "10", "2", "3", "15"));
        IngestOutcome outcome = home.ingest(file);
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        Map<String, Object> row = home.one("SELECT * FROM budget_line");
        assertEquals(10_000_000L, ((Number) row.get("budget_initial")).longValue());
        assertEquals(2_000_000L, ((Number) row.get("budget_adjustment")).longValue());
        assertEquals(3_000_000L, ((Number) row.get("budget_carryover")).longValue());
        assertEquals(15_000_000L, ((Number) row.get("budget_final")).longValue());
    }

    // ------------------------------------------------------------------ label normalisation

    @Test
    void unitSuffixInHeaderIsIgnoredForMatchingAndScalesTheColumn() throws Exception {
        home.ingestOk(home.csv("支出2024.csv",
                line("单位编码", "项目编码", "支出金额（万元）", "凭证号"),
                line("D01", "P001", "1.5", "V1")));
        home.ingestOk(home.csv("支出2024b.csv",
                line("单位编码", "项目编码", "金额(元)", "凭证号"),
                line("D01", "P001", "1.5", "V2")));
        assertEquals(1_500_000L, home.number("SELECT amount FROM ledger_line WHERE voucher_no='V1'"));
        assertEquals(150L, home.number("SELECT amount FROM ledger_line WHERE voucher_no='V2'"));
    }

    @Test
    void spacesFullWidthSpacesAndLineBreaksInLabelsAreIgnored() throws Exception {
        Path file = home.csv("支出2024.csv",
                line(" 单 位 编 码 ", "项目\u3000编码", "支出\n金额", "\u3000凭证号\u00A0"),
                line("D01", "P001", "10", "V1"));
        IngestOutcome outcome = home.ingestOk(file);
        assertEquals("ledger", outcome.kind());
        Map<String, Object> row = home.one("SELECT * FROM ledger_line");
        assertEquals("D01", row.get("dept_code"));
        assertEquals("P001", row.get("project_code"));
        assertEquals("V1", row.get("voucher_no"));
        assertEquals(1000L, ((Number) row.get("amount")).longValue());
    }

    // ------------------------------------------------------------------ no header

    @Test
    void headerOnRow30IsFoundButOnRow31IsNot() throws Exception {
        List<String> at30 = new ArrayList<>();
        for (int i = 1; i < 30; i++) {
            at30.add(line("说明第" + i + "行"));
        }
        List<String> at31 = new ArrayList<>(at30);
        at31.add(line("说明第30行"));
        for (List<String> lines : List.of(at30, at31)) {
            lines.add(line("单位编码", "项目编码", "支出金额"));
            lines.add(line("D01", "P001", "10"));
        }
        IngestOutcome found = home.ingestOk(home.csv("row30_2024.csv", at30));
        assertEquals(30, ((Number) home.batch(found.batchId()).get("header_row")).intValue());

        IngestOutcome missed = home.ingest(home.csv("row31_2024.csv", at31));
        assertEquals(Status.FAILED, missed.status());
        assertTrue(missed.message().contains("30"), missed.message());
        assertEquals(1, home.count("ledger_line"), "only the first file stored a row");
    }

    @Test
    void noMatchNamesTheClosestLayoutAndItsMissingColumn() throws Exception {
        IngestOutcome ledger = home.ingest(home.csv("ledger2024.csv",
                line("单位编码", "项目名称", "支出金额"),
                line("D01", "设备", "10")));
        assertEquals(Status.FAILED, ledger.status());
        assertTrue(ledger.message().contains("ledger"), ledger.message());
        assertTrue(ledger.message().contains("项目编码"), ledger.message());

        IngestOutcome indicators = home.ingest(home.csv("indicators2024.csv",
                line("单位编码", "项目编码", "一级指标", "二级指标", "三级指标", "实际完成值"),
                line("D01", "P001", "产出指标", "数量指标", "面积", "255亩")));
        assertEquals(Status.FAILED, indicators.status());
        assertTrue(indicators.message().contains("indicators"), indicators.message());
        assertTrue(indicators.message().contains("年度指标值"), indicators.message());
        assertEquals("FAILED", home.batch(indicators.batchId()).get("status"));
        assertEquals(0, home.allRows());
    }

    @Test
    void aHeaderThatFitsTwoLayoutsEquallyWellIsAFileError() throws Exception {
        // budget covers 单位编码 项目编码 年初预算数 调整数 上年结转 = 5; indicators covers
        // 单位编码 项目编码 一级指标 三级指标 年度指标值 = 5
        IngestOutcome outcome = home.ingest(home.csv("混合2024.csv",
                line("单位编码", "项目编码", "年初预算数", "调整数", "上年结转", "一级指标", "三级指标", "年度指标值"),
                line("D01", "P001", "1", "0", "0", "产出指标", "面积", "≥1")));
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("budget") && outcome.message().contains("indicators"),
                outcome.message());
        assertEquals(0, home.allRows());
    }

    @Test
    void theLayoutCoveringMoreHeaderCellsWins() throws Exception {
        // ledger (单位编码 项目编码 金额) and budget (… 金额 指标类型) are both satisfied: budget covers more
        IngestOutcome outcome = home.ingestOk(home.csv("指标2024.csv",
                line("单位编码", "项目编码", "金额", "指标类型"),
                line("D01", "P001", "10", "年初预算")));
        assertEquals("budget", outcome.kind());
        assertEquals(1000L, home.number("SELECT budget_initial FROM budget_line"));
    }

    @Test
    void blankRowsAreSkippedNotCountedNorRejected() throws Exception {
        Path file = home.csv("支出2024.csv",
                line("单位编码", "项目编码", "支出金额"),
                "",
                line("D01", "P001", "10"),
                line("", "", ""),
                ",,",
                line(" ", "\u3000", ""),
                line("D01", "P002", "20"),
                "");
        IngestOutcome outcome = home.ingestOk(file);
        assertEquals(2, outcome.rowsRead());
        assertEquals(0, outcome.rowsRejected());
        assertEquals(List.of(3, 7), home.query("SELECT source_row FROM ledger_line ORDER BY source_row").stream()
                .map(r -> ((Number) r.get("source_row")).intValue()).toList());
        assertNull(outcome.rejectsFile());
    }

    @Test
    void aHeaderWithoutDataRowsIsAFileError() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("空2024.csv", line("单位编码", "项目编码", "支出金额")));
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("没有数据行"), outcome.message());
    }
}
