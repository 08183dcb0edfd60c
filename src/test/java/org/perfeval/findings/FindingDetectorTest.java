package org.perfeval.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.scoring.Fixtures.department;
import static org.perfeval.scoring.Fixtures.ind;
import static org.perfeval.scoring.Fixtures.profile;
import static org.perfeval.scoring.Fixtures.project;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.scoring.Fixtures;
import org.perfeval.scoring.ProjectScore;
import org.perfeval.scoring.ProjectScorer;

class FindingDetectorTest {

    private static final LongFunction<String> FILES = batch -> switch ((int) batch) {
        case 4 -> "2024年单位基本情况.csv";
        case 7 -> "2024年绩效指标.xls";
        default -> null;
    };
    private static final DepartmentProfile CONSISTENT = profile(90, 88, 33, 121, "100000", "100000", "1", "1");

    private final FindingDetector detector = new FindingDetector(new BigDecimal("0.9"), FILES);
    private final ProjectScorer scorer = new ProjectScorer(Fixtures.RULES);

    private List<Finding> detect(DepartmentProfile profile, ProjectFigures... projects) {
        return detector.detect(department(profile, "0", List.of(projects)), Map.of());
    }

    private List<Finding> detectScored(ProjectFigures project, Fixtures.Ind... indicators) {
        ProjectScore score = scorer.score(project, Arrays.stream(indicators).map(Fixtures.Ind::build).toList());
        return detector.detect(department(CONSISTENT, "0", List.of(project)), Map.of(project.code(), score));
    }

    private static List<Finding> only(List<Finding> findings, FindingCode code) {
        return findings.stream().filter(f -> f.code().equals(code.name())).toList();
    }

    private static Finding single(List<Finding> findings, FindingCode code) {
        List<Finding> of = only(findings, code);
        assertEquals(1, of.size(), findings.toString());
        return of.get(0);
    }

    private static void assertMentions(Finding f, String... parts) {
        for (String part : parts) {
            assertTrue(f.message().contains(part), "“" + part + "” not in: " + f.message());
        }
    }

    /** One met indicator per level. */
    private static Fixtures.Ind[] allMet() {
        return new Fixtures.Ind[] {ind("产出指标", "≥1", "1"), ind("效益指标", "≥1", "1"), ind("满意度指标", "≥1", "1")};
    }

    // --- SPEC §8, the reference report's problem 1 ---

    /** 株洲市渌口区自然资源局 2024: its projects as the reference report states them (万元 × 10000). */
    private static final List<ProjectFigures> REFERENCE = List.of(
            project("B1", "人员经费", ExpenseClassifier.PERSONNEL, "13201300", "0", "13201300"),
            project("B2", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, "6090400", "0", "6090400"),
            project("2024006", "补充耕地问题", "552600", "408400"),
            project("2024019", "镇村工作经费", "4869000", "4506000"),
            project("2024015", "土整中心项目工程尾款", "3000000", "3000000"),
            project("0824001", "土地收储资金", ExpenseClassifier.PROJECT, "0", "1456985400", "1456985400"),
            project("0824003", "占补平衡和增减挂钩项目资金", ExpenseClassifier.PROJECT, "0", "3605200", "3605200"),
            project("2024001", "空间规划与编制费", ExpenseClassifier.PROJECT, "0", "1843800", "1843800"));

    @Test
    void referenceProblemOneLateBudgetAdditions() {
        List<Finding> late = only(detector.detect(department(CONSISTENT, "0", REFERENCE), Map.of()),
                FindingCode.LATE_BUDGET_ADDITION);
        assertEquals(4, late.size(), late.toString());
        Finding summary = late.get(0);
        assertNull(summary.projectCode());
        assertEquals("warning", summary.severity());
        assertEquals("土地收储资金、占补平衡和增减挂钩项目资金、空间规划与编制费共3个项目的资金未列入年初预算，"
                + "年中追加预算146243.44万元，部门预算调整率达5277.01%（调整预算146243.44万元，年初预算2771.33万元），"
                + "预算编制不够完整，预算执行偏离年初预算。", summary.message());
        assertEquals(List.of("0824001", "0824003", "2024001"), late.stream().skip(1).map(Finding::projectCode).toList());
        assertEquals("项目“土地收储资金”（0824001）未列入年初预算，年中追加预算145698.54万元，全年预算145698.54万元。",
                late.get(1).message());
        assertMentions(late.get(2), "360.52万元");
        assertMentions(late.get(3), "184.38万元", "空间规划与编制费");
    }

