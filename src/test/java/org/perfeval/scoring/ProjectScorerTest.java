package org.perfeval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.scoring.Fixtures.RULES;
import static org.perfeval.scoring.Fixtures.d;
import static org.perfeval.scoring.Fixtures.ind;
import static org.perfeval.scoring.Fixtures.project;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.model.Indicator;
import org.perfeval.scoring.ScoringIssue.Kind;

class ProjectScorerTest {

    private static final String OUTPUT = "产出指标";
    private static final String BENEFIT = "效益指标";
    private static final String SATISFACTION = "满意度指标";

    private final ProjectScorer scorer = new ProjectScorer(RULES);
    private static final ProjectFigures FULLY_SPENT = project("P1", "项目一", "100000", "100000");

    /** Asserts value and scale: scores always carry 2 decimals. */
    private static void assertScore(String expected, BigDecimal actual) {
        assertEquals(expected, actual == null ? null : actual.toPlainString());
    }

    private ProjectScore score(Fixtures.Ind... indicators) {
        return scorer.score(FULLY_SPENT, Arrays.stream(indicators).map(Fixtures.Ind::build).toList());
    }

    private static List<Kind> kinds(ProjectScore s) {
        return s.issues().stream().map(ScoringIssue::kind).toList();
    }

    private static List<String> column(ProjectScore s, java.util.function.Function<IndicatorScore, BigDecimal> f) {
        return s.lines().stream().map(f).map(BigDecimal::toPlainString).toList();
    }

    /** One met indicator per level, so that the weights are the level weights. */
    private static Fixtures.Ind[] withOthersMet(Fixtures.Ind output) {
        return new Fixtures.Ind[] {output, ind(BENEFIT, "达到预期", "达到预期"), ind(SATISFACTION, "≥90%", "95%")};
    }

    // --- 预算执行率 ---

    @ParameterizedTest(name = "[{index}] spent {1} of {0} → {2}")
    @CsvSource({
            "552600, 408400, 7.39",      // the reference's 补充耕地问题: 73.91 %
            "100000, 100000, 10.00",
            "100000, 120000, 10.00",     // overspending earns no more than 10
            "100000, 0, 0.00",
            "100000, 99995, 10.00",      // 0.99995 → 9.9995 → 10.00
            "200000, 147890, 7.39",      // 0.73945 → 7.3945 → 7.39: the exact rate, though it shows as 0.7395
            "100000, 12345, 1.23",       // 0.12345 → 1.2345 → 1.23 (SPEC §5's rate is spent / budget_final)
            "100000, 12346, 1.23",       // 1.2346 → 1.23
            "100000, 12350, 1.24",       // 1.235 → 1.24 half-up
            "0, 0, 0.00",                // nothing budgeted: no rate, no points
            "0, 5000, 0.00",
    })
    void executionIsTenTimesTheRateCappedAtOne(String budget, String spent, String expected) {
        ProjectScore s = scorer.score(project("P1", "项目一", budget, spent), List.of(ind(OUTPUT, "≥1", "1").build()));
        assertScore(expected, s.execution());
    }

    @Test
    void theSpecsExampleProject() {
        // 补充耕地问题: 预算55.26万元, 支出40.84万元, every indicator met (SPEC §7.1's example)
        ProjectFigures p = project("2024006", "补充耕地问题", "552600", "408400");
        List<Indicator> indicators = Stream.of(
                ind(OUTPUT, "≥255亩", "255亩"), ind(OUTPUT, "通过验收", "通过验收"), ind(OUTPUT, "≤55.26万元", "40.84万元"),
                ind(BENEFIT, "达到预期", "达到预期"), ind(SATISFACTION, "≥90%", "93%")).map(Fixtures.Ind::build).toList();
        ProjectScore s = scorer.score(p, indicators);
        assertScore("7.39", s.execution());
        assertScore("90.00", s.indicators());
        assertScore("97.39", s.total());
        assertEquals("优", s.grade());
        assertEquals(List.of("16.67", "16.67", "16.66", "30.00", "10.00"), column(s, IndicatorScore::weight));
        assertEquals(List.of(), s.issues());
        assertTrue(s.lines().stream().allMatch(IndicatorScore::met));
    }

    // --- weights ---

