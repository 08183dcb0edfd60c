package org.perfeval.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.perfeval.reference.ReferenceDepartment.CODE;
import static org.perfeval.reference.ReferenceDepartment.LAND_RESERVE;
import static org.perfeval.reference.ReferenceDepartment.LINES;
import static org.perfeval.reference.ReferenceDepartment.NAME;
import static org.perfeval.reference.ReferenceDepartment.PROJECTS;
import static org.perfeval.reference.ReferenceDepartment.YEAR;
import static org.perfeval.reference.ReferenceDepartment.yuan;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;
import org.perfeval.report.DepartmentTexts;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;
import org.perfeval.report.narrative.Narrative;
import org.perfeval.report.tables.ManifestWriter;

/**
 * The reference report (株洲市渌口区自然资源局, 2024) rebuilt from exports: its budget, ledger, indicators
 * and 单位基本情况 are ingested the way the inbox does, the reports are regenerated, and what the bureau
 * reads is compared with the reference's own sentences — the project paragraphs and the basic-expenditure
 * sentence word for word — and its problems: 土地收储资金 not in the initial budget (problem 1) and the
 * headcount that does not add up (88 + 33 ≠ 111).
 */
class ReferenceReportTest {

    /** Exact decimals: 552600.00 stays 552600.00 (the default node factory would make it 5.526E+5). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper REPORT = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The reference's sentences, word for word (SPEC §7.2). */
    private static final Map<String, String> REFERENCE_SENTENCES = new LinkedHashMap<>();

    static {
        REFERENCE_SENTENCES.put("补充耕地问题", "项目预算金额55.26万元，实际支出金额40.84万元，结余结转金额14.42万元。");
        REFERENCE_SENTENCES.put("空间规划与编制费", "项目预算金额184.38万元，实际支出金额184.38万元。");
        REFERENCE_SENTENCES.put("土地收储资金", "项目预算金额145698.54万元，实际支出金额145698.54万元。");
        REFERENCE_SENTENCES.put("土整中心项目工程尾款", "项目预算金额300万元，实际支出金额300万元。");
        REFERENCE_SENTENCES.put("镇村工作经费", "项目预算金额486.9万元，实际支出金额450.6万元，结余结转金额36.3万元。");
    }

    private static final String BASIC_SENTENCE = "2024年基本支出1929.17万元，其中：人员经费1320.13万元；公用经费609.04万元。";
    private static final String STAFF_SENTENCE = "全局共有人员111人，其中在职人员88人，退休人员33人。";

    @TempDir
    static Path temp;

    private static TestHome home;
    private static List<IngestOutcome> outcomes;
    private static int regenerated;
    private static Path dir;
    private static JsonNode report;

    @BeforeAll
    static void ingestAndReport() throws Exception {
        home = TestHome.create(temp);
        outcomes = new ArrayList<>();
        for (Path file : ReferenceDepartment.writeExports(home)) {
            outcomes.add(home.ingest(file));
        }
        regenerated = home.regenerateReports();
        dir = home.home().resolve("outbox").resolve(Integer.toString(YEAR)).resolve(CODE);
        Path json = dir.resolve("report.json");
        report = Files.isRegularFile(json) ? JSON.readTree(json.toFile()) : null;
    }

    // ------------------------------------------------------------------ inputs

    @Test
    void theFixtureIsTheReferencesFigures() {
        // the ledger's vouchers add up to each line's spending, to the fen
        for (List<String> v : ReferenceDepartment.VOUCHERS) {
            ReferenceDepartment.Line line = LINES.stream().filter(l -> l.code().equals(v.get(0))).findFirst()
                    .orElseThrow();
            BigDecimal sum = v.subList(3, v.size()).stream().map(BigDecimal::new).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            assertEquals(0, sum.compareTo(line.spentYuan()), () -> line.name() + ": vouchers sum to " + sum);
        }
        // the reference's totals: 基本支出 1929.17万元, project spending as its paragraphs state
        assertEquals(new BigDecimal("1929.17"), new BigDecimal(ReferenceDepartment.PERSONNEL.spent())
                .add(new BigDecimal(ReferenceDepartment.PUBLIC_OPERATION.spent())));
    }

