package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.aggregate.Aggregator;
import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;
import org.perfeval.ingest.read.FileInspector;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;
import org.perfeval.model.IngestBatch;
import org.perfeval.model.IngestBatch.Status;

/** SPEC §3.6: repeated and corrected exports are stored exactly once; SPEC §4 lineage and batches. */
class ExactlyOnceTest {

    private static final DeptYear D01 = new DeptYear(2024, "D01");
    private static final String LEDGER_HEADER = line("单位编码", "凭证日期", "凭证号", "项目编码", "经济分类", "支出金额");

    @TempDir
    Path tmp;
    TestHome home;
    FiguresStore figures;

    /** The home the tests run in: SQLite here, PostgreSQL in {@link ExactlyOnceOnPostgresTest}. */
    TestHome newHome(Path dir) throws Exception {
        return TestHome.create(dir);
    }

    @BeforeEach
    void setUp() throws Exception {
        home = newHome(tmp);
        figures = new FiguresStore(home.services().database());
    }

    @AfterEach
    void ledgerSumsFollowTheLines() throws Exception {
        if (home != null) { // null when the home could not be made (no PostgreSQL server: the tests are skipped)
            home.assertLedgerSumsMatchLines();
        }
    }

    private Path ledger(String name, String... rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(LEDGER_HEADER);
        lines.addAll(List.of(rows));
        return home.csv(name, lines);
    }

    private static String entry(String dept, String date, String voucher, String project, String amount) {
        return line(dept, date, voucher, project, "30201", amount);
    }

    private long spent(String project) throws Exception {
        return home.number("SELECT SUM(amount) FROM ledger_line WHERE dept_code='D01' AND project_code=?", project);
    }

