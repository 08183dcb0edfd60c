package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Official forms merge cells over the rows they stand for (一级指标 over its indicators, a project over its rows).
 * A workbook keeps such a value in the first row only; it is read as standing for each row it covers, except numbers,
 * which stay with the first row so that a merged amount is counted once.
 */
class MergedCellsTest extends IngestHomeTest {

    @Test
    void aMergedLevelOrProjectStandsForEveryRowItCovers() throws Exception {
        Path file = home.workbook().sheet("绩效目标")
                .row("单位编码", "项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值")
                .row("D01", "P1", "耕地保护", "产出指标", "数量指标", "核查图斑数", "≥100个", "120个", 20)
                .row(null, null, null, null, null, "整改宗数", "≥10宗", "12宗", 20)
                .row(null, null, null, null, "质量指标", "核查准确率", "≥95%", "98%", 20)
                .row(null, null, null, "效益指标", "社会效益指标", "群众满意度", "≥90%", "93%", 30)
                .row("D01", "P2", "测绘服务", "产出指标", "数量指标", "测绘面积", "≥5平方公里", "6平方公里", 90)
                .merge("A2:A5").merge("B2:B5").merge("C2:C5").merge("D2:D4").merge("E2:E3")
                .write("绩效目标2024.xlsx");

        IngestOutcome outcome = home.ingestOk(file);

        assertEquals(0, outcome.rowsRejected());
        List<Map<String, Object>> rows = home.query("SELECT dept_code, project_code, project_name, level1, level2, name"
                + " FROM indicator ORDER BY source_row");
        assertEquals(List.of(
                List.of("D01", "P1", "耕地保护", "产出指标", "数量指标", "核查图斑数"),
                List.of("D01", "P1", "耕地保护", "产出指标", "数量指标", "整改宗数"),
                List.of("D01", "P1", "耕地保护", "产出指标", "质量指标", "核查准确率"),
                List.of("D01", "P1", "耕地保护", "效益指标", "社会效益指标", "群众满意度"),
                List.of("D01", "P2", "测绘服务", "产出指标", "数量指标", "测绘面积")),
                rows.stream().map(r -> List.copyOf(r.values())).toList());
    }

    @Test
    void aMergedAmountIsCountedOnceOnItsFirstRow() throws Exception {
        Path file = home.workbook().sheet("预算")
                .row("单位编码", "项目编码", "项目名称", "资金性质", "全年预算数")
                .row("D01", "P1", "耕地保护", "一般公共预算", 100)
                .row(null, null, null, "政府性基金预算", null)
                .merge("A2:A3").merge("B2:B3").merge("C2:C3").merge("E2:E3")
                .write("预算2024.xlsx");

        home.ingestOk(file);

        assertEquals(List.of(Map.of("project_code", "P1", "n", 2L, "total", 10_000L)),
                home.query("SELECT project_code, COUNT(*) AS n, SUM(budget_final) AS total FROM budget_line"
                        + " GROUP BY project_code").stream().map(r -> Map.of("project_code", r.get("project_code"),
                        "n", ((Number) r.get("n")).longValue(), "total", ((Number) r.get("total")).longValue())).toList(),
                "both rows are P1's; the 100 yuan (10,000 fen) once");
    }

    @Test
    void aTotalRowUnderMergedCellsStaysATotalAndAMergedVoucherIsNoBalanceLine() throws Exception {
        Path file = home.workbook().sheet("明细账")
                .row("单位编码", "项目编码", "项目名称", "凭证日期", "凭证号", "摘要", "借方金额")
                .row("D01", "P1", "耕地保护", "2024-01-05", "记-1", "购买办公用品", 100)
                .row(null, null, null, "2024-01-20", "记-2", "支付劳务费", 200)
                .row(null, null, null, null, null, "本月合计", 300)
                .row("D01", "P2", "测绘服务", "2024-02-03", "记-3", "支付维修费", 50)
                .row(null, null, null, null, null, "上年结转", 7)
                .merge("A2:A4").merge("B2:B4").merge("C2:C4").merge("A5:A6").merge("B5:B6").merge("C5:C6")
                .merge("D5:D6").merge("E5:E6")
                .write("明细账2024.xlsx");

        IngestOutcome outcome = home.ingestOk(file);

        assertEquals(4, outcome.rowsRead(), "the 本月合计 is a total although merged codes stand over it");
        assertEquals(0, outcome.rowsRejected());
        assertEquals(List.of(Map.of("v", "记-1", "a", 10_000L), Map.of("v", "记-2", "a", 20_000L),
                        Map.of("v", "记-3", "a", 5_000L), Map.of("v", "记-3", "a", 700L)),
                home.query("SELECT voucher_no, amount FROM ledger_line ORDER BY source_row").stream()
                        .map(r -> Map.of("v", r.get("voucher_no"), "a", ((Number) r.get("amount")).longValue())).toList(),
                "the 上年结转 line shares 记-3 through the merge, so it is spending, not a balance line");
        assertEquals(0, home.count("ingest_finding"), "the 本月合计 adds up");
    }
}
