package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3.2 total rows: 合计/总计/小计/Total rows are not data, and each is checked against the data
 * rows it covers; a difference is a TOTAL_ROW_MISMATCH row in ingest_finding (file, row, both figures).
 */
class TotalRowsTest extends IngestHomeTest {

    private static final String HEADER = line("单位编码", "项目编码", "凭证号", "支出金额");

    private List<Map<String, Object>> findings() throws Exception {
        return home.query("SELECT * FROM ingest_finding ORDER BY source_row");
    }

    @ParameterizedTest
    @ValueSource(strings = {"合计", "总计", "合 计", "Total", "TOTAL:", "合计（元）", "总计金额"})
    void aMatchingTotalRowIsNeitherDataNorAFinding(String label) throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("支出2024.csv",
                HEADER,
                line("D01", "P001", "V1", "100.10"),
                line("D01", "P002", "V2", "1,200.00"),
                line(label, "", "", "1300.10")));
        assertEquals(2, outcome.rowsRead(), "the total row is not a data row");
        assertEquals(0, outcome.rowsRejected());
        assertEquals(2, home.count("ledger_line"));
        assertEquals(130_010L, home.number("SELECT SUM(amount) FROM ledger_line"));
        assertEquals(List.of(), findings());
    }

    @Test
    void aMismatchingTotalRowIsRecordedAsAFindingAndTheFileStillIngested() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("支出2024.csv",
                line("2024年度支出明细账"),
                HEADER,
                line("D01", "P001", "V1", "100"),
                line("D01", "P002", "V2", "200"),
                line("", "合计", "", "999")));
        assertEquals(2, home.count("ledger_line"));
        List<Map<String, Object>> findings = findings();
        assertEquals(1, findings.size());
        Map<String, Object> f = findings.get(0);
        assertEquals("TOTAL_ROW_MISMATCH", f.get("code"));
        assertEquals(5, f.get("source_row"), "the spreadsheet row of the 合计 row");
        assertEquals(outcome.batchId(), ((Number) f.get("batch_id")).longValue());
        String message = (String) f.get("message");
        // in 万元 like every other finding in the narrative (999元 → 0.1万元)
        assertTrue(message.startsWith("《支出2024.csv》第5行“合计”的“"), message);
        assertTrue(message.endsWith("”为0.1万元（999.00元），但明细行合计为0.03万元（300.00元），相差0.07万元（699.00元）。"),
                message);
    }

    @Test
    void totalRowInATenThousandYuanColumnIsComparedInTheSameUnit() throws Exception {
        home.ingestOk(home.csv("支出2024.csv",
                line("单位：万元"),
                HEADER,
                line("D01", "P001", "V1", "1.5"),
                line("D01", "P002", "V2", "2.25"),
                line("合计", "", "", "3.75")));
        assertEquals(List.of(), findings());
        assertEquals(37_500_00L, home.number("SELECT SUM(amount) FROM ledger_line"));
    }

    @Test
    void eachSubtotalCoversTheRowsSinceThePreviousSubtotal() throws Exception {
        home.ingestOk(home.csv("支出2024.csv",
                HEADER,
                line("D01", "P001", "V1", "100"),
                line("D01", "P001", "V2", "200"),
                line("小计", "", "", "300"),
                line("D01", "P002", "V3", "50"),
                line("小计", "", "", "50"),
                line("D01", "P003", "V4", "7"),
                line("小计", "", "", "8"),
                line("合计", "", "", "357")));
        assertEquals(4, home.count("ledger_line"));
        List<Map<String, Object>> findings = findings();
        assertEquals(1, findings.size(), () -> "only the third 小计 is wrong: " + findings);
        assertEquals(8, findings.get(0).get("source_row"));
        assertEquals("TOTAL_ROW_MISMATCH", findings.get(0).get("code"));
    }

    @Test
    void anAccountBooksMonthlyAndRunningTotalsAreCheckedNotStored() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "凭证日期", "凭证号", "摘要", "借方金额"),
                line("D01", "P001", "2024-01-05", "记-1", "购买办公用品", "100"),
                line("D01", "P001", "2024-01-20", "记-2", "支付劳务费", "200"),
                line("", "", "", "", "本月合计", "300"),
                line("", "", "", "", "本年累计", "300"),
                line("D01", "P001", "2024-02-03", "记-3", "支付维修费", "50"),
                line("", "", "", "", "本 月 合 计", "50"),
                line("", "", "", "", "本年累计", "351"),
                line("", "", "", "", "合计", "350")));
        assertEquals(3, outcome.rowsRead(), "the four total rows are not data");
        assertEquals(0, outcome.rowsRejected());
        assertEquals(35_000L, home.number("SELECT SUM(amount) FROM ledger_line"));
        List<Map<String, Object>> findings = findings();
        assertEquals(1, findings.size(), () -> "only February's 本年累计 is off: " + findings);
        assertEquals(8, findings.get(0).get("source_row"));
    }

    @Test
    void anAccountBooksBalanceLinesAreNeitherDataNorTotals() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "凭证日期", "凭证号", "摘要", "借方金额", "余额"),
                line("D01", "P001", "", "", "期初余额", "", "0"),
                line("D01", "P001", "2024-01-05", "记-1", "购买办公用品", "100", "100"),
                line("D01", "P001", "", "", "过次页", "100", "100"),
                line("D01", "P001", "", "", "承前页", "100", "100"),
                line("D01", "P001", "2024-01-20", "记-2", "支付劳务费", "200", "300"),
                line("", "", "", "", "本月合计", "300", "300"),
                line("D01", "P001", "", "", "期末余额", "", "300"),
                line("D01", "P002", "2024-01-25", "记-3", "上年结转", "7", "7")));
        assertEquals(3, outcome.rowsRead(), "balance lines carry codes here and are still not spending; a line with a"
                + " voucher number is spending whatever its 摘要");
        assertEquals(0, outcome.rowsRejected());
        assertEquals(30_700L, home.number("SELECT SUM(amount) FROM ledger_line"));
        assertEquals(List.of(), findings(), "the 本月合计 covers the two spending lines above it only");
        assertTrue(outcome.message().contains("余额行（期初余额、承前页等） 4 行（第 2、4、5、8 行）")
                && outcome.message().contains("balance lines (opening balance, brought forward, …): 4 (rows 2, 4, 5, 8)"),
                outcome.message());
    }

    @Test
    void withoutAVoucherColumnABalanceLabelIsNotEnoughToPassALineOver() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv",
                line("单位编码", "项目编码", "凭证日期", "摘要", "支出金额"),
                line("D01", "P001", "2024-03-01", "购买办公用品", "100"),
                line("D01", "P001", "2024-03-02", "上年结转", "5000")));
        assertEquals(2, home.count("ledger_line"), "no voucher number to tell a balance line from spending");
    }

    @Test
    void aBudgetsCarryOverIsData() throws Exception {
        home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "指标类型", "金额"),
                line("D01", "P001", "年初预算", "100"),
                line("D01", "P001", "上年结转", "20")));
        assertEquals(2, home.count("budget_line"), "上年结转 is a kind of budget there, not a balance line");
    }

    @Test
    void totalsOfAWideBudgetAreCheckedPerColumn() throws Exception {
        home.ingestOk(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "年初预算数", "调整数", "全年预算数"),
                line("D01", "P001", "100", "10", "110"),
                line("D01", "P002", "200", "-20", "180"),
                line("合计", "", "300", "-10", "300")));
        List<Map<String, Object>> findings = findings();
        assertEquals(1, findings.size(), () -> "only 全年预算数 is off: " + findings);
        assertTrue(((String) findings.get(0).get("message")).contains("全年预算数"), findings.toString());
        assertEquals(2, home.count("budget_line"));
    }

    @Test
    void findingsOfAFailedFileAreNotKept() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("支出2024.csv",
                HEADER,
                line("D01", "", "V1", "100"),
                line("D01", "", "V2", "200"),
                line("合计", "", "", "1")));
        assertEquals("FAILED", outcome.status().name());
        assertEquals(0, home.count("ingest_finding"));
    }

    @Test
    void aTotalRowAboveTheDataCoversAllRows() throws Exception {
        // 预算执行情况表 exports commonly put the 合计 row first, right under the header
        home.ingestOk(home.csv("支出2024.csv",
                HEADER,
                line("合计", "", "", "300"),
                line("D01", "P001", "V1", "100"),
                line("D01", "P002", "V2", "200")));
        assertEquals(2, home.count("ledger_line"));
        assertEquals(List.of(), findings());
    }
}