    @Test
    void everyExportIsIngestedWithoutRejects() throws Exception {
        assertEquals(4, outcomes.size());
        for (IngestOutcome o : outcomes) {
            assertEquals("INGESTED", o.status().name(), o::summary);
            assertEquals(0, o.rowsRejected(), o::summary);
            assertFalse(Files.exists(home.rejectsFile(o.fileName())), () -> "no rejects for " + o.fileName());
        }
        assertEquals(List.of("budget", "ledger", "indicators", "profile"),
                outcomes.stream().map(IngestOutcome::kind).toList());
        assertEquals(LINES.size(), outcomes.get(0).rowsIngested(), "the 合计 row is checked, not stored");
        assertEquals(ReferenceDepartment.VOUCHERS.stream().mapToInt(v -> v.size() - 3).sum(),
                outcomes.get(1).rowsIngested());
        assertEquals(22, outcomes.get(2).rowsIngested());
        assertEquals(1, outcomes.get(3).rowsIngested());
        assertEquals(1, regenerated, "one department-year");
    }

    // ------------------------------------------------------------------ report.json

    @Test
    void reportJsonTotalsToTheFen() {
        assertNotNull(report, "report.json written");
        assertEquals(YEAR, report.get("fiscal_year").asInt());
        assertEquals(CODE, report.at("/department/code").asText());
        assertEquals(NAME, report.at("/department/name").asText());

        JsonNode t = report.get("totals");
        assertAmount("2955.71", t.get("budget_initial"), "totals.budget_initial");
        assertAmount("145698.54", t.get("budget_adjustment"), "totals.budget_adjustment");
        assertAmount("0", t.get("budget_carryover"), "totals.budget_carryover");
        assertAmount("148654.25", t.get("budget_final"), "totals.budget_final");
        assertAmount("148603.53", t.get("spent"), "totals.spent");
        assertAmount("50.72", t.get("balance"), "totals.balance");
        assertDecimal(rate("148603.53", "148654.25"), t.get("execution_rate"), "totals.execution_rate");
        assertAmount("1320.13", t.at("/basic/personnel"), "totals.basic.personnel");
        assertAmount("609.04", t.at("/basic/public_operation"), "totals.basic.public_operation");
        assertAmount("1929.17", t.at("/basic/total"), "totals.basic.total");
        assertAmount("146725.08", t.at("/project/budget_final"), "totals.project.budget_final");
        assertAmount("146674.36", t.at("/project/spent"), "totals.project.spent");
        assertAmount("2955.71", t.at("/by_fund_source/一般公共预算/budget_final"), "一般公共预算 budget_final");
        assertAmount("2904.99", t.at("/by_fund_source/一般公共预算/spent"), "一般公共预算 spent");
        assertAmount("145698.54", t.at("/by_fund_source/政府性基金预算/budget_final"), "政府性基金预算 budget_final");
        assertAmount("145698.54", t.at("/by_fund_source/政府性基金预算/spent"), "政府性基金预算 spent");
        assertEquals(Set.of("一般公共预算", "政府性基金预算"), fieldNames(t.get("by_fund_source")));
        assertAmount("0", t.get("three_public_spent"), "totals.three_public_spent");

        JsonNode p = report.get("profile");
        assertEquals(88, p.get("staff_active").asInt());
        assertEquals(33, p.get("staff_retired").asInt());
        assertEquals(111, p.get("staff_total").asInt());
        assertEquals(17, p.get("units_count").asInt());
        assertTrue(p.get("staff_quota").isNull());
    }