    private ProjectFigures project(DeptYear key, String code) throws Exception {
        DepartmentFigures f = new Aggregator("一般公共预算").aggregate(key, figures.budgetLines(key),
                figures.ledgerSums(key), figures.profile(key));
        return f.projects().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ same bytes

    @Test
    void theSameBytesTwiceAreADuplicateAndNothingDoubles() throws Exception {
        Path file = ledger("明细账2024.csv",
                entry("D01", "2024-01-05", "V1", "P1", "100"),
                entry("D01", "2024-01-06", "", "P1", "5"));
        IngestOutcome first = home.ingestOk(file);
        IngestOutcome again = home.ingest(file);
        assertEquals(Status.DUPLICATE, again.status());
        assertNotEquals(first.batchId(), again.batchId());
        assertEquals(0, again.rowsIngested());
        assertEquals(Set.of(), again.affected(), "a duplicate changes no report");
        assertEquals(2, home.count("ledger_line"), "lines without voucher_no are not doubled either");
        assertEquals(10_500L, spent("P1"));

        Map<String, Object> dup = home.batch(again.batchId());
        assertEquals("DUPLICATE", dup.get("status"));
        assertEquals(home.batch(first.batchId()).get("sha256"), dup.get("sha256"));
        assertEquals("INGESTED", home.batch(first.batchId()).get("status"), "the original stays in force");
    }

    @Test
    void theSameBytesUnderAnotherNameAreADuplicateToo() throws Exception {
        home.ingestOk(ledger("明细账2024.csv", entry("D01", "2024-01-05", "", "P1", "100")));
        IngestOutcome copy = home.ingest(ledger("明细账2024 - 副本.csv", entry("D01", "2024-01-05", "", "P1", "100")));
        assertEquals(Status.DUPLICATE, copy.status());
        assertTrue(copy.message().contains("明细账2024.csv"), copy.message());
        assertEquals(1, home.count("ledger_line"));
    }

    @Test
    void aFileOfTheSameSizeAsAStoredOneButOtherBytesIsStoredWithItsOwnHashAndSize() throws Exception {
        Path first = ledger("明细账2024.csv", entry("D01", "2024-01-05", "V1", "P1", "100"));
        Path second = ledger("明细账2024 二.csv", entry("D01", "2024-01-05", "V2", "P1", "200"));
        assertEquals(Files.size(first), Files.size(second));
        for (Path file : List.of(first, second)) {
            Map<String, Object> batch = home.batch(home.ingestOk(file).batchId());
            assertEquals(FileInspector.inspect(file).sha256(), batch.get("sha256"));
            assertEquals(Files.size(file), ((Number) batch.get("file_size")).longValue());
        }
        assertEquals(30_000L, spent("P1"));
    }

    /** Without a stored size the same bytes are not recognised before the read, but still before the commit. */
    @Test
    void theSameBytesAsAFileStoredBeforeSizesWereKeptAreADuplicateToo() throws Exception {
        Path file = ledger("明细账2024.csv", entry("D01", "2024-01-05", "V1", "P1", "100"),
                entry("D01", "2024-01-06", "", "P1", "5"));
        IngestOutcome first = home.ingestOk(file);
        assertEquals(1, home.update("UPDATE ingest_batch SET file_size = NULL"), "as schema version 4 left it");
        IngestOutcome copy = home.ingest(ledger("明细账2024 - 副本.csv", entry("D01", "2024-01-05", "V1", "P1", "100"),
                entry("D01", "2024-01-06", "", "P1", "5")));
        assertEquals(Status.DUPLICATE, copy.status());
        assertTrue(copy.message().contains("明细账2024.csv"), copy.message());
        assertEquals(home.batch(first.batchId()).get("sha256"), home.batch(copy.batchId()).get("sha256"));
        assertEquals(2, home.count("ledger_line"));
        assertEquals(10_500L, spent("P1"));
        assertEquals("INGESTED", home.batch(first.batchId()).get("status"));
    }

    /** Such a copy's rejects are those of the file stored before, and stay with it alone. */
    @Test
    void aCopyRecognisedOnlyAtCommitLeavesNoRejectsFile() throws Exception {
        String[] rows = {entry("D01", "2024-01-05", "V1", "P1", "100"), entry("D01", "2024-01-05", "V2", "P1", "100"),
                entry("D01", "2024-01-05", "V3", "P1", "100"), entry("D01", "2024-01-05", "V4", "P1", "100"),
                entry("D01", "2024-01-06", "V5", "P1", "x")};
        home.ingestOk(ledger("明细账2024.csv", rows));
        home.update("UPDATE ingest_batch SET file_size = NULL");
        IngestOutcome copy = home.ingest(ledger("明细账2024 - 副本.csv", rows));
        assertEquals(Status.DUPLICATE, copy.status());
        assertTrue(Files.exists(home.rejectsFile("明细账2024.csv")));
        assertFalse(Files.exists(home.rejectsFile("明细账2024 - 副本.csv")));
    }

    // ------------------------------------------------------------------ corrections

    @Test
    void aCorrectedFileOfTheSameNameReplacesEverythingTheEarlierOneContributed() throws Exception {
        String header = line("单位编码", "项目编码", "年初预算数", "全年预算数");
        IngestOutcome first = home.ingestOk(home.csv("预算2024.csv", header,
                line("D01", "P001", "100", "100"),
                line("D01", "P002", "200", "200"),
                line("D01", "P003", "300", "300"),
                line("D02", "P009", "900", "900"),
                line("合计", "", "1500", "9999")));
        assertEquals(1, home.count("ingest_finding"));

        IngestOutcome corrected = home.ingestOk(home.csv("预算2024.csv", header,
                line("D01", "P001", "150", "150"),
                line("D01", "P002", "200", "200")));

        assertEquals(List.of("P001", "P002"), home.query("SELECT project_code FROM budget_line ORDER BY project_code")
                .stream().map(r -> r.get("project_code")).toList(), "P003 and D02's P009 are gone with the old file");
        assertEquals(0, home.number("SELECT COUNT(*) FROM budget_line WHERE batch_id = ?", first.batchId()));
        assertEquals(0, home.count("ingest_finding"), "the old file's findings went with it");
        assertEquals(15_000L, home.number("SELECT budget_final FROM budget_line WHERE project_code='P001'"));
        assertEquals("REPLACED", home.batch(first.batchId()).get("status"));
        assertEquals("已被同名的更正文件（批次 " + corrected.batchId() + "）替换。 Replaced by batch " + corrected.batchId()
                + ", a corrected file of the same name.", home.batch(first.batchId()).get("message"));
        assertEquals("INGESTED", home.batch(corrected.batchId()).get("status"));
        assertTrue(corrected.affected().contains(new DeptYear(2024, "D02")),
                "D02 lost its rows, so its report must be regenerated: " + corrected.affected());
    }

    @Test
    void aFileOfTheSameNameWithRowsOfOtherYearsOnlyIsNoCorrection() throws Exception {
        // finance systems export under one default name year after year
        IngestOutcome y2023 = home.ingestOk(ledger("支出明细账.csv", entry("D01", "2023-05-01", "V1", "P1", "100"),
                entry("D01", "2023-05-02", "V2", "P1", "x"), entry("D01", "2023-05-03", "V3", "P1", "0"),
                entry("D01", "2023-05-04", "V4", "P1", "0"), entry("D01", "2023-05-05", "V5", "P1", "0"),
                entry("D01", "2023-05-06", "V6", "P1", "0")));
        assertEquals(1, y2023.rowsRejected());
        Path rejects2023 = home.rejectsFile("支出明细账.csv");
        String list2023 = java.nio.file.Files.readString(rejects2023);
        IngestOutcome y2024 = home.ingestOk(ledger("支出明细账.csv", entry("D01", "2024-05-01", "V1", "P1", "200")));
        assertEquals("INGESTED", home.batch(y2023.batchId()).get("status"), "2023 is no earlier version of 2024");
        assertEquals(list2023, java.nio.file.Files.readString(rejects2023), "2023's rows to correct are still listed");
        assertEquals(10_000L, home.number("SELECT SUM(amount) FROM ledger_line WHERE fiscal_year = 2023"));
        assertEquals(20_000L, home.number("SELECT SUM(amount) FROM ledger_line WHERE fiscal_year = 2024"));
        assertEquals(java.util.Set.of(new DeptYear(2024, "D01")), y2024.affected(), "2023's report is untouched");

        // a correction of 2024 under that name replaces the 2024 file only
        IngestOutcome fixed = home.ingestOk(ledger("支出明细账.csv", entry("D01", "2024-05-01", "V1", "P1", "250")));
        assertEquals("REPLACED", home.batch(y2024.batchId()).get("status"));
        assertEquals("INGESTED", home.batch(y2023.batchId()).get("status"));
        assertEquals(35_000L, spent("P1"));

        // a file with rows of both years is a correction of each file it shares a year with
        String header = line("年度", "单位编码", "项目编码", "年初预算数", "全年预算数");
        IngestOutcome budget2023 = home.ingestOk(home.csv("预算指标.csv", header, line(2023, "D01", "P1", "100", "100")));
        IngestOutcome both = home.ingestOk(home.csv("预算指标.csv", header, line(2023, "D01", "P1", "110", "110"),
                line(2024, "D01", "P1", "300", "300")));
        assertEquals("REPLACED", home.batch(budget2023.batchId()).get("status"));
        assertEquals(List.of(Map.of("fiscal_year", "2023", "budget_final", "11000"), Map.of("fiscal_year", "2024",
                "budget_final", "30000")), home.query("SELECT fiscal_year, budget_final FROM budget_line ORDER BY fiscal_year")
                .stream().map(r -> Map.of("fiscal_year", String.valueOf(r.get("fiscal_year")), "budget_final",
                        String.valueOf(r.get("budget_final")))).toList());
        assertEquals("INGESTED", home.batch(both.batchId()).get("status"));
        assertEquals("INGESTED", home.batch(fixed.batchId()).get("status"));
    }

    /** Every department of a bureau sends a profile and a ledger under the same standard names. */
    @Test
    void aFileOfTheSameNameWithRowsOfOtherDepartmentsOnlyIsNoCorrection() throws Exception {
        String header = line("年度", "单位编码", "单位名称", "在职人数", "离退休人数", "编制人数");
        IngestOutcome d01 = home.ingestOk(home.csv("2024年单位基本情况.csv", header, line(2024, "D01", "甲局", 88, 33, 90)));
        IngestOutcome d02 = home.ingestOk(home.csv("2024年单位基本情况.csv", header, line(2024, "D02", "乙局", 20, 5, 25)));
        assertEquals("INGESTED", home.batch(d01.batchId()).get("status"), "D02's profile is no correction of D01's");
        assertEquals(List.of("D01", "D02"), home.query("SELECT dept_code FROM department_profile ORDER BY dept_code")
                .stream().map(r -> r.get("dept_code")).toList());
        assertEquals(java.util.Set.of(new DeptYear(2024, "D02")), d02.affected(), "D01's report is untouched");

        home.ingestOk(ledger("支出明细账.csv", entry("D01", "2024-05-01", "V1", "P1", "100")));
        home.ingestOk(ledger("支出明细账.csv", entry("D02", "2024-05-01", "V1", "P1", "200")));
        assertEquals(10_000L, spent("P1"), "D01's ledger stays");

        // a correction of D02's profile under that name replaces D02's file only
        home.ingestOk(home.csv("2024年单位基本情况.csv", header, line(2024, "D02", "乙局", 21, 5, 25)));
        assertEquals("REPLACED", home.batch(d02.batchId()).get("status"));
        assertEquals("INGESTED", home.batch(d01.batchId()).get("status"));
        assertEquals(List.of(Map.of("d", "D01", "n", "88"), Map.of("d", "D02", "n", "21")), home.query(
                "SELECT dept_code, staff_active FROM department_profile ORDER BY dept_code").stream().map(r -> Map.of(
                        "d", String.valueOf(r.get("dept_code")), "n", String.valueOf(r.get("staff_active")))).toList());
    }

    @Test
    void aCorrectedLedgerReplacesEvenLinesWithoutVoucherNumbers() throws Exception {
        home.ingestOk(ledger("明细账2024.csv",
                entry("D01", "2024-01-05", "", "P1", "100"),
                entry("D01", "2024-01-06", "", "P1", "200")));
        home.ingestOk(ledger("明细账2024.csv",
                entry("D01", "2024-01-05", "", "P1", "100"),
                entry("D01", "2024-01-06", "", "P1", "250")));
        assertEquals(2, home.count("ledger_line"));
        assertEquals(35_000L, spent("P1"));
    }

    @Test
    void anOlderCumulativeExportDroppedAgainIsADuplicateAndBringsNothingBack() throws Exception {
        Path q1 = ledger("明细账2024年1-3月.csv", entry("D01", "2024-02-01", "V2", "P1", "200"));
        home.ingestOk(q1);
        home.ingestOk(ledger("明细账2024年1-4月.csv", entry("D01", "2024-02-01", "V2", "P1", "250")));
        assertEquals(Status.DUPLICATE, home.ingest(q1).status());
        assertEquals(25_000L, spent("P1"), "V2 keeps the newer amount");
    }

    @Test
    void theOriginalOfACorrectedFileDroppedAgainIsADuplicate() throws Exception {
        Path original = tmp.resolve("original.csv");
        Path v1 = ledger("明细账2024.csv", entry("D01", "2024-02-01", "V1", "P1", "200"));
        java.nio.file.Files.copy(v1, original);
        home.ingestOk(v1);
        home.ingestOk(ledger("明细账2024.csv", entry("D01", "2024-02-01", "V1", "P1", "250")));
        java.nio.file.Files.copy(original, v1, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        IngestOutcome again = home.ingest(v1);
        assertEquals(Status.DUPLICATE, again.status(), "SPEC §3.6: bytes already ingested are not ingested again");
        assertEquals(25_000L, spent("P1"), "the correction stays in force");
    }

    @Test
    void aFailedCorrectionLeavesTheEarlierFileInForce() throws Exception {
        IngestOutcome first = home.ingestOk(ledger("明细账2024.csv",
                entry("D01", "2024-01-05", "V1", "P1", "100")));
        IngestOutcome failed = home.ingest(ledger("明细账2024.csv",
                entry("D01", "2024-01-05", "V1", "", "120")));
        assertEquals(Status.FAILED, failed.status());
        assertEquals("INGESTED", home.batch(first.batchId()).get("status"));
        assertEquals(10_000L, spent("P1"));
    }

    // ------------------------------------------------------------------ ledger: the voucher is the unit

    @Test
    void cumulativeLedgerExportsNeverDoubleCount() throws Exception {
        IngestOutcome q1 = home.ingestOk(ledger("明细账2024年1-3月.csv",
                entry("D01", "2024-01-05", "V1", "P1", "100"),
                entry("D01", "2024-01-05", "V1", "P2", "50"),
                entry("D01", "2024-02-01", "V2", "P1", "200"),
                entry("D01", "2024-03-01", "V3", "P1", "300"),
                entry("D01", "2024-03-02", "", "P3", "10"),
                entry("D02", "2024-03-03", "V2", "P1", "7"),
                entry("D01", "2023-12-31", "V2", "P1", "9")));
        IngestOutcome q2 = home.ingestOk(ledger("明细账2024年1-4月.csv",
                entry("D01", "2024-01-05", "V1", "P1", "100"),
                entry("D01", "2024-02-01", "V2", "P1", "250"),
                entry("D01", "2024-03-01", "V3", "P1", "300"),
                entry("D01", "2024-03-02", "", "P3", "10"),
                entry("D01", "2024-04-01", "V4", "P1", "400")));

        List<Map<String, Object>> vouchers = home.query("SELECT voucher_no, COUNT(*) n, SUM(amount) s, MIN(batch_id) b"
                + " FROM ledger_line WHERE dept_code='D01' AND fiscal_year=2024 AND voucher_no IS NOT NULL"
                + " GROUP BY voucher_no ORDER BY voucher_no");
        assertEquals(4, vouchers.size());
        for (Map<String, Object> v : vouchers) {
            assertEquals(q2.batchId(), ((Number) v.get("b")).longValue(), "voucher lines come from the newest file: " + v);
        }
        assertEquals(1, ((Number) vouchers.get(0).get("n")).intValue(), "V1's P2 line is gone with the old V1");
        assertEquals(25_000L, ((Number) vouchers.get(1).get("s")).longValue(), "V2's changed amount");
        assertEquals(0, spent("P2"));
        assertEquals(105_000L, home.number("SELECT SUM(amount) FROM ledger_line WHERE dept_code='D01'"
                + " AND fiscal_year=2024 AND project_code='P1'"), "100 + 250 + 300 + 400, once each");

        assertEquals(2, home.number("SELECT COUNT(*) FROM ledger_line WHERE voucher_no IS NULL"),
                "lines without voucher_no are never de-duplicated across files");
        assertEquals(700L, home.number("SELECT amount FROM ledger_line WHERE dept_code='D02'"),
                "the same voucher number in another department is another voucher");
        assertEquals(900L, home.number("SELECT amount FROM ledger_line WHERE fiscal_year=2023"),
                "… and in another year too");
        assertEquals("INGESTED", home.batch(q1.batchId()).get("status"), "a different file name is not a correction");
        assertEquals(0, home.count("ingest_finding"), "a cumulative export's vouchers keep their months");
    }

    /** 用友 and 金蝶 number vouchers anew each month: monthly files then share numbers, as §3.6 does not foresee. */
    @Test
    void aVoucherReplacedByOneOfTheSameNumberInAnotherMonthIsAFinding() throws Exception {
        home.ingestOk(ledger("明细账2024年1月.csv",
                entry("D01", "2024-01-05", "记-1", "P1", "100"),
                entry("D01", "2024-01-09", "记-2", "P1", "50"),
                entry("D01", "2024-01-20", "记-3", "P1", "30")));
        IngestOutcome february = home.ingestOk(ledger("明细账2024年2月.csv",
                entry("D01", "2024-02-03", "记-1", "P1", "70"),
                entry("D01", "2024-02-04", "记-2", "P1", "20")));

        assertEquals(12_000L, spent("P1"), "replaced as §3.6 says: 70 + 20 + 30");
        List<FiguresStore.FileFinding> findings = figures.fileFindings(D01);
        assertEquals(1, findings.size(), findings::toString);
        FiguresStore.FileFinding finding = findings.get(0);
        assertEquals("VOUCHER_NUMBER_REUSED", finding.code());
        assertEquals("明细账2024年2月.csv", finding.fileName());
        assertEquals("《明细账2024年2月.csv》中有2个凭证号与较早文件《明细账2024年1月.csv》中另一月份的凭证相同（如凭证号“记-1”：本文件为"
                + "2024年2月，《明细账2024年1月.csv》为2024年1月），按“同一凭证以较新文件为准”的规则，《明细账2024年1月.csv》中这些凭证的"
                + "明细行已被替换，其支出不再计入。如果财务系统每月重新编号凭证，请导出全年一个文件，或让凭证号包含月份（如“01-记-1”）后重新放入"
                + " inbox", finding.message());
        assertEquals(february.batchId(), home.number("SELECT batch_id FROM ingest_finding"));

        // a cumulative export of both months holds every voucher it replaces: nothing is lost, nothing to say
        IngestOutcome both = home.ingestOk(ledger("明细账2024年1-2月.csv",
                entry("D01", "2024-01-05", "记-1", "P1", "100"),
                entry("D01", "2024-01-09", "记-2", "P1", "50"),
                entry("D01", "2024-01-20", "记-3", "P1", "30"),
                entry("D01", "2024-02-03", "记-1", "P1", "70"),
                entry("D01", "2024-02-04", "记-2", "P1", "20")));
        assertEquals(27_000L, spent("P1"));
        assertEquals(0, home.number("SELECT COUNT(*) FROM ingest_finding WHERE batch_id = ?", both.batchId()));
        // and the February file, whose lines it replaced all, no longer says that January's were lost
        assertEquals(List.of(), figures.fileFindings(D01));
    }

    @Test
    void vouchersAreReplacedIndependentlyOfTheirOrderOrSplit() throws Exception {
        home.ingestOk(ledger("a2024.csv",
                entry("D01", "2024-01-05", "记-001", "P1", "100"),
                entry("D01", "2024-01-05", "记-001", "P1", "100")));
        home.ingestOk(ledger("b2024.csv",
                entry("D01", "2024-01-05", "记-002", "P1", "1"),
                entry("D01", "2024-01-05", "记-001", "P1", "60"),
                entry("D01", "2024-01-05", "记-001", "P1", "40")));
        assertEquals(2, home.number("SELECT COUNT(*) FROM ledger_line WHERE voucher_no='记-001'"),
                "both lines of the new voucher stay: a file never replaces its own lines");
        assertEquals(10_100L, spent("P1"));
    }

    @Test
    void chainsOfCorrectionsAndVoucherReplacementsKeepTheReportsLedgerExact() throws Exception {
        home.ingestOk(ledger("a2024.csv",
                entry("D01", "2024-01-05", "V1", "P1", "100"),
                line("D01", "2024-01-05", "V1", "P1", "", "5"),
                line("D01", "2024-01-06", "V2", "P2", "30101", "200"),
                entry("D01", "2024-01-07", "", "P1", "7")));
        home.ingestOk(ledger("b2024.csv",
                entry("D01", "2024-01-05", "V1", "P1", "120"),
                entry("D01", "2024-01-08", "V3", "P3", "50")));
        home.assertLedgerSumsMatchLines();
        home.ingestOk(ledger("a2024.csv",
                line("D01", "2024-01-06", "V2", "P2", "30101", "210"),
                entry("D01", "2024-01-05", "V1", "P1", "130"),
                entry("D01", "2024-01-07", "", "P1", "8")));
        home.assertLedgerSumsMatchLines();
        home.ingestOk(ledger("b2024.csv", entry("D01", "2024-01-08", "V3", "P3", "55")));
        home.ingestOk(ledger("c2024.csv", line("D01", "2024-01-06", "V2", "P2", "30101", "300")));

        assertEquals(13_800L, spent("P1"), "V1 130 from the corrected a, plus its 8 without voucher");
        assertEquals(30_000L, spent("P2"), "V2 from c");
        assertEquals(5_500L, spent("P3"), "V3 from the corrected b");
        Map<String, BigDecimal> perProject = new java.util.TreeMap<>();
        for (FiguresStore.LedgerSum sum : figures.ledgerSums(D01)) {
            perProject.merge(sum.projectCode(), sum.amount(), BigDecimal::add);
        }
        assertEquals(Map.of("P1", new BigDecimal("138.00"), "P2", new BigDecimal("300.00"),
                "P3", new BigDecimal("55.00")), perProject, "what the report reads");
    }

    // ------------------------------------------------------------------ budget per project

    @Test
    void anAdjustmentFileThatReplacesInitialBudgetsSaysSo() throws Exception {
        String header = line("单位编码", "项目编码", "项目名称", "指标类型", "金额");
        home.ingestOk(home.csv("预算指标2024.csv", header,
                line("D01", "P001", "设备", "年初预算", "1000"),
                line("D01", "P002", "维修", "年初预算", "500"),
                line("D01", "P002", "维修", "上年结转", "20"),
                line("D01", "P003", "培训", "年初预算", "300"),
                line("D02", "P001", "别的单位", "年初预算", "70")));
        IngestOutcome adjustments = home.ingestOk(home.csv("预算调整指标2024.csv", header,
                line("D02", "P001", "别的单位", "年初预算", "70"),
                line("D01", "P001", "设备", "追加", "200"),
                line("D01", "P002", "维修", "调减", "50"),
                line("D01", "P003", "培训", "年初预算", "300"),
                line("D01", "P003", "培训", "追加", "30"),
                line("D01", "P004", "新增", "追加", "80")));

        List<Map<String, Object>> findings = home.query("SELECT code, message FROM ingest_finding WHERE batch_id = ?",
                adjustments.batchId());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("INITIAL_BUDGET_REPLACED", findings.get(0).get("code"));
        // P001 and P002 lost 1,520 yuan of initial budget and carry-over; P003 restates its own, P004 had none
        assertEquals("《预算调整指标2024.csv》中有2个项目（如“P001”）没有年初预算和上年结转，按“同一项目以较新文件的预算为准”的规则，"
                + "替换了较早文件《预算指标2024.csv》等中这些项目共0.15万元的年初预算和上年结转，它们现在按年中追加计算。"
                + "如果本文件只是追加调整指标，请导出包含年初预算和调整数的完整预算指标文件后重新放入 inbox",
                findings.get(0).get("message"));
        assertEquals(new BigDecimal("0.00"), project(D01, "P001").budgetInitial(), "SPEC §3.6 still applies");
        assertEquals(List.of("INITIAL_BUDGET_REPLACED"), figures.fileFindings(D01).stream()
                .map(FiguresStore.FileFinding::code).toList());
        assertEquals(List.of(), figures.fileFindings(new DeptYear(2024, "D02")), "D02's P001 kept its initial budget");

        // the whole budget again: nothing to say
        IngestOutcome whole = home.ingestOk(home.csv("预算指标2024（全年）.csv", header,
                line("D01", "P001", "设备", "年初预算", "1000"), line("D01", "P001", "设备", "追加", "200")));
        assertEquals(0, home.number("SELECT COUNT(*) FROM ingest_finding WHERE batch_id = ?", whole.batchId()));

        // an adjustment file exported under the whole budget's name replaces it as a correction, and says so too
        IngestOutcome sameName = home.ingestOk(home.csv("预算指标2024（全年）.csv", header,
                line("D01", "P001", "设备", "追加", "50")));
        assertEquals("INITIAL_BUDGET_REPLACED", home.query("SELECT code FROM ingest_finding WHERE batch_id = ?",
                sameName.batchId()).get(0).get("code"));
    }

    @Test
    void aLaterBudgetExecutionReportReplacesTheAllocationsOfItsProjects() throws Exception {
        home.ingestOk(home.csv("预算指标2024.csv",
                line("单位编码", "项目编码", "项目名称", "指标类型", "金额"),
                line("D01", "P001", "设备", "年初预算", "1000"),
                line("D01", "P001", "设备", "追加", "200"),
                line("D01", "P002", "维修", "年初预算", "500"),
                line("D02", "P001", "别的单位", "年初预算", "7")));
        IngestOutcome report = home.ingestOk(home.csv("预算执行情况2024.csv",
                line("单位编码", "项目编码", "项目名称", "年初预算数", "调整数", "全年预算数", "全年执行数"),
                line("D01", "P001", "设备", "1000", "200", "1200", "900")));

        List<Map<String, Object>> p001 = home.query("SELECT * FROM budget_line WHERE dept_code='D01' AND project_code='P001'");
        assertEquals(1, p001.size());
        assertEquals(report.batchId(), ((Number) p001.get(0).get("batch_id")).longValue());
        assertEquals(2, home.number("SELECT COUNT(*) FROM budget_line WHERE project_code='P002' OR dept_code='D02'"),
                "other projects and departments keep their rows");

        ProjectFigures f = project(D01, "P001");
        assertEquals(new BigDecimal("1200.00"), f.budgetFinal(), "not doubled");
        assertEquals(new BigDecimal("1000.00"), f.budgetInitial());
        assertEquals(new BigDecimal("200.00"), f.budgetAdjustment());
        assertEquals(new BigDecimal("900.00"), f.spent());
        assertEquals("budget_report", f.spentSource());
        assertEquals(new BigDecimal("500.00"), project(D01, "P002").budgetFinal());
    }

    @Test
    void budgetsOfAnotherYearAreNotReplaced() throws Exception {
        home.ingestOk(home.csv("预算2023.csv", line("年度", "单位编码", "项目编码", "全年预算数"),
                line("2023", "D01", "P001", "100")));
        home.ingestOk(home.csv("预算2024.csv", line("年度", "单位编码", "项目编码", "全年预算数"),
                line("2024", "D01", "P001", "200")));
        assertEquals(2, home.count("budget_line"));
    }

    // ------------------------------------------------------------------ indicators, profile

    @Test
    void theNewestIndicatorSetOfAProjectWins() throws Exception {
        String header = line("单位编码", "项目编码", "一级指标", "三级指标", "年度指标值", "实际完成值");
        home.ingestOk(home.csv("绩效目标2024.csv", header,
                line("D01", "P001", "产出指标", "面积", "≥255亩", ""),
                line("D01", "P001", "产出指标", "时限", "2024年12月31日前", ""),
                line("D01", "P001", "满意度指标", "满意度", "≥90%", ""),
                line("D01", "P002", "产出指标", "数量", "=2个", ""),
                line("D01", "P002", "效益指标", "效益", "有效提升", "")));
        IngestOutcome results = home.ingestOk(home.csv("绩效自评2024.csv", header,
                line("D01", "P001", "产出指标", "面积", "≥255亩", "260亩")));

        var indicators = figures.indicators(D01);
        assertEquals(3, indicators.size());
        var p001 = indicators.stream().filter(i -> i.projectCode().equals("P001")).toList();
        assertEquals(1, p001.size());
        assertEquals("260亩", p001.get(0).actual());
        assertEquals(results.batchId(), p001.get(0).lineage().batchId());
        assertEquals(2, indicators.stream().filter(i -> i.projectCode().equals("P002")).count());
    }

    @Test
    void theNewestProfileOfADepartmentYearWins() throws Exception {
        String header = line("年度", "单位编码", "单位名称", "在职人数", "退休人数");
        home.ingestOk(home.csv("基本情况a.csv", header,
                line("2024", "D01", "旧名", "80", "30"),
                line("2023", "D01", "旧名", "70", "30")));
        home.ingestOk(home.csv("基本情况b.csv", header,
                line("2024", "D01", "新名", "85", "33"),
                line("2024", "D02", "别的局", "5", "1"),
                line("2024", "D01", "新名", "88", "33")));

        Optional<DepartmentProfile> p = figures.profile(D01);
        assertEquals(88, p.orElseThrow().staffActive(), "the last row of the newest file");
        assertEquals("新名", p.get().deptName());
        assertEquals(70, figures.profile(new DeptYear(2023, "D01")).orElseThrow().staffActive());
        assertEquals(0, home.number("SELECT COUNT(*) FROM department_profile WHERE dept_name='旧名' AND fiscal_year=2024"));
    }

    // ------------------------------------------------------------------ lineage and batches

    @Test
    void everyStoredRowKeepsItsBatchAndSpreadsheetRow() throws Exception {
        IngestOutcome budget = home.ingestOk(home.csv("预算2024.csv",
                line("2024年度预算"),
                line("单位编码", "项目编码", "全年预算数"),
                line("D01", "P001", "1"),
                line(""),
                line("D01", "P002", "2")));
        IngestOutcome ledger = home.ingestOk(ledger("明细账2024.csv", entry("D01", "2024-01-05", "V1", "P1", "1")));
        IngestOutcome profile = home.ingestOk(home.csv("基本情况2024.csv",
                line("单位编码", "在职人数"), line("D01", "1")));
        IngestOutcome indicators = home.ingestOk(home.csv("指标2024.csv",
                line("单位编码", "项目编码", "一级指标", "三级指标", "年度指标值"),
                line("D01", "P001", "产出", "面积", "1")));

        assertEquals(List.of(3, 5), home.query("SELECT source_row FROM budget_line WHERE batch_id=? ORDER BY id",
                budget.batchId()).stream().map(r -> r.get("source_row")).toList());
        assertEquals(2, home.one("SELECT source_row FROM ledger_line WHERE batch_id=?", ledger.batchId()).get("source_row"));
        assertEquals(2, home.one("SELECT source_row FROM department_profile WHERE batch_id=?", profile.batchId())
                .get("source_row"));
        assertEquals(2, home.one("SELECT source_row FROM indicator WHERE batch_id=?", indicators.batchId())
                .get("source_row"));
        List<String> withLineage = home.tablesWith("source_row");
        assertTrue(withLineage.containsAll(List.of("budget_line", "ledger_line", "indicator", "department_profile")),
                withLineage.toString());
        for (String table : home.rowTables()) {
            assertEquals(0, home.number("SELECT COUNT(*) FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM"
                    + " ingest_batch b WHERE b.id = t.batch_id AND b.status = 'INGESTED')"),
                    table + ": every row belongs to an ingested batch");
        }
        for (String table : withLineage) {
            assertEquals(0, home.number("SELECT COUNT(*) FROM " + table + " WHERE source_row IS NULL OR source_row < 1"),
                    table + ": every row has its source row");
        }
    }

    @Test
    void ingestBatchRecordsEveryOutcomeWithItsCounts() throws Exception {
        Path v1 = ledger("明细账2024.csv",
                entry("D01", "2024-01-05", "V1", "P1", "1"),
                entry("D01", "2024-01-05", "V2", "P1", "1"),
                entry("D01", "2024-01-05", "V3", "P1", "1"),
                entry("D01", "2024-01-05", "V4", "P1", "1"),
                entry("D01", "2024-01-05", "V5", "P1", "x"));
        IngestOutcome ingested = home.ingestOk(v1);
        IngestOutcome duplicate = home.ingest(v1);
        Path bad = home.csv("坏文件2024.csv", line("随便", "什么"), line("1", "2"));
        IngestOutcome failed = home.ingest(bad);
        IngestOutcome corrected = home.ingestOk(ledger("明细账2024.csv", entry("D01", "2024-01-05", "V1", "P1", "2")));

        List<IngestBatch> recent = new IngestStore(home.services().database()).recent(10);
        assertEquals(List.of(corrected.batchId(), failed.batchId(), duplicate.batchId(), ingested.batchId()),
                recent.stream().map(IngestBatch::id).toList());
        IngestBatch first = recent.get(3);
        assertEquals(Status.REPLACED, first.status());
        assertEquals("ledger", first.kind());
        assertEquals("ledger", first.layout());
        assertEquals(5, first.rowsRead());
        assertEquals(4, first.rowsIngested());
        assertEquals(1, first.rowsRejected());
        assertTrue(first.sha256().matches("[0-9a-f]{64}"), first.sha256());
        assertNotNull(first.finishedAt());
        assertTrue(!first.finishedAt().isBefore(first.startedAt()));
        assertEquals(1, ((Number) home.batch(first.id()).get("header_row")).intValue());

        assertEquals(Status.DUPLICATE, recent.get(2).status());
        assertEquals(0, recent.get(2).rowsIngested());
        assertEquals(Status.FAILED, recent.get(1).status());
        assertNotNull(recent.get(1).message());
        assertEquals("坏文件2024.csv", recent.get(1).fileName());
        assertEquals(FileInspector.inspect(bad).sha256(), recent.get(1).sha256(),
                "a refused file is recorded with its hash too");
        assertEquals(Status.INGESTED, recent.get(0).status());
        assertEquals(1, recent.get(0).rowsIngested());
        assertEquals(0, home.number("SELECT COUNT(*) FROM ingest_batch WHERE status NOT IN"
                + " ('INGESTED','DUPLICATE','FAILED','REPLACED')"), "no batch is left half-done");
        assertEquals(200L, spent("P1"));
    }
}
