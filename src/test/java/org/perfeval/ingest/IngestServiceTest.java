package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.ingest.read.FileInspector;
import org.perfeval.model.DeptYear;
import org.perfeval.model.IngestBatch.Status;

/** Whole files through IngestService: file types, encodings, workbooks of several sheets, the dry run. */
class IngestServiceTest extends IngestHomeTest {

    private static final String HEADER = line("单位编码", "项目编码", "凭证号", "支出金额");

    @Test
    void anUnsupportedFileTypeFailsWithoutReadingIt() throws Exception {
        IngestOutcome outcome = home.ingest(home.csv("明细账2024.pdf", HEADER, line("D01", "P1", "V1", "1")));
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("CSV"), outcome.message());
        assertEquals("FAILED", home.batch(outcome.batchId()).get("status"));
        assertEquals(0, home.allRows());
    }

    @Test
    void gb18030AndUtf8WithBomAndTabSeparatedTextAreAllRead() throws Exception {
        home.ingestOk(home.csv("gbk2024.csv", FileInspector.GB18030, HEADER, line("D01", "P1", "记-1", "1")));
        home.ingestOk(home.csv("bom2024.csv", "\uFEFF" + HEADER, line("D01", "P1", "记-2", "2")));
        home.ingestOk(home.csv("tab2024.txt", "单位编码\t项目编码\t凭证号\t支出金额", "D01\tP1\t记-3\t3"));
        assertEquals(List.of("记-1", "记-2", "记-3"), home.query("SELECT voucher_no FROM ledger_line ORDER BY id")
                .stream().map(r -> r.get("voucher_no")).toList());
        assertEquals(600L, home.number("SELECT SUM(amount) FROM ledger_line"));
    }

    private static final String ASCII_LEDGER = """
            kind: ledger
            name: ascii-ledger
            description: a ledger with ASCII labels
            required: [dept_code, project_code, amount]
            fields:
              dept_code: [dept]
              project_code: [project]
              voucher_no: [voucher]
              summary: [memo]
              amount: [amount]
            """;

    /**
     * A ledger in GB18030 whose first 100 kB are ASCII, so that it starts like UTF-8 (beyond the first block the
     * encoding is guessed from, and the first read of the parse): only a layout with ASCII labels allows that.
     * Row 10 has no usable amount.
     */
    private static Path asciiStartGb18030Ledger(TestHome home) throws Exception {
        List<String> lines = new ArrayList<>(List.of("dept,project,voucher,memo,amount"));
        for (int i = 1; i <= 4_000; i++) {
            lines.add("D01,P1,V" + i + ",office," + (i == 9 ? "x" : "1.00"));
        }
        lines.add("D01,P1,V4001,差旅费,2.00");
        Path file = home.csv("ledger2024.csv", FileInspector.GB18030, lines.toArray(String[]::new));
        assertTrue(FileInspector.textEncoding(file).guessed(), "read as UTF-8 first");
        return file;
    }

    /** What {@link IngestService} logs while the action runs. */
    private static List<String> logOf(Executable action) throws Throwable {
        Logger logger = (Logger) LoggerFactory.getLogger(IngestService.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.execute();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static final String READ_AGAIN = "ledger2024.csv: bytes further on are not UTF-8 (SPEC 3.1), so the file is"
            + " GB18030: reading it again";

    /**
     * A text file that is UTF-8 as far as its first block goes is parsed as UTF-8 and hashed on the way; when bytes
     * further on are not UTF-8, the file is GB18030 (SPEC §3.1): what was stored is rolled back and it is read again.
     */
    @Test
    void aTextFileThatIsUtf8OnlyAtItsStartIsReadAgainAsGb18030() throws Throwable {
        TestHome ascii = TestHome.createWithLayout(tmp.resolve("ascii"), "ascii-ledger.yaml", ASCII_LEDGER);
        Path file = asciiStartGb18030Ledger(ascii);

        IngestOutcome[] outcome = new IngestOutcome[1];
        assertEquals(List.of(READ_AGAIN), logOf(() -> outcome[0] = ascii.ingestOk(file)));
        assertEquals(4_000, outcome[0].rowsIngested());
        assertEquals(1, outcome[0].rowsRejected());
        assertEquals(4_000, ascii.count("ledger_line"), "the rows of the first reading are gone");
        assertEquals(2, ascii.rejects("ledger2024.csv").size(), "the header and row 10, once");
        assertEquals("差旅费", ascii.query("SELECT summary FROM ledger_line WHERE voucher_no = 'V4001'").get(0)
                .get("summary"));
        assertEquals(400_100L, ascii.number("SELECT SUM(amount) FROM ledger_line"));
        Map<String, Object> batch = ascii.batch(outcome[0].batchId());
        assertEquals(FileInspector.inspect(file).sha256(), batch.get("sha256"), "hashed as it was read, twice");
        assertEquals(Files.size(file), ((Number) batch.get("file_size")).longValue());
        assertEquals(1L, ascii.number("SELECT COUNT(*) FROM ingest_batch"));
        ascii.assertLedgerSumsMatchLines();
    }

    /** A guessed read that fails before it meets the first byte that is not UTF-8 is read again all the same. */
    @Test
    void aTextFileThatFailsWhileReadAsUtf8IsJudgedAsGb18030() throws Throwable {
        TestHome ascii = TestHome.createWithLayout(tmp.resolve("ascii"), "ascii-ledger.yaml", ASCII_LEDGER,
                "perfeval.ingest.max-rows-per-table = 3000");
        Path file = asciiStartGb18030Ledger(ascii);

        IngestOutcome[] outcome = new IngestOutcome[1];
        assertEquals(List.of(READ_AGAIN), logOf(() -> outcome[0] = ascii.ingest(file)));
        assertEquals(Status.FAILED, outcome[0].status());
        assertTrue(outcome[0].message().contains("3000"), outcome[0].message());
        assertEquals(FileInspector.inspect(file).sha256(), ascii.batch(outcome[0].batchId()).get("sha256"),
                "the whole file's hash, although the read stopped early");
        assertEquals(0, ascii.allRows());
    }

    @Test
    void sheetsOfOneKindAreOneFileAndOtherSheetsArePassedOverWithANote() throws Exception {
        Path file = home.workbook()
                .sheet("说明").row("本表由财务系统导出").row("请勿修改")
                .sheet("1月").row("单位：万元").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V1", 1).row("合计", null, null, 1)
                .sheet("2月").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V2", 2).row("合计", null, null, 2)
                .write("明细账2024.xlsx");
        IngestOutcome outcome = home.ingestOk(file);
        assertEquals(2, outcome.rowsRead());
        assertEquals(1_000_000L + 200L, home.number("SELECT SUM(amount) FROM ledger_line"),
                "each sheet has its own title unit");
        assertEquals(0, home.count("ingest_finding"), "totals are per sheet");
        assertTrue(String.valueOf(home.batch(outcome.batchId()).get("message")).contains("说明"));
        assertEquals(2, ((Number) home.batch(outcome.batchId()).get("header_row")).intValue());
    }

    @Test
    void aSheetCopiedWithinTheWorkbookIsRefusedInsteadOfCountedTwice() throws Exception {
        Path file = home.workbook()
                .sheet("4月明细").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V1", 100).row("D01", "P2", "V2", 250.5)
                .sheet("5月明细").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V3", 100).row("D01", "P2", "V4", 250.5)
                .sheet("4月明细 (2)").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V1", 100).row("D01", "P2", "V2", 250.5, null, "")
                .write("明细账2024年4-5月.xlsx");
        IngestOutcome outcome = home.ingest(file);
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("工作表“4月明细 (2)”与工作表“4月明细”的 2 行数据完全相同")
                && outcome.message().contains("Sheet '4月明细 (2)' holds the same 2 data rows as sheet '4月明细'"),
                outcome.message());
        assertEquals(0, home.count("ledger_line"), "nothing of the file is stored");
    }

    @Test
    void sheetsOfTheSameRowsUnderTitlesOfTwoYearsAreBothRead() throws Exception {
        Path file = home.workbook()
                .sheet("2023年").row("2023年单位基本情况表").row("单位编码", "单位名称", "编制数", "在职人数", "退休人数")
                .row("D01", "某局", 90, 85, 30)
                .sheet("2024年").row("2024年单位基本情况表").row("单位编码", "单位名称", "编制数", "在职人数", "退休人数")
                .row("D01", "某局", 90, 85, 30)
                .write("单位基本情况.xlsx");
        home.ingestOk(file);
        assertEquals(List.of(2023, 2024), home.query("SELECT fiscal_year FROM department_profile ORDER BY fiscal_year")
                .stream().map(r -> ((Number) r.get("fiscal_year")).intValue()).toList());
    }

    @Test
    void aRejectedRowAndAWrongTotalOfAWorkbookNameTheirSheetSinceEverySheetHasTheSameRows() throws Exception {
        Path file = home.workbook()
                .sheet("1月").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V1", 1).row("D01", "P1", "V2", 2).row("D01", "P1", "V3", 3).row("D01", "P1", "V4", 4)
                .row("D01", "P1", "V5", "abc").row("合计", null, null, 10)
                .sheet("2月").row("单位编码", "项目编码", "凭证号", "支出金额")
                .row("D01", "P1", "V6", 1).row("D01", "P1", "V7", 2).row("D01", "P1", "V8", 3).row("D01", "P1", "V9", 4)
                .row("D01", "P1", "V10", 5).row("合计", null, null, 99)
                .write("明细账2024.xlsx");
        IngestOutcome outcome = home.ingestOk(file);
        assertEquals(1, outcome.rowsRejected());
        List<List<String>> rejects = home.rejects("明细账2024.xlsx");
        assertEquals("6", rejects.get(1).get(0));
        assertTrue(rejects.get(1).get(3).startsWith("工作表“1月” / sheet '1月': "), rejects.get(1).get(3));
        String finding = (String) home.one("SELECT message FROM ingest_finding").get("message");
        assertTrue(finding.startsWith("《明细账2024.xlsx》工作表“2月”第7行“合计”"), finding);
    }

    @Test
    void aRejectedRowOfADelimitedFileHasNoSheet() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv", HEADER, "D01,P1,V1,1", "D01,P1,V2,2", "D01,P1,V3,3", "D01,P1,V4,4",
                "D01,P1,V5,abc"));
        String reason = home.rejects("明细账2024.csv").get(1).get(3);
        assertTrue(reason.startsWith("金额无法识别"), reason);
    }

    @Test
    void sheetsOfDifferentKindsAreAFileError() throws Exception {
        Path file = home.workbook()
                .sheet("明细").row("单位编码", "项目编码", "支出金额").row("D01", "P1", 1)
                .sheet("预算").row("单位编码", "项目编码", "年初预算数").row("D01", "P1", 1)
                .write("混合2024.xlsx");
        IngestOutcome outcome = home.ingest(file);
        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("预算"), outcome.message());
        assertEquals(0, home.allRows());
    }

    @Test
    void aCorruptWorkbookIsAFileError() throws Exception {
        Path file = Files.write(tmp.resolve("files").resolve("坏2024.xlsx"), "not a zip".getBytes(StandardCharsets.UTF_8));
        IngestOutcome outcome = home.ingest(file);
        assertEquals(Status.FAILED, outcome.status());
        assertEquals(0, home.allRows());
    }

    @Test
    void outcomeNamesTheDepartmentYearsItTouched() throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv("明细账.csv",
                line("单位编码", "项目编码", "凭证日期", "支出金额"),
                line("D01", "P1", "2024-01-01", "1"),
                line("D02", "P1", "2024-01-01", "1"),
                line("D01", "P1", "2023-12-31", "1"),
                line("D01", "P1", "2024-02-01", "1")));
        assertEquals(Set.of(new DeptYear(2024, "D01"), new DeptYear(2024, "D02"), new DeptYear(2023, "D01")),
                outcome.affected());
        assertTrue(outcome.summary().startsWith("ingested 明细账.csv: kind=ledger layout=ledger rows=4 ingested=4"
                + " rejected=0 in "), outcome.summary());
    }

    @Test
    void theDryRunReportsWhatAnIngestWouldDoAndWritesNothing() throws Exception {
        Path other = tmp.resolve("dry");
        Settings settings = Settings.load(Home.open(other));
        IngestService validator = Services.validator(settings);
        Path file = home.csv("明细账2024.csv",
                line("单位：万元"),
                HEADER,
                line("D01", "P1", "V1", "1"),
                line("D01", "", "V2", "1"),
                line("D01", "P1", "V3", "1"),
                line("D01", "P1", "V4", "1"),
                line("D01", "P1", "V5", "1"),
                line("合计", "", "", "9"),
                line("制表人：王五", "", "审核人：李四"));
        ValidationReport report = validator.validate(file);
        assertTrue(report.acceptable(), report.render());
        assertEquals("ledger", report.kind());
        assertEquals(2, report.headerRow());
        assertEquals("万元", report.unit());
        assertEquals(5, report.dataRows());
        assertEquals(1, report.rejectedRows());
        assertEquals(1, report.totalMismatches());
        assertEquals(1, report.passedOverRows());
        assertTrue(report.render().contains("passed over 跳过: 1\n    跳过非数据行 1 行：表尾签字或说明行 1 行（第 9 行）"),
                report.render());
        assertTrue(report.problems().get(0).contains("4"), report.problems().toString());
        try (Stream<Path> files = Files.walk(other)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "no database, no rejects file");
        }
        assertFalse(Files.exists(home.rejectsFile("明细账2024.csv")));

        ValidationReport bad = validator.validate(home.csv("坏2024.csv", line("甲", "乙"), line("1", "2")));
        assertFalse(bad.acceptable());
        assertTrue(bad.render().contains("NOT ACCEPTABLE"), bad.render());
    }

    @Test
    void theDryRunOfAFileWithTooManyBadRowsPointsToItsOwnListNotToARejectsFileItNeverWrites() throws Exception {
        IngestService validator = Services.validator(Settings.load(Home.open(tmp.resolve("dry"))));
        ValidationReport report = validator.validate(home.csv("明细账2024.csv",
                HEADER,
                line("D01", "P1", "V1", "abc"),
                line("D01", "P1", "V2", "1"),
                line("合计", "", "", "5")));
        assertFalse(report.acceptable());
        assertTrue(report.fileProblem().contains("各行原因列在下面") && report.fileProblem().contains("listed below"),
                report.fileProblem());
        assertFalse(report.fileProblem().contains("outbox"), report.fileProblem());
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("《明细账2024.csv》第4行“合计”")),
                report.problems().toString());
    }

    /** The reader gives a formula saved without a value as this text (XlsxTableReaderTest); no column may take it. */
    @Test
    void aRowWithAnUncalculatedFormulaInATextColumnIsRejected() throws Exception {
        String uncalculated = org.perfeval.ingest.read.WorkbookCells.UNCALCULATED + "\"12\"&\"次\"";
        TestHome.Workbook workbook = home.workbook().sheet("绩效目标")
                .row("单位编码", "项目编码", "一级指标", "三级指标", "年度指标值", "实际完成值")
                .row("D01", "P1", "产出指标", "培训次数", uncalculated, "12次");
        for (int p = 2; p <= 10; p++) { // few enough rejected rows for the file to be stored
            workbook.row("D01", "P" + p, "产出指标", "培训人数", "≥100人", "120人");
        }
        IngestOutcome outcome = home.ingestOk(workbook.write("绩效目标2024.xlsx"));

        assertEquals(1, outcome.rowsRejected());
        assertEquals(0, home.number("SELECT COUNT(*) FROM indicator WHERE project_code = 'P1'"));
        assertEquals(9, home.count("indicator"));
        List<String> rejected = home.rejects("绩效目标2024.xlsx").get(1);
        assertTrue(rejected.contains(uncalculated), rejected::toString);
        assertTrue(rejected.stream().anyMatch(c -> c.contains("“年度指标值”是未计算的公式，没有值")), rejected::toString);
    }

    /** SPEC §3.3 takes the 会计年度 column over the date; lines it moves to another year are counted and named. */
    @Test
    void ledgerLinesWhoseFiscalYearIsNotTheirDatesYearAreAFinding() throws Throwable {
        String header = line("单位编码", "会计年度", "凭证日期", "凭证号", "项目编码", "支出金额");
        Path file = home.csv("支出明细2024年5月.csv", header,
                line("D01", "2024", "2024-05-03", "记-1", "P1", "100"),
                line("D01", "2023", "2024-05-08", "记-2", "P1", "40"),
                line("D01", "2023", "2024-05-09", "记-3", "P2", "2"));
        List<String> log = logOf(() -> home.ingestOk(file));

        assertEquals(List.of(Map.of("fiscal_year", 2023, "n", 2), Map.of("fiscal_year", 2024, "n", 1)),
                home.query("SELECT fiscal_year, COUNT(*) n FROM ledger_line GROUP BY fiscal_year ORDER BY fiscal_year"),
                "stored by the column, as the spec says");
        Map<String, Object> finding = home.one("SELECT code, severity, source_row, message FROM ingest_finding");
        assertEquals("YEAR_DATE_MISMATCH", finding.get("code"));
        assertEquals("warning", finding.get("severity"));
        assertEquals(3, ((Number) finding.get("source_row")).intValue());
        assertEquals("《支出明细2024年5月.csv》中有2行明细的会计年度与凭证日期的年份不同（如第3行：会计年度2023，凭证日期2024-05-08），"
                + "这些明细按会计年度（而非凭证日期）计入相应年度。如会计年度填写有误，请在财务系统中更正后以同名文件重新放入 inbox",
                finding.get("message"));
        assertTrue(log.stream().anyMatch(l -> l.startsWith(finding.get("message") + "。 2 line(s) of '支出明细2024年5月.csv'"
                + " have a fiscal year other than their voucher date's (such as row 3: 2023, dated 2024-05-08)")), log::toString);

        IngestService validator = Services.validator(Settings.load(Home.open(tmp.resolve("dry"))));
        ValidationReport report = validator.validate(file);
        assertTrue(report.acceptable(), report.render());
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("《支出明细2024年5月.csv》中有2行明细的会计年度")),
                report.problems().toString());

        home.ingestOk(home.csv("支出明细2024年6月.csv", header, line("D01", "2024", "2024-06-03", "记-9", "P1", "5")));
        assertEquals(1, home.count("ingest_finding"), "a file whose years agree with its dates says nothing");
    }

    /** Every line of the year typed wrong: corrected as the finding asks, the file shares no year with the first. */
    @Test
    void aFileWhoseYearsContradictedItsDatesIsCorrectedUnderItsNameThoughNoYearIsLeftInCommon() throws Exception {
        String header = line("单位编码", "会计年度", "凭证日期", "凭证号", "项目编码", "支出金额");
        IngestOutcome wrong = home.ingestOk(home.csv("支出明细账.csv", header,
                line("D01", "2023", "2024-05-08", "记-2", "P1", "40"),
                line("D01", "2023", "2024-05-09", "记-3", "P2", "2")));
        assertEquals(1, home.count("ingest_finding"));
        home.ingestOk(home.csv("支出明细账.csv", header,
                line("D01", "2024", "2024-05-08", "记-2", "P1", "40"),
                line("D01", "2024", "2024-05-09", "记-3", "P2", "2")));
        assertEquals("REPLACED", home.batch(wrong.batchId()).get("status"));
        assertEquals(0, home.number("SELECT COUNT(*) FROM ledger_line WHERE fiscal_year = 2023"), "nothing left in 2023");
        assertEquals(4_200L, home.number("SELECT SUM(amount) FROM ledger_line WHERE fiscal_year = 2024"));
        assertEquals(0, home.count("ingest_finding"), "the finding went with the file it was about");
    }

    /** Only an earlier file whose years were in doubt: another year's export of the same name is kept (ExactlyOnceTest). */
    @Test
    void aFileOfAnotherYearUnderTheSameNameIsStillKeptWhenItsYearsAgreedWithItsDates() throws Exception {
        String header = line("单位编码", "会计年度", "凭证日期", "凭证号", "项目编码", "支出金额");
        home.ingestOk(home.csv("支出明细账.csv", header, line("D01", "2023", "2023-05-03", "记-1", "P1", "100")));
        home.ingestOk(home.csv("支出明细账.csv", header, line("D01", "2024", "2024-05-03", "记-1", "P1", "200")));
        assertEquals(2, home.count("ledger_line"));
    }

    @Test
    void largeLedgerIsStoredCompletely() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(HEADER);
        for (int i = 1; i <= 11_000; i++) { // more than two database flushes
            lines.add("D01,P" + (i % 9) + ",V" + i + "," + (i % 100) + "." + (i % 10) + "1");
        }
        IngestOutcome outcome = home.ingestOk(home.csv("明细账2024.csv", lines));
        assertEquals(11_000, outcome.rowsIngested());
        long expected = 0;
        for (int i = 1; i <= 11_000; i++) {
            expected += (i % 100) * 100L + (i % 10) * 10L + 1;
        }
        Map<String, Object> sums = home.one("SELECT COUNT(*) n, SUM(amount) s, MIN(source_row) lo, MAX(source_row) hi"
                + " FROM ledger_line");
        assertEquals(11_000, ((Number) sums.get("n")).intValue());
        assertEquals(expected, ((Number) sums.get("s")).longValue());
        assertEquals(2, ((Number) sums.get("lo")).intValue());
        assertEquals(11_001, ((Number) sums.get("hi")).intValue());
        home.assertLedgerSumsMatchLines();
    }
}
