package org.perfeval.ingest.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.perfeval.Home;
import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;
import org.perfeval.ingest.layout.Layout;
import org.perfeval.ingest.layout.LayoutRegistry;

/**
 * Every header alias of every built-in layout (config/mappings/*.yaml): a minimal file that names
 * the field by that alias is detected as its kind, and the value lands in the field's column. The
 * aliases come from the YAML, so a new alias is tested without touching this class; a new field
 * needs a probe below, and the test says so.
 */
class AliasCoverageTest {

    /** How a field is tried: the cell written, and where its value is expected in the database. */
    record Probe(String cell, String column, String expected, Map<String, String> partners) {
        Probe(String cell, String column, String expected) {
            this(cell, column, expected, Map.of());
        }
    }

    /** The smallest set of other fields each kind needs, with their cells. */
    private static final Map<String, Map<String, String>> BASE = Map.of(
            "budget", ordered("dept_code", "", "project_code", "P001", "budget_initial", "100"),
            "ledger", ordered("dept_code", "", "project_code", "P001", "amount", "100"),
            "indicators", ordered("dept_code", "", "project_code", "P001", "level1", "产出指标", "name", "面积",
                    "target", "≥255亩"),
            "profile", ordered("dept_code", "", "staff_active", "88"));

    private static final Map<String, String> TABLE = Map.of("budget", "budget_line", "ledger", "ledger_line",
            "indicators", "indicator", "profile", "department_profile");

    private static final Map<String, Map<String, Probe>> PROBES = Map.of(
            "budget", Map.ofEntries(
                    Map.entry("fiscal_year", new Probe("2023", "fiscal_year", "2023")),
                    Map.entry("dept_code", new Probe("", "dept_code", "")),
                    Map.entry("dept_name", new Probe("某某局", "dept_name", "某某局")),
                    Map.entry("project_code", new Probe("0777", "project_code", "0777")),
                    Map.entry("project_name", new Probe("耕地保护", "project_name", "耕地保护")),
                    Map.entry("expense_type", new Probe("基本支出-公用经费", "expense_type", "公用经费")),
                    Map.entry("fund_source", new Probe("政府性基金", "fund_source", "政府性基金预算")),
                    Map.entry("function_class", new Probe("2130101 行政运行", "function_class", "2130101")),
                    Map.entry("budget_kind", new Probe("调减", "budget_adjustment", "-10000",
                            ordered("amount", "100", "budget_initial", null))),
                    Map.entry("amount", new Probe("123.45", "budget_initial", "12345",
                            ordered("budget_kind", "年初预算", "budget_initial", null))),
                    Map.entry("budget_initial", new Probe("123.45", "budget_initial", "12345")),
                    Map.entry("budget_adjustment", new Probe("-20", "budget_adjustment", "-2000")),
                    Map.entry("budget_carryover", new Probe("30", "budget_carryover", "3000")),
                    Map.entry("budget_final", new Probe("500", "budget_final", "50000")),
                    Map.entry("doc_no", new Probe("湘财预〔2024〕1号", "doc_no", "湘财预〔2024〕1号")),
                    Map.entry("spent_reported", new Probe("77.7", "spent_reported", "7770"))),
            "ledger", Map.ofEntries(
                    Map.entry("fiscal_year", new Probe("2023", "fiscal_year", "2023")),
                    Map.entry("dept_code", new Probe("", "dept_code", "")),
                    Map.entry("voucher_date", new Probe("2023/3/5", "voucher_date", "2023-03-05")),
                    Map.entry("voucher_no", new Probe("记-0012", "voucher_no", "记-0012")),
                    Map.entry("entry_no", new Probe("3", "entry_no", "3")),
                    Map.entry("project_code", new Probe("0777", "project_code", "0777")),
                    Map.entry("summary", new Probe("购买办公用品", "summary", "购买办公用品")),
                    Map.entry("econ_class", new Probe("30201 办公费", "econ_class", "30201")),
                    Map.entry("function_class", new Probe("2130101 行政运行", "function_class", "2130101")),
                    Map.entry("fund_source", new Probe("政府性基金", "fund_source", "政府性基金预算")),
                    Map.entry("amount", new Probe("123.45", "amount", "12345")),
                    Map.entry("debit", new Probe("123.45", "amount", "12345", ordered("amount", null))),
                    Map.entry("credit", new Probe("23.45", "amount", "7655", ordered("amount", null, "debit", "100")))),
            "indicators", Map.ofEntries(
                    Map.entry("fiscal_year", new Probe("2023", "fiscal_year", "2023")),
                    Map.entry("dept_code", new Probe("", "dept_code", "")),
                    Map.entry("project_code", new Probe("0777", "project_code", "0777")),
                    Map.entry("project_name", new Probe("耕地保护", "project_name", "耕地保护")),
                    Map.entry("level1", new Probe("效益", "level1", "效益指标")),
                    Map.entry("level2", new Probe("社会效益指标", "level2", "社会效益指标")),
                    Map.entry("name", new Probe("完成面积", "name", "完成面积")),
                    Map.entry("target", new Probe("≥300亩", "target", "≥300亩")),
                    Map.entry("actual", new Probe("260亩", "actual", "260亩")),
                    Map.entry("weight", new Probe("25", "weight", "25")),
                    Map.entry("direction", new Probe("正向", "direction", "≥")),
                    Map.entry("unit", new Probe("亩", "unit", "亩")),
                    Map.entry("manual_score", new Probe("24.5", "manual_score", "24.5")),
                    Map.entry("deviation_reason", new Probe("无偏差", "deviation_reason", "无偏差"))),
            "profile", Map.ofEntries(
                    Map.entry("fiscal_year", new Probe("2023", "fiscal_year", "2023")),
                    Map.entry("dept_code", new Probe("", "dept_code", "")),
                    Map.entry("dept_name", new Probe("某某局", "dept_name", "某某局")),
                    Map.entry("staff_quota", new Probe("100", "staff_quota", "100")),
                    Map.entry("staff_active", new Probe("87", "staff_active", "87")),
                    Map.entry("staff_retired", new Probe("33", "staff_retired", "33")),
                    Map.entry("staff_total", new Probe("111", "staff_total", "111")),
                    Map.entry("units_count", new Probe("17", "units_count", "17")),
                    Map.entry("three_public_budget", new Probe("12.5", "three_public_budget", "1250")),
                    Map.entry("three_public_prior", new Probe("10", "three_public_prior", "1000")),
                    Map.entry("procurement_budget", new Probe("300", "procurement_budget", "30000")),
                    Map.entry("procurement_actual", new Probe("250.5", "procurement_actual", "25050"))));

