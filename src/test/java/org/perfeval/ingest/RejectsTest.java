package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.perfeval.model.IngestBatch.Status;

/**
 * SPEC §3.5: unusable rows go to outbox/rejects/&lt;file&gt;.rejects.csv (UTF-8 BOM; row, column, value,
 * reason, then the original cells; the row a spreadsheet shows), the rest is ingested, and more than
 * 20 % rejected fails the whole file. Nothing is silently dropped.
 */
class RejectsTest extends IngestHomeTest {

    private static final String HEADER = line("单位编码", "项目编码", "凭证号", "支出金额");

    /** n ledger lines; the rows listed in {@code bad} (0-based) have an unreadable amount. */
    private static List<String> ledger(int n, Set<Integer> bad) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < n; i++) {
            lines.add(line("D01", "P" + (i % 7), "V" + i, bad.contains(i) ? "12元3" : Integer.toString(i + 1)));
        }
        return lines;
    }

    private static Set<Integer> firstN(int n) {
        Set<Integer> set = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            set.add(i * 3);
        }
        return set;
    }

    @Test
    void rejectsFileHasBomColumnsReasonOriginalCellsAndSpreadsheetRowNumbers() throws Exception {
        List<String> lines = new ArrayList<>(List.of(line("2024年度支出明细账"), line("单位：元"), HEADER));
        for (int i = 1; i <= 10; i++) {
            String project = i == 6 ? "" : "P00" + i;
            String amount = i == 3 ? "abc" : i * 10 + ".00";
            lines.add(line("D01", project, "V" + i, amount));
        }
        IngestOutcome outcome = home.ingest(home.csv("明细账.csv", lines));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(10, outcome.rowsRead());
        assertEquals(8, outcome.rowsIngested());
        assertEquals(2, outcome.rowsRejected());
        assertEquals(home.rejectsFile("明细账.csv"), outcome.rejectsFile());

        List<List<String>> rejects = home.rejects("明细账.csv");
        assertEquals(List.of("row", "column", "value", "reason"), rejects.get(0));
        assertEquals(3, rejects.size());
        List<String> amount = rejects.get(1);
        assertEquals(List.of("6", "支出金额", "abc"), amount.subList(0, 3), "row 6: 2 title rows + header + 3rd line");
        assertFalse(amount.get(3).isBlank(), "a reason");
        assertEquals(List.of("D01", "P003", "V3", "abc"), amount.subList(4, amount.size()), "the original cells");
        List<String> project = rejects.get(2);
        assertEquals(List.of("9", "项目编码", ""), project.subList(0, 3));
        assertTrue(project.get(3).contains("项目编码"), project.get(3));
        assertEquals(List.of("D01", "", "V6", "60.00"), project.subList(4, project.size()));

        assertEquals(List.of(4, 5, 7, 8, 10, 11, 12, 13), home.query(
                "SELECT source_row FROM ledger_line ORDER BY source_row").stream()
                .map(r -> ((Number) r.get("source_row")).intValue()).toList());
    }

    @Test
    void aRowWithCellsRightOfTheHeaderIsRejectedNotCut() throws Exception {
        // line 3: an unquoted comma in the voucher number shifts the amount one column to the right
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", HEADER, "D01,P1,V1,10.00",
                "D01,P1,V2,extra,20.00", "D01,P1,V4,40.00", "D01,P1,V5,50.00", "D01,P1,V6,60.00"));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsRejected());
        List<String> shifted = home.rejects("明细账2024.csv").get(1);
        assertEquals(List.of("3", "E", "20.00"), shifted.subList(0, 3));
        assertTrue(shifted.get(3).contains("第 E 列没有表头") && shifted.get(3).contains("Column E has no header"),
                shifted.get(3));
        assertEquals(List.of("D01", "P1", "V2", "extra", "20.00"), shifted.subList(4, shifted.size()));
        assertEquals(4, home.count("ledger_line"));
    }

    @ParameterizedTest(name = "the split row at line {0}")
    @ValueSource(ints = {2, 3, 9})
    void anAmountSplitAtAnUnquotedThousandsSeparatorIsRejectedWhereverTheRowStands(int line) throws Exception {
        // 借方 1,234.50 unquoted: 借方 "1", 贷方 "234.50", and the empty 贷方 pushed past the header
        String header = line("单位编码", "项目编码", "凭证号", "借方金额", "贷方金额");
        List<String> rows = new java.util.ArrayList<>(List.of(header));
        for (int v = 1; v <= 8; v++) {
            rows.add("D01,P1,V" + v + ",10.00,");
        }
        rows.add(line - 1, "D01,P1,V9,1,234.50,");
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", rows));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsRejected());
        List<String> shifted = home.rejects("明细账2024.csv").get(1);
        assertEquals(List.of(String.valueOf(line), "D", "1,234.50"), shifted.subList(0, 3));
        assertTrue(shifted.get(3).contains("本行有 6 个字段，比其他行多，且第 D 列的金额像是被未加引号的千位分隔符拆开的“1,234.50”")
                && shifted.get(3).contains("more than the other rows' 5")
                && shifted.get(3).contains("reads as '1,234.50' split at an unquoted thousands separator"), shifted.get(3));
        assertEquals(8_000L, home.number("SELECT SUM(amount) FROM ledger_line"), "8 × 10, and no −233.50");
    }

    @Test
    void aLedgerLineCutOffBeforeItsAmountIsRejectedNotStoredAsZero() throws Exception {
        String header = line("单位编码", "项目编码", "凭证号", "经济分类", "借方金额", "贷方金额");
        List<String> rows = new java.util.ArrayList<>(List.of(header));
        for (int v = 1; v <= 8; v++) {
            rows.add("D01,P1,V" + v + ",30201,10.00,");
        }
        rows.add("D01,P1,V9,30201,20.00");   // the empty 贷方 left out at the end: still read
        rows.add("D01,P1,V10,302");          // a copy read while it stalled: the line stops before the amounts
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", rows));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsRejected());
        List<String> cut = home.rejects("明细账2024.csv").get(1);
        assertEquals(List.of("11", "E", ""), cut.subList(0, 3));
        assertTrue(cut.get(3).contains("本行只有 4 个字段（表头有 6 个），在金额列 E 之前就结束了")
                && cut.get(3).contains("ends before the amount column E"), cut.get(3));
        assertEquals(10_000L, home.number("SELECT SUM(amount) FROM ledger_line"), "8 × 10 + 20");
    }

    @Test
    void aBudgetRowThatLeavesOutItsEmptyAmountsIsReadAsBefore() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("预算2024.csv", line("年度", "单位编码", "项目编码", "项目名称", "年初预算数",
                "调整数", "全年预算数"), "2024,D01,P1,甲,100,0,100", "2024,D01,P2,乙,200,0,200", "2024,D01,P3,丙,300,0,300",
                "2024,D01,P4,丁,400,0,400", "2024,D01,P6,己"));
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(0, outcome.rowsRejected(), "as 2024,D01,P6,己,,, would be");
        assertEquals(5, home.count("budget_line"));
    }

    @Test
    void sideBySideAmountsOfATrailingDelimiterBudgetAreNoSplitNumber() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("预算2024.csv", line("单位编码", "项目编码", "年初预算数", "调整数",
                "上年结转", "全年预算数"), "D01,P1,50,120,0,170,", "D01,P2,100,0,0,100,", "D01,P3,7,993,0,1000,",
                "D01,P4,1,0,0,1,"));
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(0, outcome.rowsRejected());
        assertEquals(127_100L, home.number("SELECT SUM(budget_final) FROM budget_line"));
    }

    @Test
    void aSplitAmountIsFoundWhateverTheHeaderEndsInAndWithTwoSeparatorsToo() throws Exception {
        // the header ends in a delimiter, the rows do not
        String header = line("单位编码", "项目编码", "凭证号", "借方", "贷方") + ",";
        List<String> rows = new java.util.ArrayList<>(List.of(header));
        for (int v = 1; v <= 8; v++) {
            rows.add("D01,P1,V" + v + ",10.00,");
        }
        rows.add("D01,P1,V9,1,234.50,");
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", rows));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsRejected());
        assertEquals(List.of("10", "D", "1,234.50"), home.rejects("明细账2024.csv").get(1).subList(0, 3));
        assertEquals(8_000L, home.number("SELECT SUM(amount) FROM ledger_line"));

        // two separators, and blank labelled columns after the amount to take the pieces
        IngestOutcome budget = home.ingest(home.csv("预算2024.csv", line("单位编码", "项目编码", "全年预算数", "备注", "经办人"),
                "D01,P1,100,,", "D01,P2,200,,", "D01,P3,300,,", "D01,P4,400,,", "D01,P5,1,234,567.89,,"));
        assertEquals(Status.INGESTED, budget.status(), budget.message());
        assertEquals(List.of("6", "C", "1,234,567.89"), home.rejects("预算2024.csv").get(1).subList(0, 3));
        assertEquals(100_000L, home.number("SELECT SUM(budget_final) FROM budget_line"));
    }

    @Test
    void sideBySideAmountsOfRowsThatAllEndInADelimiterArePassedUnderAHeaderThatDoesNot() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("预算2024.csv", line("单位编码", "项目编码", "项目名称", "全年预算数",
                "全年执行数"), "D01,P1,设备,1000,800,", "D01,P2,维修,500,120,", "D01,P3,培训,300,200,", "D01,P4,宣传,900,600,"));
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(0, outcome.rowsRejected(), "the rows' own width, not the header's, is what a split exceeds");
    }

    @Test
    void aRefusedFileOfTheSameNameLeavesTheListOfTheFileStillInForce() throws Exception {
        home.ingest(home.csv("明细账2024.csv", HEADER, "D01,P1,V1,10.00", "D01,P1,V2,abc", "D01,P1,V3,30.00",
                "D01,P1,V4,40.00", "D01,P1,V5,50.00", "D01,P1,V6,60.00"));
        String list = Files.readString(home.rejectsFile("明细账2024.csv"));
        IngestOutcome refused = home.ingest(home.csv("明细账2024.csv", line("完全", "不认识", "的表头"), "1,2,3"));
        assertEquals(Status.FAILED, refused.status());
        assertEquals(list, Files.readString(home.rejectsFile("明细账2024.csv")), "V2 is still to be corrected");
    }

    @Test
    void rowsThatAllEndInOneDelimiterMoreThanTheHeaderAreRead() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", HEADER, "D01,P1,V1,10.00,", "D01,P1,V2,20.00,",
                "D01,P1,V3,30.00,"));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(0, outcome.rowsRejected(), "a trailing delimiter on every row is the file's style");
        assertEquals(6_000L, home.number("SELECT SUM(amount) FROM ledger_line"));
    }

    @Test
    void aWholeRecordAboveTheHeaderIsRejectedWhileTitleRowsArePassedOver() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", line("2024年度支出明细账"),
                line("编制单位：D01", "", "", "单位：元"), "D01,P1,V0,5.00", HEADER, "D01,P1,V1,10.00", "D01,P1,V2,20.00",
                "D01,P1,V3,30.00", "D01,P1,V4,40.00"));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(5, outcome.rowsRead(), "the record above the header is a data row; the titles are not");
        assertEquals(1, outcome.rowsRejected());
        List<List<String>> rejects = home.rejects("明细账2024.csv");
        assertEquals(2, rejects.size(), "only the record: the two title rows are not listed");
        List<String> above = rejects.get(1);
        assertEquals("3", above.get(0));
        assertTrue(above.get(3).contains("表头（第 4 行）之上") && above.get(3).contains("above the header (row 4)"),
                above.get(3));
        assertEquals(List.of("D01", "P1", "V0", "5.00"), above.subList(4, above.size()));
        assertEquals(4, home.count("ledger_line"));
    }

    @Test
    void aFlawedDataRowAboveTheHeaderIsRejectedToo() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", line("2024年度支出明细账"), "D01,,V0,5.00", HEADER,
                "D01,P1,V1,10.00", "D01,P1,V2,20.00", "D01,P1,V3,30.00", "D01,P1,V4,40.00"));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsRejected(), "it misses its 项目编码 but fills the columns as data does");
        assertEquals("2", home.rejects("明细账2024.csv").get(1).get(0));
    }

    @Test
    void titleAndHeaderRowsRepeatedOnEveryPrintedPageAreNotData() throws Exception {
        String title = line("2024年度支出明细账");
        String unit = line("编制单位：D01", "", "", "单位：元");
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", title, unit, HEADER, "D01,P1,V1,10.00",
                "D01,P1,V2,20.00", title, line(" 编制单位：D01 ", "", "", "单位：元", ""), HEADER, "D01,P1,V3,30.00", "D01,P1,V4,40.00", "合计,,,100.00"));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(4, outcome.rowsRead());
        assertEquals(0, outcome.rowsRejected(), "the repeated title, unit and header rows are neither data nor rejects");
        assertEquals(4, home.count("ledger_line"));
        assertEquals(0, home.count("ingest_finding"), "the 合计 covers the four lines");
        assertPassedOver(outcome, "重复的标题或表头行 3 行（第 6、7、8 行）", "repeated title or header rows: 3 (rows 6, 7, 8)");
    }

    /** The batch record names the rows passed over and why, in Chinese and English. */
    private void assertPassedOver(IngestOutcome outcome, String zh, String en) throws Exception {
        assertTrue(outcome.message().contains(zh) && outcome.message().contains(en), outcome.message());
        assertEquals(outcome.message(), home.batch(outcome.batchId()).get("message"));
    }

    @Test
    void theColumnNumbersUnderAFormsHeaderAreNotDataNorPartOfItsTotals() throws Exception {
        String title = line("2024年度支出明细账");
        String numbers = line("1", "2", "3", "4");
        // printed over two pages: the head, with its 栏次 row, repeats
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", title, HEADER, numbers, "D01,P1,V1,10.00",
                "D01,P1,V2,20.00", title, HEADER, numbers, "D01,P1,V3,30.00", "合计,,,60.00"));
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(3, outcome.rowsRead());
        assertEquals(0, outcome.rowsRejected());
        assertEquals(0, home.count("ingest_finding"), "the 合计 covers the three lines, not the numbers 1–4");
        assertEquals(0L, home.number("SELECT COUNT(*) FROM ledger_line WHERE dept_code = '1'"), "no line of department 1");
        assertPassedOver(outcome, "表头下的栏次行 1 行（第 3 行）", "column-number rows under the header: 1 (row 3)");
        assertPassedOver(outcome, "重复的标题或表头行 3 行（第 6、7、8 行）", "repeated title or header rows: 3 (rows 6, 7, 8)");
    }

    @Test
    void aBudgetFormsLetteredAndNumberedColumnsAreNotData() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("预算2024.csv",
                line("单位编码", "项目编码", "项目名称", "年初预算数", "调整数", "全年预算数"),
                line("甲", "乙", "丙", "1", "2", "3"),
                line("D01", "P1", "项目一", "100", "0", "100"),
                line("合计", "", "", "100", "0", "100")));
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(1, outcome.rowsRead());
        assertEquals(0, outcome.rowsRejected());
        assertEquals(0, home.count("ingest_finding"));
    }

    @Test
    void signatureAndRemarkLinesUnderTheFormAreNotData() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", HEADER, "D01,P1,V1,10.00", "D01,P1,V2,20.00",
                "合计,,,30.00", line("单位负责人：张三", "财务负责人：李四", "", "制表人：王五"), line("填报日期：2025年1月10日"),
                line("注：本表金额单位为元。")));

        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(2, outcome.rowsRead());
        assertEquals(0, outcome.rowsRejected());
        assertEquals(2, home.count("ledger_line"));
        assertPassedOver(outcome, "表尾签字或说明行 3 行（第 5、6、7 行）", "lines under the form: 3 (rows 5, 6, 7)");
    }

    @Test
    void aDataRowIsNeverTakenForAFooterLine() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", HEADER, "D01,P1,V1,10.00", "D01,P1,V2,20.00",
                "D01,P1,V3,30.00", "D01,P1,V4,40.00", line("", "制表人：王五", "V5", ""), line("", "审核费", "", "")));

        assertEquals(2, outcome.rowsRejected(), "broken data rows: one with a voucher number, one with a label but no"
                + " colon (审核费, not 审核：)");
        assertEquals(List.of("6", "单位编码"), home.rejects("明细账2024.csv").get(1).subList(0, 2));
        assertEquals(List.of("7", "单位编码"), home.rejects("明细账2024.csv").get(2).subList(0, 2));
    }

    @Test
    void xlsxRejectsCountTitleRowsAndAbsentRows() throws Exception {
        Path file = home.workbook().sheet("明细")
                .rowAt(1, "2024年度支出明细账")
                .rowAt(3, "单位编码", "项目编码", "凭证号", "支出金额")
                .rowAt(4, "D01", "P1", "V1", 10)
                .rowAt(5, "D01", "P1", "V2", 10)
                .rowAt(7, "D01", "P1", "V3", 10)
                .rowAt(8, "D01", "P1", "V4", 10)
                .rowAt(9, "D01", "P1", "V5", "#DIV/0!")
                .write("明细账2024.xlsx");
        IngestOutcome outcome = home.ingestOk(file);
        assertEquals(5, outcome.rowsRead(), "the absent row 6 is blank, not data");
        assertEquals(List.of("9", "支出金额", "#DIV/0!"), home.rejects("明细账2024.xlsx").get(1).subList(0, 3));
        assertEquals(List.of(4, 5, 7, 8), home.query("SELECT source_row FROM ledger_line ORDER BY source_row")
                .stream().map(r -> ((Number) r.get("source_row")).intValue()).toList());
    }

    @Test
    void exactlyTwentyPercentRejectedIsStillIngested() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", ledger(10, Set.of(2, 7))));
        assertEquals(Status.INGESTED, outcome.status(), outcome.message());
        assertEquals(8, home.count("ledger_line"));
        assertEquals(3, home.rejects("明细账2024.csv").size());
    }

    @Test
    void moreThanTwentyPercentRejectedFailsTheWholeFile() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", ledger(10, Set.of(2, 5, 7))));
        assertEquals(Status.FAILED, outcome.status());
        assertEquals(10, outcome.rowsRead());
        assertEquals(3, outcome.rowsRejected());
        assertEquals(0, outcome.rowsIngested());
        assertTrue(outcome.message().contains("明细账2024.csv.rejects.csv"), outcome.message());
        assertEquals(0, home.allRows(), "nothing of the file is stored");
        assertEquals(4, home.rejects("明细账2024.csv").size(), "the rejects file tells which rows to fix");
        var batch = home.batch(outcome.batchId());
        assertEquals("FAILED", batch.get("status"));
        assertEquals(10, batch.get("rows_read"));
        assertEquals(3, batch.get("rows_rejected"));
        assertEquals(0, batch.get("rows_ingested"));
    }

    @Test
    void justOverTwentyPercentFailsToo() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.csv", ledger(4009, firstN(802))));
        assertEquals(Status.FAILED, outcome.status(), "802 / 4009 = 20.005 % is more than 20 %");
        assertEquals(0, home.count("ledger_line"));
    }

    @Test
    void everyDataRowIsEitherStoredOrRejected() throws Exception {
        List<String> lines = new ArrayList<>(List.of(line("标题"), HEADER.replace("\"支出金额\"", "\"凭证日期\",\"支出金额\"")));
        int n = 50; // 10 rejected: exactly the 20 % limit
        for (int i = 0; i < n; i++) {
            String dept = i % 11 == 0 ? "" : "D01";
            String date = i % 13 == 0 ? "2024-02-30" : "2024-03-05";
            String amount = i % 17 == 0 ? "1.2.3" : "1";
            lines.add(line(dept, "P1", "V" + i, date, amount));
            if (i % 10 == 0) {
                lines.add(line("", "", "", "", ""));
            }
        }
        IngestOutcome outcome = home.ingestOk(home.csv("明细账.csv", lines));
        assertEquals(n, outcome.rowsRead());
        assertEquals(outcome.rowsRead(), outcome.rowsIngested() + outcome.rowsRejected());
        assertTrue(outcome.rowsRejected() > 0);

        Set<Integer> stored = new TreeSet<>();
        home.query("SELECT source_row FROM ledger_line").forEach(r -> stored.add(((Number) r.get("source_row")).intValue()));
        List<List<String>> rejects = home.rejects("明细账.csv");
        Set<Integer> rejected = new TreeSet<>();
        rejects.subList(1, rejects.size()).forEach(r -> rejected.add(Integer.parseInt(r.get(0))));
        assertEquals(outcome.rowsIngested(), stored.size());
        assertEquals(outcome.rowsRejected(), rejected.size());
        Set<Integer> disjoint = new TreeSet<>(stored);
        disjoint.retainAll(rejected);
        assertEquals(Set.of(), disjoint, "a row is stored or rejected, never both");

        Set<Integer> dataRows = new TreeSet<>();
        for (int row = 1; row <= lines.size(); row++) {
            String text = lines.get(row - 1);
            if (text.startsWith("\"D01\"") || text.startsWith("\"\",\"P1\"")) {
                dataRows.add(row);
            }
        }
        Set<Integer> all = new TreeSet<>(stored);
        all.addAll(rejected);
        assertEquals(dataRows, all, "every data row accounted for");
    }

    @Test
    void aCorrectedFileWithoutRejectsRemovesTheStaleRejectsFile() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv", ledger(10, Set.of(4))));
        assertTrue(Files.exists(home.rejectsFile("明细账2024.csv")));
        IngestOutcome corrected = home.ingestOk(home.csv("明细账2024.csv", ledger(10, Set.of())));
        assertNull(corrected.rejectsFile());
        assertFalse(Files.exists(home.rejectsFile("明细账2024.csv")));
        assertEquals(10, home.count("ledger_line"));
        try (var files = Files.list(home.rejectsFile("x").getParent())) {
            assertEquals(List.of(), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void cellsThatExcelWouldRunAsFormulasAreDefused() throws Exception {
        List<String> lines = ledger(10, Set.of());
        lines.set(3, line("D01", "=HYPERLINK(\"http://x\")", "V2", "@SUM(1)"));
        home.ingestOk(home.csv("明细账2024.csv", lines));
        List<String> reject = home.rejects("明细账2024.csv").get(1);
        assertEquals("4", reject.get(0));
        assertEquals("'@SUM(1)", reject.get(2));
        assertEquals("'=HYPERLINK(\"http://x\")", reject.get(5));
    }
}
