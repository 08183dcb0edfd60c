package org.perfeval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.scoring.Fixtures.RULES;
import static org.perfeval.scoring.Fixtures.d;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringRulesTest {

    @Test
    void defaultsAreTheSpecs() {
        ScoringRules.ProjectRules p = RULES.project();
        assertEquals(0, p.executionPoints().compareTo(d("10")));
        assertEquals(0, p.indicatorPoints().compareTo(d("90")));
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), List.copyOf(p.levelWeights().keySet()));
        assertEquals(List.of("50", "30", "10"), p.levelWeights().values().stream().map(BigDecimal::toPlainString).toList());
        assertEquals(0, p.selfScoreTolerance().compareTo(d("0.5")));
        assertEquals(0, p.qualitative().achieved().factor().compareTo(d("1.0")));
        assertEquals(0, p.qualitative().partlyAchieved().factor().compareTo(d("0.7")));
        assertEquals(0, p.qualitative().notAchieved().factor().compareTo(d("0")));
        assertTrue(p.comparators().atLeast().containsAll(List.of("≥", "≧", ">=", "＞＝", "不低于", "不少于")));
        assertTrue(p.comparators().atMost().containsAll(List.of("≤", "≦", "<=", "＜＝", "不高于", "不超过", "不多于")));
        assertTrue(p.comparators().equal().containsAll(List.of("=", "＝", "═")));
        assertEquals(List.of("达到", "完成", "通过", "是", "符合", "满意", "优", "好"), p.qualitative().achieved().words());
        assertEquals(List.of("基本", "部分", "较好", "良", "一般"), p.qualitative().partlyAchieved().words());
        assertEquals(List.of("未", "部分", "基本", "不"), p.qualitative().negations());
        assertEquals(0, RULES.department().totalPoints().compareTo(d("100")));
    }

    @Test
    void departmentIndicatorsAreTheSpecTable() {
        List<String> rows = RULES.department().indicators().stream()
                .map(r -> r.level1() + " " + r.name() + " " + r.points().toPlainString()).toList();
        assertEquals(List.of("投入 在职人员控制率 5", "投入 三公经费变动率 5", "过程 预算执行率 10", "过程 预算调整率 10",
                "过程 结转结余率 5", "过程 公用经费控制率 5", "过程 三公经费控制率 5", "过程 政府采购执行率 5",
                "产出 项目产出完成度 30", "效益 项目效益完成度 20"), rows);
        assertEquals(List.of(Measure.values()), RULES.department().indicators().stream()
                .map(ScoringRules.DepartmentIndicatorRule::measure).toList());
        ScoreRule adjustment = RULES.department().indicators().get(3).rule();
        assertInstanceOf(ScoreRule.Bands.class, adjustment);
        assertInstanceOf(ScoreRule.Ceiling.class, RULES.department().indicators().get(0).rule());
        assertInstanceOf(ScoreRule.Proportional.class, RULES.department().indicators().get(2).rule());
    }

    @Test
    void theRepositoryFileIsTheBuiltInDefault() throws IOException {
        assertEquals(RULES, ScoringRules.load(Path.of("config/scoring.yaml")));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
            "100, 优", "90, 优", "90.00, 优", "89.99, 良", "80, 良", "79.99, 中", "60, 中", "59.99, 差", "0, 差"})
    void gradeBandsAreInclusiveAtTheirLowerEdge(String total, String grade) {
        assertEquals(grade, RULES.grade(d(total)));
    }

    @Test
    void aBureauEditsTheYaml(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scoring.yaml");
        try (var in = Fixtures.yamlWith("- {grade: 优, min: 90}", "- {grade: 优, min: 95}")) {
            Files.write(file, in.readAllBytes());
        }
        ScoringRules rules = ScoringRules.load(file);
        assertEquals("良", rules.grade(d("94.99")));
        assertEquals("优", rules.grade(d("95")));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "execution_points: 10                   | execution_points: 0                        | project.execution_points: must be greater than 0",
            "    产出指标: 50                          |     产出指标: 60                               | project.level_weights: the weights sum to 100 but indicator_points is 90",
            "    效益指标: 30                          |     效益指标: -30                              | project.level_weights.效益指标: must be greater than 0",
            "- {grade: 良, min: 80}                 | - {grade: 良, min: 95}                     | grades[1].min: bands must be listed highest first",
            "- {grade: 差, min: 0}                  | - {grade: 差, min: 10}                     | grades: the lowest band's min must be 0 or below",
            "- {grade: 中, min: 60}                 | - {grade: 优, min: 60}                     | grades[2].grade: grade 优 appears twice",
            "factor: 0.7                            | factor: 1.7                                | project.qualitative.partly_achieved.factor: must be between 0 and 1",
            "self_score_tolerance: 0.5              | self_score_tolerance: -1                   | project.self_score_tolerance: must not be negative",
            "{type: ceiling, limit: 1, deduction_per_point: 1} | {type: ceiling, limit: 1}     | department.indicators[6].rule.deduction_per_point: is missing",
            "- {max: 0.20, score: 4}                | - {max: 0.05, score: 4}                    | department.indicators[3].rule.bands: the bands' max must increase",
            "- {max: 0.10, score: 7}                | - {max: 0.10, score: 17}                   | department.indicators[3].rule.bands[1].score: must be between 0 and the indicator's points 10",
            "levels: [产出指标]                      | levels: [成本指标]                          | department.indicators[8].levels: 成本指标 is not one of project.level_weights",
            "name: 预算调整率                        | name: 预算执行率                            | department.indicators[3].name: 预算执行率 appears twice",
            "measure: carryover_balance             | measure: budget_execution                  | department.indicators[4].measure: budget_execution appears twice",
            "at_most: [以内, 之内, 内, 以下]          | at_most: [以内, 之内, 内, 以上]              | project.suffixes: “以上” is listed under at_least and at_most",
            "total_points: 100                      | total_points:                              | department.total_points: is missing",
            "qualitative: [定性, 定性指标]            | qualitative: [定性, ≥]                      | project.comparators/directions: “≥” is listed under at_least and qualitative",
            "negations: [未, 部分, 基本, 不]          | negations: [未, '']                        | project.qualitative.negations: must not be blank",
            "    - {元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000} | - {元: 1, 万元: 0}                          | project.unit_groups[0].万元: must be greater than 0",
            "three_public_economic_classes: [\"30211\", | three_public_economic_classes: [\"差旅费\", | department.three_public_economic_classes: '差旅费' is no economic class code",
            "three_public_economic_classes: [\"30211\", | three_public_economic_classes: [\"302\", | department.three_public_economic_classes: '302' is no economic class code",
            "three_public_economic_classes: [\"30211\", \"30217\", \"30231\", \"31013\"] | three_public_economic_classes: [] | department.three_public_economic_classes: at least one economic class is required",
    })
    void aBadFileIsRefusedNamingTheKey(String original, String replacement, String expected) {
        IOException e = assertThrows(IOException.class, () -> Fixtures.rulesWith(original, replacement));
        assertTrue(e.getMessage().startsWith("评分规则文件有误 / invalid scoring rules test.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "measure: staff_control          | measure: staff_kontrol           | department.indicators[0].measure",
            "{type: proportional}            | {type: linear}                   | department.indicators[2].rule",
            "  self_score_tolerance: 0.5     | \"  self_score_tolerance: 0.5\\n  self_score_tolerence: 1\" | self_score_tolerence",
            "execution_points: 10            | execution_points: ten            | project.execution_points",
    })
    void aMistypedKeyOrValueIsNamed(String original, String replacement, String expected) {
        IOException e = assertThrows(IOException.class,
                () -> Fixtures.rulesWith(original, replacement.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void threePublicClassesAreTheSpecsUnlessTheFileNamesOthers() throws IOException {
        assertEquals(List.of("30211", "30217", "30231", "31013"), Fixtures.rulesWith(
                "  three_public_economic_classes: [\"30211\", \"30217\", \"30231\", \"31013\"]\n", "")
                .department().threePublicEconomicClasses(), "a rules file from before the key existed");
        assertEquals(List.of("30212", "30217", "30231", "31013"), Fixtures.rulesWith("[\"30211\",", "[\"30212\",")
                .department().threePublicEconomicClasses());
    }

    @Test
    void anEmptyFileIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> ScoringRules.read(new ByteArrayInputStream(new byte[0]), "empty.yaml"));
        assertTrue(e.getMessage().contains("empty.yaml"), e.getMessage());
    }

    @Test
    void aMissingSectionIsNamed() {
        IOException e = assertThrows(IOException.class, () -> ScoringRules.read(new ByteArrayInputStream(
                "grades:\n  - {grade: 优, min: 0}\n".getBytes(StandardCharsets.UTF_8)), "partial.yaml"));
        assertTrue(e.getMessage().contains("project: is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("department: is missing"), e.getMessage());
    }

    @Test
    void levelOfAcceptsTheLevelWithOrWithoutItsSuffix() {
        ScoringRules.ProjectRules p = RULES.project();
        assertEquals("产出指标", p.levelOf("产出"));
        assertEquals("产出指标", p.levelOf("产出指标"));
        assertEquals("满意度指标", p.levelOf(" 满意度 "));
        assertEquals(null, p.levelOf("成本指标"));
    }
}