    /** SPEC §3.4: the aliases the built-in layouts accept at least. */
    private static final Map<String, Map<String, List<String>>> SPEC_ALIASES = Map.of(
            "budget", Map.ofEntries(
                    Map.entry("fiscal_year", List.of("年度", "预算年度", "会计年度")),
                    Map.entry("dept_code", List.of("单位编码", "单位代码", "预算单位编码")),
                    Map.entry("dept_name", List.of("单位名称", "预算单位", "预算单位名称")),
                    Map.entry("project_code", List.of("项目编码", "项目代码")),
                    Map.entry("project_name", List.of("项目名称")),
                    Map.entry("expense_type", List.of("支出类型", "支出类别", "经费类型")),
                    Map.entry("fund_source", List.of("资金性质", "资金来源")),
                    Map.entry("function_class", List.of("功能分类", "功能科目", "支出功能分类科目")),
                    Map.entry("budget_kind", List.of("指标类型", "指标来源")),
                    Map.entry("amount", List.of("金额", "指标金额", "预算金额")),
                    Map.entry("budget_initial", List.of("年初预算数", "年初预算")),
                    Map.entry("budget_adjustment", List.of("调整数", "追加数", "调整预算数")),
                    Map.entry("budget_carryover", List.of("上年结转", "上年结转数")),
                    Map.entry("budget_final", List.of("全年预算数", "调整后预算数", "全年预算")),
                    Map.entry("doc_no", List.of("指标文号", "文号")),
                    Map.entry("spent_reported", List.of("全年执行数", "执行数", "实际支出数"))),
            "ledger", Map.ofEntries(
                    Map.entry("fiscal_year", List.of("年度", "会计年度")),
                    Map.entry("dept_code", List.of("单位编码", "单位代码")),
                    Map.entry("voucher_date", List.of("凭证日期", "记账日期", "支付日期", "日期")),
                    Map.entry("voucher_no", List.of("凭证号", "凭证编号", "支付凭证号")),
                    Map.entry("entry_no", List.of("分录号", "行号")),
                    Map.entry("project_code", List.of("项目编码", "项目代码")),
                    Map.entry("summary", List.of("摘要", "用途")),
                    Map.entry("econ_class", List.of("经济分类", "经济科目", "部门经济分类", "经济分类科目")),
                    Map.entry("function_class", List.of("功能分类", "功能科目")),
                    Map.entry("fund_source", List.of("资金性质", "资金来源")),
                    Map.entry("amount", List.of("支出金额", "金额", "实际支出", "支付金额")),
                    Map.entry("debit", List.of("借方金额", "借方")),
                    Map.entry("credit", List.of("贷方金额", "贷方"))),
            "indicators", Map.ofEntries(
                    Map.entry("dept_code", List.of("单位编码", "单位代码")),
                    Map.entry("project_code", List.of("项目编码", "项目代码")),
                    Map.entry("project_name", List.of("项目名称")),
                    Map.entry("level1", List.of("一级指标")),
                    Map.entry("level2", List.of("二级指标")),
                    Map.entry("name", List.of("三级指标", "指标名称")),
                    Map.entry("target", List.of("年度指标值", "指标值", "目标值")),
                    Map.entry("actual", List.of("实际完成值", "完成值")),
                    Map.entry("weight", List.of("分值", "权重")),
                    Map.entry("direction", List.of("指标性质", "指标方向")),
                    Map.entry("unit", List.of("计量单位", "度量单位")),
                    Map.entry("manual_score", List.of("得分", "自评得分")),
                    Map.entry("deviation_reason", List.of("偏差原因分析及改进措施", "偏差原因"))),
            "profile", Map.ofEntries(
                    Map.entry("dept_code", List.of("单位编码", "单位代码")),
                    Map.entry("staff_quota", List.of("编制数", "编制人数")),
                    Map.entry("staff_active", List.of("在职人数", "在职人员")),
                    Map.entry("staff_retired", List.of("退休人数", "退休人员")),
                    Map.entry("staff_total", List.of("总人数", "人员总数")),
                    Map.entry("units_count", List.of("内设机构数", "股室数")),
                    Map.entry("three_public_budget", List.of("三公经费预算数")),
                    Map.entry("three_public_prior", List.of("上年三公经费支出", "上年三公经费")),
                    Map.entry("procurement_budget", List.of("政府采购预算数")),
                    Map.entry("procurement_actual", List.of("政府采购实际数", "政府采购金额"))));