    @Test
    void reportJsonProjectsToTheFen() {
        JsonNode projects = report.get("projects");
        assertEquals(PROJECTS.stream().map(ReferenceDepartment.Line::code).toList(),
                stream(projects).map(n -> n.get("code").asText()).toList(),
                "the 项目支出 projects by code; basic expenditure only in totals.basic");
        for (int i = 0; i < PROJECTS.size(); i++) {
            ReferenceDepartment.Line l = PROJECTS.get(i);
            JsonNode n = projects.get(i);
            String who = l.name() + " ";
            assertEquals(l.name(), n.get("name").asText());
            assertEquals("项目支出", n.get("expense_type").asText(), who);
            assertEquals(l.fundSource(), n.get("fund_source").asText(), who);
            assertYuan(l.initialYuan(), n.get("budget_initial"), who + "budget_initial");
            assertYuan(l.adjustmentYuan(), n.get("budget_adjustment"), who + "budget_adjustment");
            assertYuan(BigDecimal.ZERO, n.get("budget_carryover"), who + "budget_carryover");
            assertYuan(l.finalYuan(), n.get("budget_final"), who + "budget_final");
            assertYuan(l.spentYuan(), n.get("spent"), who + "spent");
            assertYuan(l.balanceYuan(), n.get("balance"), who + "balance");
            assertDecimal(l.spentYuan().divide(l.finalYuan(), 4, RoundingMode.HALF_UP), n.get("execution_rate"),
                    who + "execution_rate");
            assertEquals(l != LAND_RESERVE, n.get("in_initial_budget").asBoolean(), who + "in_initial_budget");
            assertEquals("ledger", n.get("spent_source").asText(), who);
            assertEquals(ReferenceDepartment.indicatorCount(l.code()), n.get("indicators").size(), who + "indicators");
            // every indicator met: 90 points, the rest is 10 × execution rate
            assertDecimal(new BigDecimal("90.00"), n.at("/score/indicators"), who + "score.indicators");
            BigDecimal execution = BigDecimal.TEN.multiply(l.spentYuan().divide(l.finalYuan(), 4, RoundingMode.HALF_UP))
                    .min(BigDecimal.TEN).setScale(2, RoundingMode.HALF_UP);
            assertDecimal(execution, n.at("/score/execution"), who + "score.execution");
            assertDecimal(execution.add(new BigDecimal("90.00")), n.at("/score/total"), who + "score.total");
            assertEquals("优", n.at("/score/grade").asText(), who + "grade");
        }
        // SPEC §7.1's own example is this project
        JsonNode farmland = projects.get(0);
        assertDecimal(new BigDecimal("552600.00"), farmland.get("budget_final"), "补充耕地问题 budget_final");
        assertDecimal(new BigDecimal("408400.00"), farmland.get("spent"), "补充耕地问题 spent");
        assertDecimal(new BigDecimal("144200.00"), farmland.get("balance"), "补充耕地问题 balance");
        assertDecimal(new BigDecimal("0.7391"), farmland.get("execution_rate"), "补充耕地问题 execution_rate");
        assertDecimal(new BigDecimal("97.39"), farmland.at("/score/total"), "补充耕地问题 total");
        JsonNode area = farmland.get("indicators").get(0);
        assertEquals("落实耕种面积", area.get("name").asText());
        assertEquals("≥255亩", area.get("target").asText());
        assertEquals("255亩", area.get("actual").asText());
        assertDecimal(new BigDecimal("25.00"), area.get("weight"), "50 points over two 产出 indicators");
        assertDecimal(new BigDecimal("25.00"), area.get("score"), "落实耕种面积 score");
    }

    @Test
    void departmentScoreShowsTheBudgetAdjustmentRate() {
        JsonNode adjustment = departmentIndicator("预算调整率");
        assertTrue(adjustment.get("applicable").asBoolean());
        assertDecimal(rate("145698.54", "2955.71"), adjustment.get("value"), "预算调整率 = |调整| / 年初");
        assertDecimal(new BigDecimal("49.2939"), adjustment.get("value"), "预算调整率");
        assertEquals(0, adjustment.get("score").decimalValue().signum(), "far over 30 %: 0 points");
        JsonNode staffControl = departmentIndicator("在职人员控制率");
        assertFalse(staffControl.get("applicable").asBoolean(), "no 编制数 in the profile: 不适用");
        assertNotNull(report.at("/department_score/total").decimalValue());
    }

    // ------------------------------------------------------------------ findings

    @Test
    void theFindingsAreTheReferencesProblemsAndTheLowExecution() {
        Map<String, Long> codes = new TreeMap<>(stream(report.get("findings"))
                .collect(Collectors.groupingBy(f -> f.get("code").asText(), Collectors.counting())));
        assertEquals(Map.of("LATE_BUDGET_ADDITION", 2L, "LOW_EXECUTION", 1L, "HEADCOUNT_MISMATCH", 1L), codes,
                () -> "findings: " + report.get("findings").toPrettyString());
        JsonNode low = finding("LOW_EXECUTION", ReferenceDepartment.FARMLAND.code());
        assertTrue(low.get("message").asText().contains("73.91%"), low::toString);
    }