    @Test
    void referenceProjectsLowExecutionNamesTheReportsFigures() {
        List<Finding> low = only(detector.detect(department(CONSISTENT, "0", REFERENCE), Map.of()),
                FindingCode.LOW_EXECUTION);
        assertEquals(1, low.size(), low.toString());   // 镇村工作经费 executed 92.54 %
        assertEquals("项目“补充耕地问题”（2024006）预算执行率73.91%，低于90%：全年预算55.26万元，实际支出40.84万元，"
                + "结余结转14.42万元。", low.get(0).message());
    }

    @Test
    void summaryListsAtMostFiveNamesLargestFirst() {
        ProjectFigures[] late = new ProjectFigures[7];
        for (int k = 0; k < late.length; k++) {
            late[k] = project("L" + k, "追加" + k, ExpenseClassifier.PROJECT, "0", String.valueOf(10000 * (k + 1)),
                    String.valueOf(10000 * (k + 1)));
        }
        Finding summary = only(detect(CONSISTENT, late), FindingCode.LATE_BUDGET_ADDITION).get(0);
        assertTrue(summary.message().startsWith("追加6、追加5、追加4、追加3、追加2等共7个项目的资金未列入年初预算，年中追加预算28万元，"
                + "部门年初预算为0，无法计算预算调整率"), summary.message());
    }

    @Test
    void carryoverAloneIsNoLateAddition() {
        ProjectFigures carried = new ProjectFigures("C1", "结转项目", ExpenseClassifier.PROJECT, "一般公共预算",
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("50000"), new BigDecimal("50000"),
                "ledger", true, null, new BigDecimal("50000"));
        assertEquals(List.of(), only(detect(CONSISTENT, carried), FindingCode.LATE_BUDGET_ADDITION));
    }

    // --- budget and spending ---

    @ParameterizedTest(name = "[{index}] spent {1} of {0} below {2}: {3}")
    @CsvSource({
            "100000, 89990, 0.9, true",
            "100000, 89994, 0.9, true",     // rate 0.8999
            "100000, 89995, 0.9, true",     // 0.89995 shows as 0.9000 but is below 90 %
            "100000, 90000, 0.9, false",
            "100000, 85000, 0.8, false",
            "100000, 79000, 0.8, true",
            "0,      0,     0.9, false",    // no rate
    })
    void lowExecution(String budget, String spent, String threshold, boolean found) {
        FindingDetector d = new FindingDetector(new BigDecimal(threshold), FILES);
        List<Finding> f = d.detect(department(CONSISTENT, "0", List.of(project("P1", "项目一", budget, spent))), Map.of());
        assertEquals(found, !only(f, FindingCode.LOW_EXECUTION).isEmpty(), f.toString());
    }

    @Test
    void lowExecutionNamesTheThreshold() {
        FindingDetector d = new FindingDetector(new BigDecimal("0.85"), FILES);
        Finding f = single(d.detect(department(CONSISTENT, "0", List.of(project("P1", "项目一", "100000", "50000"))),
                Map.of()), FindingCode.LOW_EXECUTION);
        assertMentions(f, "预算执行率50%", "低于85%", "10万元", "5万元");
    }

    @Test
    void aRateJustBelowTheThresholdIsShownWithTheDecimalsThatTellItFromIt() {
        FindingDetector d = new FindingDetector(new BigDecimal("0.9"), FILES);
        Finding f = single(d.detect(department(CONSISTENT, "0", List.of(project("P1", "项目一", "1000000", "899996"))),
                Map.of()), FindingCode.LOW_EXECUTION);
        assertMentions(f, "预算执行率89.9996%，低于90%");
    }

    /** The balance as the report's paragraph and tables show it: 100.01 − 50.00, not 500,010 元 rounded alone. */
    @Test
    void lowExecutionsBalanceIsTheDifferenceOfTheFiguresAsShown() {
        Finding f = single(detect(CONSISTENT, project("P1", "项目一", "1000050", "500040")), FindingCode.LOW_EXECUTION);
        assertMentions(f, "全年预算100.01万元，实际支出50万元，结余结转50.01万元");
    }

