package org.perfeval.ingest.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.Home;
import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;
import org.perfeval.ingest.value.Labels;
import org.perfeval.ingest.value.MoneyUnit;
import org.perfeval.model.ExportKind;

/** SPEC §3.4: layouts are YAML files; a new finance system's layout needs no code. */
class LayoutRegistryTest {

    @TempDir
    Path tmp;

    private static Layout budgetLike(Map<String, List<String>> fields) {
        return new Layout("t", ExportKind.BUDGET, "test", Map.of(),
                List.of(Requirement.parse("dept_code"), Requirement.parse("amount + budget_kind | budget_final")),
                fields);
    }

    @Test
    void requirementsAreAlternativesOfFieldSets() {
        Requirement r = Requirement.parse(" amount + budget_kind | budget_initial|budget_final ");
        assertEquals(3, r.alternatives().size());
        assertTrue(r.isSatisfiedBy(Set.of("amount", "budget_kind")));
        assertTrue(r.isSatisfiedBy(Set.of("budget_final")));
        assertFalse(r.isSatisfiedBy(Set.of("amount")));
        assertEquals(Set.of("budget_kind"), r.missingFrom(Set.of("amount")), "the alternative closest to being met");
        assertEquals(Set.of("amount", "budget_kind", "budget_initial", "budget_final"), r.fields());
        assertThrows(IllegalArgumentException.class, () -> Requirement.parse(" | + "));
    }

    @Test
    void builtInLayoutsLoadWithTheirKindsAndDefaults() throws Exception {
        LayoutRegistry registry = LayoutRegistry.load(Home.classpathFolder("/default-config/mappings"));
        assertEquals(List.of("budget", "indicators", "ledger", "profile"),
                registry.layouts().stream().map(Layout::name).toList());
        Layout budget = registry.layouts().get(0);
        assertEquals(ExportKind.BUDGET, budget.kind());
        assertEquals("项目支出", budget.defaultValue("expense_type").orElseThrow());
        assertEquals("单位编码", budget.labelOf("dept_code"));
        assertEquals("budget_final", budget.fieldFor(Labels.normalizeHeader("全 年 预 算（万元）").label()).orElseThrow());
    }

    @Test
    void headerMatchTakesTheFirstOfRepeatedLabelsAndNamesMissingFieldsAsStaffKnowThem() {
        Layout layout = budgetLike(Map.of("dept_code", List.of("单位编码"), "project_code", List.of("项目编码"),
                "amount", List.of("金额"), "budget_kind", List.of("指标类型"), "budget_final", List.of("全年预算数")));
        HeaderMatch m = HeaderMatch.of(layout, Stream.of("金额（万元）", "单位编码", "金额", "其他")
                .map(Labels::normalizeHeader).toList());
        assertEquals(0, m.columnOfField().get("amount"));
        assertEquals(MoneyUnit.WAN_YUAN, m.unitOfColumn(0).orElseThrow());
        assertTrue(m.unitOfColumn(2).isEmpty());
        assertEquals(3, m.covered());
        assertFalse(m.satisfied());
        assertEquals(Set.of("budget_kind"), m.missing());
        assertEquals("指标类型 (budget_kind)", m.describeMissing());
    }

    @Test
    void aLayoutMayNotGiveOneAliasToTwoFieldsNorRequireAFieldWithoutAliases() {
        assertThrows(IllegalArgumentException.class, () -> budgetLike(Map.of("dept_code", List.of("编码"),
                "project_code", List.of(" 编 码 "), "amount", List.of("金额"), "budget_kind", List.of("类型"),
                "budget_final", List.of("全年"))));
        assertThrows(IllegalArgumentException.class, () -> budgetLike(Map.of("dept_code", List.of("单位编码"))));
    }

    /** A home whose config/ is the built-in one plus the given mapping files. */
    private TestHome homeWithMappings(Map<String, String> extra) throws Exception {
        Path config = tmp.resolve("home").resolve("config");
        Path mappings = Files.createDirectories(config.resolve("mappings"));
        Path builtIn = Home.classpathFolder("/default-config");
        Files.copy(builtIn.resolve("application.properties"), config.resolve("application.properties"));
        try (Stream<Path> files = Files.list(builtIn.resolve("mappings"))) {
            for (Path f : files.toList()) {
                Files.copy(f, mappings.resolve(f.getFileName().toString()));
            }
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            Files.writeString(mappings.resolve(e.getKey()), e.getValue());
        }
        return TestHome.create(tmp);
    }

    @Test
    void aNewFinanceSystemsLayoutIsOneYamlFile() throws Exception {
        TestHome home = homeWithMappings(Map.of("zz-kingdee.yaml", String.join("\n",
                "kind: ledger",
                "name: kingdee",
                "description: 金蝶支出明细",
                "defaults:",
                "  unit: 万元",
                "  fund_source: 政府性基金预算",
                "required:",
                "  - dept_code",
                "  - project_code",
                "  - amount",
                "fields:",
                "  dept_code: [核算单位编码]",
                "  project_code: [核算项目编码]",
                "  voucher_no: [凭证字号]",
                "  amount: [本期发生额]",
                "  fiscal_year: [会计期间年度]")));
        IngestOutcome outcome = home.ingestOk(home.csv("kd.csv",
                line("核算单位编码", "核算项目编码", "凭证字号", "本期发生额", "会计期间年度"),
                line("D01", "P001", "记-1", "1.5", "2024")));
        assertEquals("ledger", outcome.kind());
        assertEquals("kingdee", outcome.layout());
        Map<String, Object> row = home.one("SELECT * FROM ledger_line");
        assertEquals(1_500_000L, ((Number) row.get("amount")).longValue(), "the layout's default unit 万元");
        assertEquals("记-1", row.get("voucher_no"));
        assertEquals(2024, row.get("fiscal_year"));
        home.regenerateReports();
        assertTrue(home.reportText(2024, "D01").contains("政府性基金预算"), "the layout's default fund source");
    }

    @Test
    void anInvalidLayoutFileIsAClearStartupError() throws Exception {
        IOException e = assertThrows(IOException.class, () -> homeWithMappings(Map.of("broken.yaml",
                "kind: ledger\nfields:\n  dept_code: [单位编码]\ncolumns: []\n")));
        assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());
    }
}