    @Test
    void problemOneLandReserveWasNotInTheInitialBudget() {
        JsonNode project = finding("LATE_BUDGET_ADDITION", LAND_RESERVE.code());
        assertEquals("warning", project.get("severity").asText());
        String pm = project.get("message").asText();
        assertTrue(pm.contains("土地收储资金") && pm.contains("未列入年初预算") && pm.contains("145698.54万元"), pm);

        JsonNode summary = finding("LATE_BUDGET_ADDITION", null);
        String sm = summary.get("message").asText();
        assertTrue(sm.contains("土地收储资金"), () -> "names the project: " + sm);
        assertTrue(sm.contains("共1个项目"), () -> "the count: " + sm);
        assertTrue(sm.contains("年中追加预算145698.54万元"), () -> "the total added: " + sm);
        assertTrue(sm.contains("预算调整率达4929.39%"), () -> "the 预算调整率: " + sm);
        assertTrue(sm.contains("年初预算2955.71万元"), () -> "the initial budget it is measured against: " + sm);

        // in section 七, the department-level summary leading problem 1, the project's finding after it
        for (Map.Entry<String, List<String>> e : narratives().entrySet()) {
            List<String> problems = ReportTexts.between(e.getValue(), "七、存在的问题及原因分析", "八、");
            assertFalse(problems.isEmpty(), e.getKey() + ": section 七 has paragraphs");
            String first = problems.get(0);
            assertTrue(first.startsWith("1、"), () -> e.getKey() + ": problem 1 first: " + problems);
            int at = first.indexOf(sm);
            assertTrue(at > 0, () -> e.getKey() + ": problem 1 states the summary:\n" + first + "\n" + sm);
            assertTrue(first.indexOf(pm) > at, () -> e.getKey() + ": then the project:\n" + first);
        }
    }

    @Test
    void theHeadcountThatDoesNotAddUpIsAFinding() {
        JsonNode f = finding("HEADCOUNT_MISMATCH", null);
        String m = f.get("message").asText();
        assertTrue(m.contains("在职人员88人") && m.contains("退休人员33人") && m.contains("总人数111人"), m);
        assertTrue(m.contains("121"), () -> "the sum that differs: " + m);
        for (Map.Entry<String, List<String>> e : narratives().entrySet()) {
            List<String> problems = ReportTexts.between(e.getValue(), "七、存在的问题及原因分析", "八、");
            assertTrue(problems.stream().anyMatch(p -> p.contains(m)), () -> e.getKey() + ": in section 七: " + problems);
        }
    }

    // ------------------------------------------------------------------ the narrative

    @Test
    void eachProjectParagraphOpensWithTheReferenceSentence() {
        for (Map.Entry<String, List<String>> e : narratives().entrySet()) {
            List<String> paragraphs = e.getValue();
            int number = 0;
            for (Map.Entry<String, String> p : REFERENCE_SENTENCES.entrySet()) {
                number++;
                String heading = number + "、" + p.getKey();
                int at = paragraphs.indexOf(heading);
                assertTrue(at >= 0, () -> e.getKey() + ": heading " + heading + " in " + paragraphs);
                String body = paragraphs.get(at + 1);
                assertTrue(body.startsWith(p.getValue()),
                        () -> e.getKey() + ": " + heading + " opens with\n  " + p.getValue() + "\nbut reads\n  " + body);
                assertTrue(paragraphs.stream().anyMatch(s -> s.contains(p.getValue())));
            }
        }
    }

    @Test
    void basicExpenditureAndStaffAreTheReferencesSentences() {
        for (Map.Entry<String, List<String>> e : narratives().entrySet()) {
            List<String> paragraphs = e.getValue();
            assertEquals(List.of(BASIC_SENTENCE), ReportTexts.between(paragraphs, "（一）基本支出情况", "（二）"),
                    e.getKey());
            assertEquals(List.of(STAFF_SENTENCE), ReportTexts.between(paragraphs, "（三）人员情况", "二、"), e.getKey());
            assertEquals("2024年度" + NAME + "整体支出绩效自评报告", paragraphs.get(0), e.getKey() + ": title");
        }
    }