    /** Under 0.01 万元 the figures are named in 元, the balance too, not as "0万元" beside "30元". */
    @Test
    void aTinyProjectsBalanceIsNamedInYuanAsItsFiguresAre() {
        Finding f = single(detect(CONSISTENT, project("T1", "小项目", "30", "10")), FindingCode.LOW_EXECUTION);
        assertMentions(f, "全年预算30元，实际支出10元，结余结转20元");
    }

    @Test
    void aBasicExpenditureLineIsNotCalledAProject() {
        Finding f = single(detect(CONSISTENT, project("JB002", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, "200000",
                "0", "42000")), FindingCode.LOW_EXECUTION);
        assertTrue(f.message().startsWith("基本支出“公用经费”（JB002）预算执行率21%"), f.message());
    }

    @Test
    void overspent() {
        Finding f = single(detect(CONSISTENT, project("2024011", "自然资源执法监察", "500000", "511500")),
                FindingCode.OVERSPENT);
        assertEquals("2024011", f.projectCode());
        assertEquals("项目“自然资源执法监察”（2024011）实际支出51.15万元，超过全年预算50万元，超支1.15万元。", f.message());
    }

    @Test
    void unbudgetedSpending() {
        Finding f = single(detect(CONSISTENT, Fixtures.unbudgeted("2024099", "86350")), FindingCode.UNBUDGETED_SPENDING);
        assertEquals("项目2024099没有预算指标，支出明细账却记录支出8.64万元。", f.message());
        assertEquals(List.of(), only(detect(CONSISTENT, Fixtures.unbudgeted("2024099", "86350")), FindingCode.OVERSPENT));
    }