    @ParameterizedTest(name = "[{index}] {0} indicators share {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | 产出指标   | 50.00",
            "2 | 产出指标   | 25.00 25.00",
            "3 | 产出指标   | 16.67 16.67 16.66",
            "3 | 满意度指标 | 3.33 3.33 3.34",
            "7 | 效益指标   | 4.29 4.29 4.29 4.29 4.29 4.29 4.26",
            "6 | 产出指标   | 8.33 8.33 8.33 8.33 8.33 8.35",
    })
    void equalSharesTheLastTakingTheRemainder(int n, String level, String expected) {
        List<Fixtures.Ind> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            list.add(ind(level, "≥1", "1"));
        }
        for (String other : List.of(OUTPUT, BENEFIT, SATISFACTION)) {
            if (!other.equals(level)) {
                list.add(ind(other, "≥1", "1"));
            }
        }
        ProjectScore s = score(list.toArray(Fixtures.Ind[]::new));
        assertEquals(List.of(expected.split(" ")), column(s, IndicatorScore::weight).subList(0, n));
        assertEquals(Weighting.Basis.EQUAL_SHARES, s.weighting().basis());
        assertFalse(s.weighting().rescaled());
        assertScore("90.00", s.indicators());
        assertEquals(List.of(), s.issues());
    }

    @Test
    void aLevelWithoutIndicatorsDropsOutAndTheRestIsRescaled() {
        ProjectScore s = score(ind(OUTPUT, "≥10", "10"), ind(OUTPUT, "≥10", "5"), ind(BENEFIT, "达到预期", "达到预期"));
        assertEquals(List.of("25.00", "25.00", "30.00"), column(s, IndicatorScore::weight));
        assertEquals(List.of(SATISFACTION), s.weighting().missingLevels());
        assertTrue(s.weighting().rescaled());
        // 25, 25, 30 × 90/80, the last taking the remainder as equal shares do: the 分值 column adds up to 90
        assertEquals(List.of("28.13", "28.13", "33.74"), column(s, IndicatorScore::scaledWeight));
        assertEquals(List.of("25.00", "12.50", "30.00"), column(s, IndicatorScore::computedScore));
        // each line its share of the 分值 shown: 50 % of 28.13 is 14.065 → 14.07
        assertEquals(List.of("28.13", "14.07", "33.74"), column(s, IndicatorScore::score));
        assertScore("75.94", s.indicators());
        assertEquals(List.of(Kind.INDICATOR_WEIGHTS), kinds(s));
    }

    @Test
    void declaredWeightsSummingToNinetyAreUsedAsTheyAre() {
        ProjectScore s = score(ind(OUTPUT, "≥10", "10").weight("40"), ind(OUTPUT, "≥10", "5").weight("20"),
                ind(BENEFIT, "达到预期", "达到预期").weight("20"), ind(SATISFACTION, "≥90%", "95%").weight("10"));
        assertEquals(Weighting.Basis.DECLARED, s.weighting().basis());
        assertEquals(List.of("40.00", "10.00", "20.00", "10.00"), column(s, IndicatorScore::score));
        assertScore("80.00", s.indicators());
        assertEquals(List.of(), s.issues());
    }

    @ParameterizedTest(name = "[{index}] weights {0} → scores {1}, sum {2}")
    @CsvSource(delimiter = '|', value = {
            "20 20 20 20 20 | 18.00 18.00 18.00 18.00 18.00 | 90.00",
            "30 30          | 45.00 45.00                   | 90.00",
            "7 6            | 48.46 41.54                   | 90.00",
            "1 1 1 1 1 1 1  | 12.86 12.86 12.86 12.86 12.86 12.86 12.84 | 90.00",
            "30 30 30 20    | 24.55 24.55 24.55 16.35       | 90.00",
    })
    void declaredWeightsNotSummingToNinetyAreRescaled(String weights, String scores, String sum) {
        List<Fixtures.Ind> list = new ArrayList<>();
        for (String w : weights.split(" ")) {
            list.add(ind(OUTPUT, "≥1", "1").weight(w));
        }
        ProjectScore s = score(list.toArray(Fixtures.Ind[]::new));
        assertEquals(List.of(scores.split(" ")), column(s, IndicatorScore::score));
        // seven lines of 12.86 would make 90.02: the last takes the remainder, and the lines add up to the total
        assertScore(sum, s.indicators());
        assertScore(sum, s.lines().stream().map(IndicatorScore::score).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertScore(sum, s.lines().stream().map(IndicatorScore::scaledWeight).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(List.of(Kind.INDICATOR_WEIGHTS), kinds(s));
        assertTrue(s.lines().get(0).explanation().endsWith("折算"), s.lines().get(0).explanation());
    }

    @Test
    void weightsGivenForSomeIndicatorsOnlyAreIgnored() {
        ProjectScore s = score(ind(OUTPUT, "≥1", "1").weight("40"), ind(OUTPUT, "≥1", "1"),
                ind(BENEFIT, "≥1", "1").weight("30"), ind(SATISFACTION, "≥1", "1"));
        assertEquals(Weighting.Basis.EQUAL_SHARES_PARTLY_DECLARED, s.weighting().basis());
        assertEquals(2, s.weighting().declaredCount());
        assertEquals(List.of("25.00", "25.00", "30.00", "10.00"), column(s, IndicatorScore::weight));
        assertFalse(s.weighting().rescaled());
        assertEquals(List.of(Kind.INDICATOR_WEIGHTS), kinds(s));
    }

    // --- indicator formulas, rounding half-up per line ---

    @ParameterizedTest(name = "[{index}] w={0} {1} vs {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "16.67 | ≥10个       | 5个         | 8.34",    // 8.335: half-up, not half-even
            "15    | ≥1000      | 123        | 1.85",    // 1.845
            "15    | ≥1000      | 121        | 1.82",    // 1.815
            "10    | ≥3         | 1          | 3.33",
            "10    | ≥3         | 2          | 6.67",
            "10    | ≥0         | 0          | 10.00",   // a target of 0 gives w
            "10    | ≥95%       | 98%        | 10.00",
            "10    | =2个       | 1个        | 5.00",
            "10    | =2个       | 4个        | 10.00",
            "10    | 100%       | 99%        | 9.90",
            "10    | ≤55.26万元 | 40.84万元   | 10.00",
            "10    | ≤50万元    | 62.5万元    | 8.00",    // w × target / actual
            "10    | ≤3         | 7          | 4.29",
            "10    | ≤0人       | 2人         | 0.00",
            "10    | 2024年12月31日前 | 2024年12月31日 | 10.00",
            "10    | 2024年10月31日前 | 2024年11月1日  | 0.00",
            "10    | 达到预期    | 达到预期     | 10.00",
            "10    | 有效提升    | 基本达到     | 7.00",
            "10    | 有效提升    | 未达到       | 0.00",
            "16.67 | 有效提升    | 较好        | 11.67",   // 11.669
            "10    | ≥255亩     | 达到预期     | 0.00",    // unreadable actual
    })
    void indicatorScores(String weight, String target, String actual, String expected) {
        String rest = d("90").subtract(d(weight)).toPlainString();
        ProjectScore s = score(ind(OUTPUT, target, actual).weight(weight), ind(BENEFIT, "≥1", "1").weight(rest));
        IndicatorScore line = s.lines().get(0);
        assertFalse(s.weighting().rescaled());
        assertScore(expected, line.computedScore());
        assertScore(expected, line.score());
    }

    @Test
    void totalsAreSumsOfRoundedLines() {
        // two lines of 25 × 1/3 = 8.333…: each 8.33, so 16.66 (the unrounded sum would round to 16.67)
        ProjectScore s = score(ind(OUTPUT, "≥3", "1"), ind(OUTPUT, "≥3", "1"), ind(BENEFIT, "≥1", "1"),
                ind(SATISFACTION, "≥1", "1"));
        assertEquals(List.of("8.33", "8.33", "30.00", "10.00"), column(s, IndicatorScore::score));
        assertScore("56.66", s.indicators());
        assertScore("66.66", s.total());
        assertEquals("中", s.grade());
    }

    @ParameterizedTest(name = "[{index}] spent {0}, {1} of the indicator points → {2} {3}")
    @CsvSource({
            "100000, 1,      100.00, 优",
            "90000,  0.9,    90.00,  优",
            "100000, 0.8888, 89.99,  良",    // 79.992 → 79.99
            "100000, 0.7778, 80.00,  良",    // 70.002 → 70.00
            "100000, 0.7777, 79.99,  中",
            "100000, 0.5555, 60.00,  中",    // 49.995 → 50.00
            "100000, 0.5554, 59.99,  差",
            "0,      0,      0.00,   差",
    })
    void gradeFollowsTheTotal(String spent, String share, String total, String grade) {
        String actual = d(share).multiply(BigDecimal.valueOf(100)).toPlainString();
        ProjectScore s = scorer.score(project("P1", "项目一", "100000", spent), List.of(
                ind(OUTPUT, "≥100", actual).weight("90").build()));
        assertScore(total, s.total());
        assertEquals(grade, s.grade());
    }

    // --- 自评得分 ---

    @ParameterizedTest(name = "[{index}] {0}/{1}: manual {2} → {3}, deviates {4}")
    @CsvSource(delimiter = '|', value = {
            "达到预期 | 达到预期 | 8     | 8.00  | false",   // 定性: the manual score stands
            "达到预期 | 基本达到 | 6.5   | 6.50  | false",
            "达到预期 | 达到预期 | 0     | 0.00  | false",
            "达到预期 | 达到预期 | 10    | 10.00 | false",
            "达到预期 | 达到预期 | 12    | 10.00 | true",    // out of 0..w: ignored
            "达到预期 | 达到预期 | -1    | 10.00 | true",
            "≥100    | 80      | 8     | 8.00  | false",   // quantitative: the formula stands
            "≥100    | 80      | 10    | 8.00  | true",
            "≥100    | 80      | 8.5   | 8.00  | true",    // exactly 0.5 apart
            "≥100    | 80      | 8.49  | 8.00  | false",
            "≥100    | 80      | 7.5   | 8.00  | true",
            "2024年6月30日前 | 2024年7月5日 | 10 | 0.00 | true",
    })
    void manualScores(String target, String actual, String manual, String expected, boolean deviates) {
        ProjectScore s = score(ind(OUTPUT, target, actual).weight("10").manual(manual),
                ind(BENEFIT, "≥1", "1").weight("80"));
        IndicatorScore line = s.lines().get(0);
        assertScore(expected, line.score());
        assertEquals(deviates, kinds(s).contains(Kind.SELF_SCORE_DEVIATES));
        assertFalse(s.weighting().rescaled());
    }

    @Test
    void anAcceptedManualScoreIsRescaledToo() {
        ProjectScore s = score(ind(OUTPUT, "达到预期", "达到预期").weight("10").manual("8"), ind(BENEFIT, "≥1", "1").weight("90"));
        assertTrue(s.lines().get(0).manualScoreUsed());
        assertScore("10.00", s.lines().get(0).computedScore());
        assertScore("7.20", s.lines().get(0).score());   // 8 × 90/100
        assertScore("9.00", s.lines().get(0).scaledWeight());
    }

    // --- problems ---

    @Test
    void unreadableIndicatorsScoreZeroWithAFinding() {
        ProjectScore s = score(ind(OUTPUT, "90%-100%", "95%").reason(null), ind(OUTPUT, "≥1", "").reason(null),
                ind(BENEFIT, "≥1", "1"), ind(SATISFACTION, "≥1", "1"));
        assertEquals(List.of("0.00", "0.00", "30.00", "10.00"), column(s, IndicatorScore::score));
        assertEquals(List.of(Kind.UNREADABLE_INDICATOR, Kind.UNREADABLE_INDICATOR), kinds(s));
        assertEquals(Attainment.UNREADABLE, s.lines().get(0).attainment());
        assertTrue(s.lines().get(0).problem().contains("多个数值"), s.lines().get(0).problem());
        assertEquals("实际完成值为空", s.lines().get(1).problem());
    }

    @Test
    void anUnknownLevelWeighsNothingAndIsUnreadable() {
        ProjectScore s = score(ind(OUTPUT, "≥1", "1"), ind("成本指标", "≤10万元", "9万元"), ind(BENEFIT, "≥1", "1"),
                ind(SATISFACTION, "≥1", "1"));
        assertEquals(List.of("50.00", "0.00", "30.00", "10.00"), column(s, IndicatorScore::weight));
        assertNull(s.lines().get(1).level1());
        assertEquals(List.of(Kind.UNREADABLE_INDICATOR), kinds(s));
        assertScore("90.00", s.indicators());
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1}, reason \"{2}\" → {3}")
    @CsvSource(delimiter = '|', value = {
            "≥120亩   | 96亩     | ''           | true",
            "≥120亩   | 96亩     | 汛期延误       | false",
            "≥120亩   | 120亩    | ''           | false",
            "有效提升  | 基本达到  | ''           | true",
            "2024年6月30日前 | 2024年9月15日 | '' | true",
            "≥120亩   | 看不懂    | ''           | false",   // unreadable: UNREADABLE_INDICATOR instead
    })
    void notFullyMetNeedsADeviationReason(String target, String actual, String reason, boolean missing) {
        ProjectScore s = score(withOthersMet(ind(OUTPUT, target, actual).reason(reason)));
        assertEquals(missing, kinds(s).contains(Kind.MISSING_DEVIATION_REASON), kinds(s).toString());
    }

    /** 零事故 against 无安全事故 is 未达成 by the words, but the department's full 自评得分 stands: nothing to explain. */
    @Test
    void aQualitativeIndicatorGivenFullMarksNeedsNoDeviationReason() {
        ProjectScore s = score(ind(OUTPUT, "零事故", "无安全事故").weight("50").manual("50").reason(""),
                ind(BENEFIT, "≥1", "1").weight("30"), ind(SATISFACTION, "≥1", "1").weight("10"));
        assertScore("50.00", s.lines().get(0).score());
        assertFalse(kinds(s).contains(Kind.MISSING_DEVIATION_REASON), kinds(s).toString());
        ProjectScore partly = score(ind(OUTPUT, "零事故", "无安全事故").weight("50").manual("40").reason(""),
                ind(BENEFIT, "≥1", "1").weight("30"), ind(SATISFACTION, "≥1", "1").weight("10"));
        assertTrue(kinds(partly).contains(Kind.MISSING_DEVIATION_REASON), kinds(partly).toString());
    }

    @Test
    void aProjectWithoutIndicatorsIsNotGraded() {
        ProjectScore s = scorer.score(project("P9", "无指标项目", "100000", "50000"), List.of());
        assertScore("5.00", s.execution());
        assertNull(s.indicators());
        assertNull(s.total());
        assertNull(s.grade());
        assertFalse(s.graded());
        assertEquals(List.of(Kind.NO_INDICATORS), kinds(s));
    }

    @Test
    void subtotalsFeedTheDepartmentForm() {
        ProjectScore s = score(ind(OUTPUT, "≥10", "10"), ind(OUTPUT, "≥10", "5"), ind(BENEFIT, "有效提升", "基本达到"),
                ind(SATISFACTION, "≥90%", "95%"));
        ProjectScore.Subtotal output = s.subtotal(List.of(OUTPUT));
        assertScore("50.00", output.weight());
        assertScore("37.50", output.score());
        ProjectScore.Subtotal benefit = s.subtotal(List.of(BENEFIT, SATISFACTION));
        assertScore("40.00", benefit.weight());
        assertScore("31.00", benefit.score());
    }

    @Test
    void scoreAllScoresTheSpendingProjectsWithTheirIndicators() {
        var figures = Fixtures.department(null, "0", List.of(
                project("B1", "人员经费", ExpenseClassifier.PERSONNEL, "500000", "0", "500000"),
                project("P1", "项目一", "100000", "100000"),
                project("P2", "项目二", "100000", "50000")));
        SortedMap<String, ProjectScore> scores = scorer.scoreAll(figures, List.of(
                ind(OUTPUT, "≥1", "1").project("P1").build(), ind(OUTPUT, "≥1", "1").project("B1").build()));
        assertEquals(List.of("P1", "P2"), List.copyOf(scores.keySet()));
        assertScore("100.00", scores.get("P1").total());
        assertFalse(scores.get("P2").graded());
    }

    @Test
    void levelWeightsComeFromTheYaml() throws IOException {
        ScoringRules rules = Fixtures.rulesWith("    产出指标: 50\n    效益指标: 30", "    产出指标: 40\n    效益指标: 40");
        ProjectScore s = new ProjectScorer(rules).score(FULLY_SPENT, Stream.of(withOthersMet(ind(OUTPUT, "≥1", "1")))
                .map(Fixtures.Ind::build).toList());
        assertEquals(List.of("40.00", "40.00", "10.00"), column(s, IndicatorScore::weight));
    }

    @Test
    void qualitativeFactorsComeFromTheYaml() throws IOException {
        ScoringRules rules = Fixtures.rulesWith("factor: 0.7", "factor: 0.6");
        ProjectScore s = new ProjectScorer(rules).score(FULLY_SPENT, List.of(
                ind(OUTPUT, "有效提升", "基本达到").weight("10").build(), ind(BENEFIT, "≥1", "1").weight("80").build()));
        assertScore("6.00", s.lines().get(0).score());
    }
}