    @Test
    void landReserveIsGovernmentFundSpending() {
        for (Map.Entry<String, List<String>> e : narratives().entrySet()) {
            List<String> paragraphs = e.getValue();
            List<String> fund = ReportTexts.between(paragraphs, "三、政府性基金预算支出情况", "四、");
            assertEquals(1, fund.size(), e.getKey());
            assertTrue(fund.get(0).contains("145698.54万元") && fund.get(0).contains("土地收储资金145698.54万元"),
                    () -> e.getKey() + ": " + fund);
            List<String> general = ReportTexts.between(paragraphs, "（二）项目支出情况", "三、");
            assertEquals(1, general.size(), e.getKey());
            assertFalse(general.get(0).contains("土地收储资金"), () -> e.getKey() + ": " + general);
            for (String name : List.of("补充耕地问题40.84万元", "空间规划与编制费184.38万元", "土整中心项目工程尾款300万元",
                    "镇村工作经费450.6万元")) {
                assertTrue(general.get(0).contains(name), () -> e.getKey() + ": " + name + " in " + general);
            }
            assertEquals(List.of("无。"), ReportTexts.between(paragraphs, "四、国有资本经营预算支出情况", "五、"));
            assertEquals(List.of("无。"), ReportTexts.between(paragraphs, "五、社会保险基金预算支出情况", "六、"));
        }
    }

    @Test
    void htmlDocxAndNarrativeSayTheSame() {
        Map<String, List<String>> all = narratives();
        List<String> fromNarrative = all.get("Narrative.of");
        // the HTML adds the meta line under the title; otherwise the same paragraphs in the same order
        List<String> html = new ArrayList<>(all.get("report.html"));
        html.removeIf(p -> p.startsWith("部门编码："));
        html.removeIf(p -> p.startsWith("附件：") || p.matches("^[0-9]\\. .*"));
        List<String> docx = new ArrayList<>(all.get("report.docx"));
        docx.removeIf(p -> p.startsWith("附件") || p.matches("^[0-9]\\. .*"));
        // the DOCX writes a table's caption as a paragraph above it
        docx.removeAll(tableCaptions());
        assertEquals(fromNarrative, html, "report.html");
        assertEquals(fromNarrative, docx, "report.docx");
    }

    // ------------------------------------------------------------------ files