    @TempDir
    static Path tmp;
    static TestHome home;
    static LayoutRegistry layouts;
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void setUp() throws Exception {
        home = TestHome.create(tmp);
        layouts = LayoutRegistry.load(Home.classpathFolder("/default-config/mappings"));
    }

    static Stream<Arguments> everyAlias() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (Layout layout : LayoutRegistry.load(Home.classpathFolder("/default-config/mappings")).layouts()) {
            layout.fieldAliases().forEach((field, aliases) -> {
                for (String alias : aliases) {
                    cases.add(Arguments.of(layout.kind().id(), field, alias));
                }
            });
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}.{1} as {2}")
    @MethodSource("everyAlias")
    void aliasIsDetectedAndLandsInItsColumn(String kind, String field, String alias) throws Exception {
        Probe probe = PROBES.get(kind).get(field);
        assertNotNull(probe, "no probe for the field " + kind + "." + field + ": add one to PROBES");
        Layout layout = layouts.layouts().stream().filter(l -> l.kind().id().equals(kind)).findFirst().orElseThrow();
        String dept = "A" + SEQUENCE.incrementAndGet();

        Map<String, String> columns = new LinkedHashMap<>(BASE.get(kind));
        columns.putAll(probe.partners());
        columns.remove(field);
        List<String> header = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        columns.forEach((f, cell) -> {
            if (cell != null) {
                header.add(layout.labelOf(f));
                cells.add(f.equals("dept_code") ? dept : cell);
            }
        });
        header.add(alias);
        cells.add(field.equals("dept_code") ? dept : probe.cell());

        Path file = home.csv("2024_" + kind + "_" + dept + ".csv",
                line(header.toArray()), line(cells.toArray()));
        IngestOutcome outcome = home.ingest(file);
        assertEquals("INGESTED", outcome.status().name(), () -> header + ": " + outcome.message());
        assertEquals(kind, outcome.kind(), () -> "header " + header);
        Map<String, Object> row = home.one("SELECT * FROM " + TABLE.get(kind) + " WHERE batch_id = ?",
                outcome.batchId());
        String expected = field.equals("dept_code") ? dept : probe.expected();
        assertEquals(expected, String.valueOf(row.get(probe.column())), () -> "column " + probe.column() + " of " + row);
        assertEquals(dept, row.get("dept_code"));
    }

    @Test
    void theBuiltInLayoutsAcceptAtLeastTheAliasesOfTheSpec() throws Exception {
        for (Layout layout : layouts.layouts()) {
            Map<String, List<String>> spec = SPEC_ALIASES.get(layout.kind().id());
            assertNotNull(spec, layout.name());
            spec.forEach((field, aliases) -> {
                List<String> configured = layout.fieldAliases().get(field);
                assertNotNull(configured, layout.name() + " lacks the field " + field);
                assertTrue(configured.containsAll(aliases),
                        layout.name() + "." + field + ": " + configured + " lacks some of " + aliases);
            });
        }
        assertEquals(4, layouts.layouts().size());
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