    @ParameterizedTest(name = "[{index}] reported {0}, ledger {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "552600 | 408400 | 项目“项目一”（P1）预算执行报表填报的全年执行数55.26万元与支出明细账合计40.84万元不一致，相差14.42万元；按支出明细账计。",
            "408400 | 408412 | 项目“项目一”（P1）预算执行报表填报的全年执行数40.84万元与支出明细账合计40.84万元不一致，相差12元；按支出明细账计。",
    })
    void spentMismatch(String reported, String ledger, String message) {
        ProjectFigures p = Fixtures.withSpending(project("P1", "项目一", "552600", "0"), reported, ledger);
        assertEquals(message, single(detect(CONSISTENT, p), FindingCode.SPENT_MISMATCH).message());
    }

    @ParameterizedTest(name = "[{index}] reported {0}, ledger {1}")
    @CsvSource({"552600, 552600.00", ", 408400", "408400,"})
    void noSpentMismatch(String reported, String ledger) {
        ProjectFigures p = Fixtures.withSpending(project("P1", "项目一", "552600", "0"), reported, ledger);
        assertEquals(List.of(), only(detect(CONSISTENT, p), FindingCode.SPENT_MISMATCH));
    }

    @Test
    void headcountMismatchAsInTheReference() {
        Finding f = single(detect(profile(90, 88, 33, 111, null, null, null, null)), FindingCode.HEADCOUNT_MISMATCH);
        assertNull(f.projectCode());
        assertEquals("在职人员88人与退休人员33人合计121人，与总人数111人不符"
                + "（《2024年单位基本情况.csv》第3行）。", f.message());
        assertEquals(List.of(), only(detect(CONSISTENT), FindingCode.HEADCOUNT_MISMATCH));
        assertEquals(List.of(), only(detect(profile(90, 88, null, 111, null, null, null, null)),
                FindingCode.HEADCOUNT_MISMATCH));
        assertEquals(List.of(), only(detect(null), FindingCode.HEADCOUNT_MISMATCH));
    }

    // --- what the scoring raised ---

    @Test
    void noIndicatorsForSpendingProjectsOnly() {
        ProjectFigures spending = project("P1", "项目一", "100000", "100000");
        ProjectFigures basic = project("B2", "公用经费", ExpenseClassifier.PUBLIC_OPERATION, "200000", "0", "200000");
        ProjectFigures unscored = project("P2", "项目二", "50000", "50000");
        DepartmentFigures figures = department(CONSISTENT, "0", List.of(spending, basic, unscored));
        List<Finding> f = only(detector.detect(figures, Map.of("P1", scorer.score(spending, List.of()),
                "B2", scorer.score(basic, List.of()))), FindingCode.NO_INDICATORS);
        assertEquals(List.of("P1", "P2"), f.stream().map(Finding::projectCode).toList());
        assertEquals("项目“项目一”（P1）（全年预算10万元，实际支出10万元）未设定绩效指标，无法评分，不评定等级。",
                f.get(0).message());
    }

    @Test
    void indicatorsOfAProjectWithNeitherBudgetNorSpendingAreAFinding() {
        DepartmentFigures figures = department(CONSISTENT, "0", List.of(project("P1", "项目一", "100000", "100000"),
                project("JB1", "人员经费", ExpenseClassifier.PERSONNEL, "50000", "0", "50000")));
        List<Finding> f = detector.indicatorsWithoutProject(figures, List.of(
                ind("产出指标", "≥1", "1").build(),
                ind("产出指标", "≥1", "1").project("JB1").row(7, 30).build(), // a 基本支出 line: not scored either
                ind("产出指标", "≥1", "1").project("P900").row(7, 20).build(),
                ind("效益指标", "≥1", "1").project("P900").row(7, 21).build()));
        assertEquals(2, f.size(), f::toString);
        assertEquals("基本支出“人员经费”（JB1）填报了1项绩效指标（《2024年绩效指标.xls》第30行），基本支出不单独评分，"
                + "这些指标未参与评分。如属项目支出，请在预算中将其支出类型填为“项目支出”。", f.get(0).message());
        f = f.subList(1, 2);
        assertEquals("P900", f.get(0).projectCode());
        assertEquals("warning", f.get(0).severity());
        assertEquals("项目“项目P900”（P900）填报了2项绩效指标（《2024年绩效指标.xls》第20行），但预算和支出明细账中都没有该项目，"
                + "这些指标未参与评分。请核对绩效目标表中的项目编码是否与预算一致。", f.get(0).message());
    }

    @Test
    void indicatorWeightsWhenALevelIsMissing() {
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "≥1", "1"), ind("效益指标", "≥1", "1")), FindingCode.INDICATOR_WEIGHTS);
        assertEquals("info", f.severity());
        assertEquals("项目“项目一”（P1）缺少满意度指标；绩效指标分值合计80分，不等于90分，各指标得分按90/80折算"
                + "（《2024年绩效指标.xls》）。", f.message());
    }

    @Test
    void indicatorWeightsWhenDeclaredWeightsMissTheSum() {
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "≥1", "1").weight("60"), ind("效益指标", "≥1", "1").weight("30"),
                ind("满意度指标", "≥1", "1").weight("10")), FindingCode.INDICATOR_WEIGHTS);
        assertMentions(f, "绩效指标分值合计100分，不等于90分，各指标得分按90/100折算");
    }

    @Test
    void indicatorWeightsWhenOnlySomeAreDeclared() {
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "≥1", "1").weight("60"), ind("效益指标", "≥1", "1"), ind("满意度指标", "≥1", "1")),
                FindingCode.INDICATOR_WEIGHTS);
        assertMentions(f, "3个绩效指标中仅1个填写了分值，所填分值未采用，按一级指标权重平均分配");
    }

    @Test
    void missingDeviationReason() {
        Finding f = single(detectScored(project("2024009", "历史遗留矿山修复", "290000", "290000"),
                ind("产出指标", "≥120亩", "96亩").name("修复矿山面积").reason(null).row(7, 12),
                ind("效益指标", "≥1", "1"), ind("满意度指标", "≥1", "1")), FindingCode.MISSING_DEVIATION_REASON);
        assertEquals("项目“历史遗留矿山修复”（2024009）绩效指标“修复矿山面积”未达成（年度指标值≥120亩，实际完成值96亩，"
                + "得分40分，分值50分），未填写偏差原因分析及改进措施（《2024年绩效指标.xls》第12行）。", f.message());
    }

    @Test
    void missingDeviationReasonGivesTheScoreAndWeightOfTheFormAfterRescalingAndAnAcceptedSelfScore() {
        // weights 50 + 30 + 20 = 100, rescaled to 90; the 定性 indicator's 自评得分 40 of 50 replaces the formula's
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "达到预期", "基本达到").weight("50").manual("40").name("通行条件").reason(null).row(7, 12),
                ind("效益指标", "≥1", "1").weight("30"), ind("满意度指标", "≥1", "1").weight("20")),
                FindingCode.MISSING_DEVIATION_REASON);
        assertEquals("项目“项目一”（P1）绩效指标“通行条件”部分达成（年度指标值达到预期，实际完成值基本达到，"
                + "得分36分，分值45分），未填写偏差原因分析及改进措施（《2024年绩效指标.xls》第12行）。", f.message());
    }

    @Test
    void unreadableIndicator() {
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "90%-100%", "95%").name("验收合格率").row(7, 15), ind("效益指标", "≥1", "1"),
                ind("满意度指标", "≥1", "1")), FindingCode.UNREADABLE_INDICATOR);
        assertEquals("项目“项目一”（P1）绩效指标“验收合格率”无法评分：年度指标值“90%-100%”含有多个数值，无法确定比较哪一个，"
                + "按0分计（《2024年绩效指标.xls》第15行）。", f.message());
    }

    @Test
    void selfScoreDeviates() {
        Fixtures.Ind[] indicators = {ind("产出指标", "≥100", "80").weight("50").manual("50").name("完成数量"),
                ind("效益指标", "≥1", "1").weight("30"), ind("满意度指标", "≥1", "1").weight("10")};
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"), indicators),
                FindingCode.SELF_SCORE_DEVIATES);
        assertEquals("项目“项目一”（P1）绩效指标“完成数量”自评得分50分，按评分规则计算为40分（分值50分），相差10分"
                + "（《2024年绩效指标.xls》第12行）。", f.message());
    }

    @Test
    void selfScoreOutOfRange() {
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "达到预期", "基本达到").weight("50").manual("60"), ind("效益指标", "≥1", "1").weight("30"),
                ind("满意度指标", "≥1", "1").weight("10")), FindingCode.SELF_SCORE_DEVIATES);
        assertMentions(f, "自评得分60分超出0至50分的范围，未采用；按评分规则计35分");
    }

    @Test
    void aSourceUnknownIsLeftOut() {
        Finding f = single(detectScored(project("P1", "项目一", "100000", "100000"),
                ind("产出指标", "≥2", "1").reason("").row(99, 3), ind("效益指标", "≥1", "1"), ind("满意度指标", "≥1", "1")),
                FindingCode.MISSING_DEVIATION_REASON);
        assertTrue(f.message().endsWith("未填写偏差原因分析及改进措施。"), f.message());
    }

    @Test
    void aCleanDepartmentHasNoFindings() {
        ProjectFigures p = project("P1", "项目一", "100000", "100000");
        assertEquals(List.of(), detectScored(p, allMet()));
    }

    // --- severity and order ---

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void severities(FindingCode code) {
        assertEquals(code == FindingCode.INDICATOR_WEIGHTS ? "info" : "warning", code.severity());
    }

    @Test
    void findingsAreOrderedByCodeThenDepartmentThenProject() {
        ProjectFigures b = project("B", "乙", ExpenseClassifier.PROJECT, "0", "100000", "50000");
        ProjectFigures a = project("A", "甲", ExpenseClassifier.PROJECT, "0", "100000", "60000");
        ProjectFigures c = project("C", "丙", "100000", "120000");
        DepartmentFigures figures = department(profile(90, 88, 33, 111, null, null, null, null), "0", List.of(c, b, a));
        List<Finding> f = detector.detect(figures, Map.of("C", scorer.score(c, List.of(ind("产出指标", "≥2", "1")
                .project("C").reason(null).build(), ind("产出指标", "≥3", "1").project("C").reason(null).build()))));
        assertEquals(List.of(
                "LATE_BUDGET_ADDITION null", "LATE_BUDGET_ADDITION A", "LATE_BUDGET_ADDITION B",
                "LOW_EXECUTION A", "LOW_EXECUTION B", "OVERSPENT C", "NO_INDICATORS A", "NO_INDICATORS B",
                "INDICATOR_WEIGHTS C", "MISSING_DEVIATION_REASON C", "MISSING_DEVIATION_REASON C", "HEADCOUNT_MISMATCH null"),
                f.stream().map(x -> x.code() + " " + x.projectCode()).toList());
        List<Finding> missing = only(f, FindingCode.MISSING_DEVIATION_REASON);
        assertMentions(missing.get(0), "≥2");
        assertMentions(missing.get(1), "≥3");
        assertEquals(f, detector.detect(figures, Map.of("C", scorer.score(c, List.of(ind("产出指标", "≥2", "1")
                .project("C").reason(null).build(), ind("产出指标", "≥3", "1").project("C").reason(null).build())))));
    }
}