    @Test
    void theManifestListsEveryFileWithItsHash() throws Exception {
        assertEquals(List.of(), ManifestWriter.verify(dir));
        ManifestWriter.Manifest manifest = ManifestWriter.read(dir);
        Set<String> listed = manifest.files().stream().map(ManifestWriter.Entry::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals(ManifestWriter.FILE_NAME))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of("report.json", "report.html", "report.docx", "attachment1-basic-data.xlsx",
                "attachment2-department-self-evaluation.xlsx", "attachment3-project-self-evaluation.xlsx",
                "projects.csv")), present, "the report set, no temporary files left");
        assertEquals(present, listed, "every file listed");
        for (ManifestWriter.Entry entry : manifest.files()) {
            Path file = dir.resolve(entry.name());
            assertEquals(Files.size(file), entry.size(), entry.name());
            assertEquals(sha256(file), entry.sha256().toLowerCase(), entry.name());
        }
        assertNotNull(manifest.generatedAt());
    }

    @Test
    void theAttachmentsOpenAndAttachment3HasASheetPerProject() throws Exception {
        try (XSSFWorkbook a1 = open("attachment1-basic-data.xlsx")) {
            assertTrue(a1.getNumberOfSheets() >= 1);
            assertTrue(text(a1.getSheetAt(0)).contains(NAME), "附件1 names the department");
        }
        try (XSSFWorkbook a2 = open("attachment2-department-self-evaluation.xlsx")) {
            String all = text(a2.getSheetAt(0));
            assertTrue(all.contains("预算调整率") && all.contains("预算执行率"), "附件2 lists the §6.2 indicators");
        }
        try (XSSFWorkbook a3 = open("attachment3-project-self-evaluation.xlsx")) {
            assertEquals(PROJECTS.size(), a3.getNumberOfSheets(), "one sheet per project");
            for (int i = 0; i < PROJECTS.size(); i++) {
                ReferenceDepartment.Line l = PROJECTS.get(i);
                String sheet = text(a3.getSheetAt(i));
                assertTrue(sheet.contains(l.name()) && sheet.contains(l.code()),
                        () -> "sheet of " + l.name() + ": " + sheet);
                assertTrue(sheet.contains("总分") && sheet.contains("等级"), l.name());
                // 项目资金 in 万元 as numbers: 全年预算数 and 全年执行数
                assertTrue(hasNumber(a3.getSheetAt(i), l.finalWan().doubleValue()), () -> l.name() + " 全年预算数");
                assertTrue(hasNumber(a3.getSheetAt(i), new BigDecimal(l.spent()).doubleValue()), () -> l.name() + " 执行数");
            }
            assertTrue(text(a3.getSheetAt(0)).contains("落实耕种面积"), "补充耕地问题's indicators");
        }
        Path summary = home.home().resolve("outbox").resolve(Integer.toString(YEAR)).resolve("summary.xlsx");
        try (InputStream in = Files.newInputStream(summary); XSSFWorkbook s = new XSSFWorkbook(in)) {
            assertTrue(text(s.getSheetAt(0)).contains(CODE), "the year's summary lists the department");
        }
    }

    @Test
    void attachment1HoldsTheReferencesHeadcountAndTotals() throws Exception {
        try (XSSFWorkbook a1 = open("attachment1-basic-data.xlsx")) {
            Sheet sheet = a1.getSheetAt(0);
            for (double n : new double[] {88, 33, 111, 17, 2955.71, 145698.54, 148654.25, 148603.53, 50.72, 1320.13,
                    609.04, 1929.17}) {
                assertTrue(hasNumber(sheet, n), () -> "附件1 shows " + n + ":\n" + text(sheet));
            }
        }
    }

    @Test
    void attachment2SaysNotApplicableOnce() throws Exception {
        try (XSSFWorkbook a2 = open("attachment2-department-self-evaluation.xlsx")) {
            String all = text(a2.getSheetAt(0));
            assertTrue(all.contains("未提供编制数"), all);
            assertFalse(all.contains("不适用：不适用"), () -> "不适用 said twice:\n" + all);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The narrative's paragraphs, read from each place it appears. */
    private static Map<String, List<String>> narratives() {
        try {
            Map<String, List<String>> all = new LinkedHashMap<>();
            all.put("report.html", ReportTexts.html(dir.resolve("report.html")));
            all.put("report.docx", ReportTexts.docx(dir.resolve("report.docx")));
            ReportDocument document = REPORT.readValue(dir.resolve("report.json").toFile(), ReportDocument.class);
            all.put("Narrative.of", ReportTexts.narrative(Narrative.of(new ReportInput(document, null,
                    DepartmentTexts.NONE))));
            return all;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> tableCaptions() {
        try {
            ReportDocument document = REPORT.readValue(dir.resolve("report.json").toFile(), ReportDocument.class);
            return Narrative.of(new ReportInput(document, null, DepartmentTexts.NONE)).sections().stream()
                    .flatMap(s -> s.parts().stream()).flatMap(p -> p.exhibits().stream())
                    .filter(e -> e instanceof Narrative.Table).map(e -> ((Narrative.Table) e).caption()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode finding(String code, String projectCode) {
        List<JsonNode> found = stream(report.get("findings"))
                .filter(f -> code.equals(f.get("code").asText()))
                .filter(f -> projectCode == null ? f.get("project_code") == null || f.get("project_code").isNull()
                        : projectCode.equals(f.get("project_code").asText()))
                .toList();
        assertEquals(1, found.size(), () -> code + "/" + projectCode + " in " + report.get("findings").toPrettyString());
        return found.get(0);
    }

    private static JsonNode departmentIndicator(String name) {
        return stream(report.at("/department_score/indicators"))
                .filter(i -> name.equals(i.get("name").asText())).findFirst()
                .orElseGet(() -> fail("no department indicator " + name));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON amount equals a 万元 figure in yuan, to the fen, written with 2 decimals. */
    private static void assertAmount(String wan, JsonNode node, String what) {
        assertYuan(yuan(wan), node, what);
    }

    private static void assertYuan(BigDecimal yuan, JsonNode node, String what) {
        assertNotNull(node, what);
        assertTrue(node.isNumber(), () -> what + " is a number: " + node);
        assertEquals(yuan.setScale(2), node.decimalValue(), what);
    }

    private static void assertDecimal(BigDecimal expected, JsonNode node, String what) {
        assertNotNull(node, what);
        assertTrue(node.isNumber(), () -> what + " is a number: " + node);
        assertEquals(0, expected.compareTo(node.decimalValue()), () -> what + ": expected " + expected + " but was " + node);
    }

    private static BigDecimal rate(String numerator, String denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 4, RoundingMode.HALF_UP);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static XSSFWorkbook open(String name) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(Sheet sheet) {
        StringBuilder s = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                s.append(cell.toString()).append('|');
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static boolean hasNumber(Sheet sheet, double value) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.NUMERIC && Math.abs(cell.getNumericCellValue() - value) < 1e-6) {
                    return true;
                }
            }
        }
        return false;
    }
}
