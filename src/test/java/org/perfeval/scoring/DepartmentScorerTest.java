package org.perfeval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.scoring.Fixtures.RULES;
import static org.perfeval.scoring.Fixtures.department;
import static org.perfeval.scoring.Fixtures.ind;
import static org.perfeval.scoring.Fixtures.profile;
import static org.perfeval.scoring.Fixtures.project;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.scoring.DepartmentScore.DepartmentIndicatorScore;

class DepartmentScorerTest {

    private final DepartmentScorer scorer = new DepartmentScorer(RULES);
    private final ProjectScorer projectScorer = new ProjectScorer(RULES);

    private static final DepartmentProfile FULL_PROFILE =
            profile(90, 88, 33, 121, "100000", "100000", "500000", "500000");
    private static final List<ProjectFigures> ON_BUDGET = List.of(
            project("B1", "人员经费", ExpenseClassifier.PERSONNEL, "1000000", "0", "1000000"),
            project("B2", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, "200000", "0", "200000"),
            project("P1", "项目一", "300000", "300000"));

    private static DepartmentIndicatorScore line(DepartmentScore score, String name) {
        return score.indicators().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private DepartmentScore score(DepartmentProfile profile, String threePublicSpent, List<ProjectFigures> projects) {
        return scorer.score(department(profile, threePublicSpent, projects), Map.of());
    }

    private static void assertLine(DepartmentIndicatorScore line, String value, String score) {
        assertTrue(line.applicable(), line.toString());
        assertEquals(value, line.value() == null ? null : line.value().toPlainString(), line.toString());
        assertEquals(score, line.score().toPlainString(), line.toString());
    }

    @Test
    void tenIndicatorsNamedAsTheSpecTable() {
        DepartmentScore s = score(FULL_PROFILE, "100000", ON_BUDGET);
        assertEquals(List.of("在职人员控制率", "三公经费变动率", "预算执行率", "预算调整率", "结转结余率", "公用经费控制率",
                "三公经费控制率", "政府采购执行率", "项目产出完成度", "项目效益完成度"),
                s.indicators().stream().map(DepartmentIndicatorScore::name).toList());
        assertEquals(List.of("投入", "投入", "过程", "过程", "过程", "过程", "过程", "过程", "产出", "效益"),
                s.indicators().stream().map(DepartmentIndicatorScore::level1).toList());
        assertEquals(List.of("5", "5", "10", "10", "5", "5", "5", "5", "30", "20"),
                s.indicators().stream().map(l -> l.points().toPlainString()).toList());
    }

    @ParameterizedTest(name = "[{index}] {0} in post of {1} → {2}, {3}")
    @CsvSource({
            "88, 90, 0.9778, 5.00",
            "90, 90, 1.0000, 5.00",      // the edge is inclusive
            "41, 40, 1.0250, 3.75",      // 2.5 points over × 0.5
            "91, 90, 1.0111, 4.44",      // 1.111… points over (the exact rate) → 4.4444 → 4.44
            "202, 200, 1.0100, 4.50",    // 1 point over → 4.50
            "403, 400, 1.0075, 4.63",    // 0.75 points over → 4.625 → 4.63 half-up
            "49, 40, 1.2250, 0.00",      // 22.5 points over: stops at 0
            "60, 40, 1.5000, 0.00",
    })
    void staffControl(int active, int quota, String value, String score) {
        DepartmentScore s = score(profile(quota, active, 33, active + 33, "100000", "100000", "1", "1"), "0", ON_BUDGET);
        assertLine(line(s, "在职人员控制率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] 三公 {0} after {1} → {2}, {3}")
    @CsvSource({
            "90000,  100000, -0.1000, 5.00",
            "100000, 100000, 0.0000,  5.00",
            "102500, 100000, 0.0250,  3.75",
            "101000, 100000, 0.0100,  4.50",
            "120000, 100000, 0.2000,  0.00",
    })
    void threePublicChange(String spent, String prior, String value, String score) {
        DepartmentScore s = score(profile(90, 88, 33, 121, "1000000", prior, "1", "1"), spent, ON_BUDGET);
        assertLine(line(s, "三公经费变动率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] 三公 {0} of budget {1} → {2}, {3}")
    @CsvSource({
            "80000,  100000, 0.8000, 5.00",
            "100000, 100000, 1.0000, 5.00",
            "102500, 100000, 1.0250, 2.50",     // 1 point a point over
            "104000, 100000, 1.0400, 1.00",
            "105000, 100000, 1.0500, 0.00",
            "110000, 100000, 1.1000, 0.00",
    })
    void threePublicControl(String spent, String budget, String value, String score) {
        DepartmentScore s = score(profile(90, 88, 33, 121, budget, "1000000", "1", "1"), spent, ON_BUDGET);
        assertLine(line(s, "三公经费控制率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] spent {1} of {0} → {2}, {3}")
    @CsvSource({
            "1000000, 1000000, 1.0000, 10.00",
            "1000000, 739050,  0.7391, 7.39",
            "1000000, 1200000, 1.2000, 10.00",
            "1000000, 0,       0.0000, 0.00",
    })
    void budgetExecution(String budget, String spent, String value, String score) {
        DepartmentScore s = score(FULL_PROFILE, "100000", List.of(project("P1", "项目一", budget, spent)));
        assertLine(line(s, "预算执行率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] adjustment {1} on {0} → {2}, {3}")
    @CsvSource({
            "1000000, 0,        0.0000, 10.00",
            "1000000, 1,        0.0000, 7.00",    // 0.000001 shows as 0.0000 but is no 0: the budget was adjusted
            "1000000, 50000,    0.0500, 7.00",
            "1000000, 100000,   0.1000, 7.00",    // edges inclusive: 10 % → 7
            "1000000, 100004,   0.1000, 4.00",    // 10.0004 % is over the edge, though it shows as 0.1000
            "1000000, 100100,   0.1001, 4.00",
            "1000000, -100000,  0.1000, 7.00",    // cuts count as much as additions
            "1000000, 200000,   0.2000, 4.00",
            "1000000, 200100,   0.2001, 2.00",
            "1000000, 300000,   0.3000, 2.00",
            "1000000, 300100,   0.3001, 0.00",
            "1000000, 52770000, 52.7700, 0.00",
    })
    void budgetAdjustmentBands(String initial, String adjustment, String value, String score) {
        DepartmentScore s = score(FULL_PROFILE, "100000", List.of(
                project("P1", "项目一", ExpenseClassifier.PROJECT, initial, adjustment, "0")));
        assertLine(line(s, "预算调整率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] balance {1} of {0} → {2}, {3}")
    @CsvSource({
            "1000000, 0,      0.0000, 5.00",
            "1000000, 50000,  0.0500, 5.00",
            "1000000, 50100,  0.0501, 3.00",
            "1000000, 100000, 0.1000, 3.00",
            "1000000, 200000, 0.2000, 1.00",
            "1000000, 200100, 0.2001, 0.00",
            "1000000, -50000, -0.0500, 5.00",    // overspent: no balance at all
    })
    void carryoverBalanceBands(String budget, String balance, String value, String score) {
        String spent = new BigDecimal(budget).subtract(new BigDecimal(balance)).toPlainString();
        DepartmentScore s = score(FULL_PROFILE, "100000", List.of(project("P1", "项目一", budget, spent)));
        assertLine(line(s, "结转结余率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] 公用经费 {1} of {0} → {2}, {3}")
    @CsvSource({
            "200000, 180000, 0.9000, 5.00",
            "200000, 200000, 1.0000, 5.00",
            "200000, 205000, 1.0250, 3.75",
            "200000, 240000, 1.2000, 0.00",
    })
    void publicOperationControl(String budget, String spent, String value, String score) {
        DepartmentScore s = score(FULL_PROFILE, "100000", List.of(
                project("B2", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, budget, "0", spent),
                project("P1", "项目一", "300000", "300000")));
        assertLine(line(s, "公用经费控制率"), value, score);
        assertNull(line(s, "公用经费控制率").note());
    }

    @Test
    void unsplitBasicBudgetIsLeftOutOfPublicOperationAndSaidSo() {
        DepartmentScore s = score(FULL_PROFILE, "100000", List.of(
                project("B0", "基本支出", ExpenseClassifier.BASIC, "1929170", "0", "1929170"),
                project("B2", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, "200000", "0", "200000")));
        DepartmentIndicatorScore line = line(s, "公用经费控制率");
        assertLine(line, "1.0000", "5.00");
        assertEquals("另有未区分人员经费和公用经费的基本支出预算192.92万元，未计入", line.note());

        DepartmentScore onlyBasic = score(FULL_PROFILE, "100000", List.of(
                project("B0", "基本支出", ExpenseClassifier.BASIC, "1929170", "0", "1929170")));
        assertFalse(line(onlyBasic, "公用经费控制率").applicable());
        assertEquals("不适用：基本支出预算未区分人员经费和公用经费", line(onlyBasic, "公用经费控制率").note());
    }

    @ParameterizedTest(name = "[{index}] 政府采购 {1} of {0} → {2}, {3}")
    @CsvSource({
            "500000, 400000, 0.8000, 4.00",
            "500000, 500000, 1.0000, 5.00",
            "500000, 600000, 1.2000, 5.00",
            "500000, 0,      0.0000, 0.00",
    })
    void procurementExecution(String budget, String actual, String value, String score) {
        DepartmentScore s = score(profile(90, 88, 33, 121, "100000", "100000", budget, actual), "100000", ON_BUDGET);
        assertLine(line(s, "政府采购执行率"), value, score);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "在职人员控制率 | 不适用：未提供单位基本情况表（编制数、在职人数）",
            "三公经费变动率 | 不适用：未提供单位基本情况表（上年三公经费支出）",
            "三公经费控制率 | 不适用：未提供单位基本情况表（三公经费预算数）",
            "政府采购执行率 | 不适用：未提供单位基本情况表（政府采购预算数、实际数）",
            "项目产出完成度 | 不适用：没有已评分且设有产出指标的项目",
            "项目效益完成度 | 不适用：没有已评分且设有效益指标、满意度指标的项目",
    })
    void withoutAProfileOrScoresIndicatorsAreNotApplicable(String name, String note) {
        DepartmentIndicatorScore line = line(score(null, "100000", ON_BUDGET), name);
        assertFalse(line.applicable());
        assertNull(line.value());
        assertNull(line.score());
        assertEquals(note, line.note());
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "在职人员控制率 | 不适用：未提供编制数",
            "三公经费变动率 | 不适用：未提供上年三公经费支出",
            "三公经费控制率 | 不适用：未提供三公经费预算数",
            "政府采购执行率 | 不适用：未提供政府采购预算数",
    })
    void aMissingProfileFigureMakesItsIndicatorNotApplicable(String name, String note) {
        DepartmentScore s = score(profile(null, 88, 33, 121, null, null, null, "1"), "100000", ON_BUDGET);
        assertFalse(line(s, name).applicable());
        assertEquals(note, line(s, name).note());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "预算执行率   | 不适用：全年预算为0，无法计算",
            "预算调整率   | 不适用：年初预算为0，无法计算",
            "结转结余率   | 不适用：全年预算为0，无法计算",
            "公用经费控制率 | 不适用：预算中没有公用经费",
            "在职人员控制率 | 不适用：编制数为0，无法计算",
            "政府采购执行率 | 不适用：政府采购预算数为0，无法计算",
            "三公经费控制率 | 不适用：三公经费预算数为0，无法计算",
            "三公经费变动率 | 不适用：上年三公经费支出为0，无法计算",
    })
    void aZeroBaseIsNotApplicable(String name, String note) {
        DepartmentScore s = score(profile(0, 0, 0, 0, "0", "0", "0", "0"), "0", List.of());
        assertFalse(line(s, name).applicable());
        assertEquals(note, line(s, name).note());
    }

    @Test
    void spendingOverAZeroCeilingScoresZero() {
        DepartmentScore s = score(profile(90, 88, 33, 121, "0", "0", "1", "1"), "20000", ON_BUDGET);
        for (String name : List.of("三公经费控制率", "三公经费变动率")) {
            DepartmentIndicatorScore line = line(s, name);
            assertTrue(line.applicable());
            assertNull(line.value());
            assertEquals("0.00", line.score().toPlainString());
            assertTrue(line.note().endsWith("为0而实际发生支出，按超出上限计0分"), line.note());
        }
    }

    @Test
    void projectCompletionIsWeightedByBudget() {
        ProjectFigures p1 = project("P1", "项目一", "300000", "300000");
        ProjectFigures p2 = project("P2", "项目二", "100000", "100000");
        ProjectFigures p3 = project("P3", "未评分", "600000", "600000");
        ProjectScore s1 = projectScorer.score(p1, List.of(ind("产出指标", "≥1", "1").project("P1").build(),
                ind("效益指标", "有效提升", "基本达到").project("P1").build(), ind("满意度指标", "≥90%", "95%").project("P1").build()));
        ProjectScore s2 = projectScorer.score(p2, List.of(ind("产出指标", "≥2", "1").project("P2").build(),
                ind("效益指标", "达到预期", "达到预期").project("P2").build(), ind("满意度指标", "≥90%", "95%").project("P2").build()));
        ProjectScore s3 = projectScorer.score(p3, List.of());
        DepartmentScore s = scorer.score(department(FULL_PROFILE, "100000", List.of(p1, p2, p3)),
                Map.of("P1", s1, "P2", s2, "P3", s3));
        // 产出: (300000 × 50/50 + 100000 × 25/50) / 400000 = 0.875
        assertLine(line(s, "项目产出完成度"), "0.8750", "26.25");
        // 效益+满意度: (300000 × 31/40 + 100000 × 40/40) / 400000 = 0.83125 → 0.8313
        assertLine(line(s, "项目效益完成度"), "0.8313", "16.63");
    }

    @Test
    void aGradedProjectWithoutALevelAddsNothingToIt() {
        ProjectFigures p1 = project("P1", "项目一", "300000", "300000");
        ProjectFigures p2 = project("P2", "项目二", "100000", "100000");
        ProjectScore s1 = projectScorer.score(p1, List.of(ind("产出指标", "≥2", "1").project("P1").build()));
        ProjectScore s2 = projectScorer.score(p2, List.of(ind("效益指标", "≥2", "1").project("P2").build()));
        DepartmentScore s = scorer.score(department(FULL_PROFILE, "100000", List.of(p1, p2)), Map.of("P1", s1, "P2", s2));
        assertLine(line(s, "项目产出完成度"), "0.5000", "15.00");
        assertLine(line(s, "项目效益完成度"), "0.5000", "10.00");
    }

    @Test
    void totalOfAFullyApplicableDepartment() {
        ProjectScore p1 = projectScorer.score(ON_BUDGET.get(2), List.of(ind("产出指标", "≥1", "1").build(),
                ind("效益指标", "≥1", "1").build(), ind("满意度指标", "≥1", "1").build()));
        DepartmentScore s = scorer.score(department(FULL_PROFILE, "100000", ON_BUDGET), Map.of("P1", p1));
        assertTrue(s.indicators().stream().allMatch(DepartmentIndicatorScore::applicable));
        assertEquals("100.00", s.total().toPlainString());
        assertEquals("优", s.grade());
    }

    @Test
    void totalIsRescaledToTheApplicablePoints() {
        // no profile: 20 of the 100 points are not applicable; 350000 of 500000 spent → 预算执行率 7, 结转结余率 0
        ProjectFigures half = project("P1", "项目一", "300000", "150000");
        ProjectScore p1 = projectScorer.score(half, List.of(ind("产出指标", "≥1", "1").build(),
                ind("效益指标", "≥1", "1").build(), ind("满意度指标", "≥1", "1").build()));
        DepartmentScore s = scorer.score(department(null, "0", List.of(
                project("B2", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, "200000", "0", "200000"), half)),
                Map.of("P1", p1));
        // (7 + 10 + 0 + 5 + 30 + 20) × 100 / 80 = 90.00: the grade edge is inclusive
        assertEquals("90.00", s.total().toPlainString());
        assertEquals("优", s.grade());
    }

    @Test
    void totalIsRoundedHalfUpToTwoDecimals() {
        // only 预算执行率 (10 points) and 结转结余率 (5) apply: 7.39 × 100 / 15 = 49.2666… → 49.27
        DepartmentScore s = score(null, "0",
                List.of(project("P1", "项目一", ExpenseClassifier.PROJECT, "0", "1000000", "739000")));
        assertEquals(List.of("预算执行率", "结转结余率"), s.indicators().stream()
                .filter(DepartmentIndicatorScore::applicable).map(DepartmentIndicatorScore::name).toList());
        assertEquals("49.27", s.total().toPlainString());
        assertEquals("差", s.grade());
    }

    @Test
    void nothingApplicableMeansNoTotal() {
        DepartmentScore s = score(null, "0", List.of());
        assertTrue(s.indicators().stream().noneMatch(DepartmentIndicatorScore::applicable));
        assertNull(s.total());
        assertNull(s.grade());
    }

    @Test
    void rulesComeFromTheYaml() throws IOException {
        ScoringRules rules = Fixtures.rulesWith("{type: ceiling, limit: 1, deduction_per_point: 1}",
                "{type: ceiling, limit: 1, deduction_per_point: 2}");
        DepartmentScore s = new DepartmentScorer(rules).score(
                department(profile(90, 88, 33, 121, "100000", "1000000", "1", "1"), "102000", ON_BUDGET), Map.of());
        assertLine(line(s, "三公经费控制率"), "1.0200", "1.00");
    }

    @Test
    void namesComeFromTheYaml() throws IOException {
        ScoringRules rules = Fixtures.rulesWith("name: 政府采购执行率", "name: 政府采购预算执行率");
        DepartmentScore s = new DepartmentScorer(rules).score(department(FULL_PROFILE, "100000", ON_BUDGET), Map.of());
        assertLine(line(s, "政府采购预算执行率"), "1.0000", "5.00");
    }
}
