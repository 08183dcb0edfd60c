package org.perfeval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.scoring.Fixtures.RULES;
import static org.perfeval.scoring.Fixtures.YEAR;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfeval.scoring.IndicatorEvaluator.Assessment;
import org.perfeval.scoring.IndicatorTarget.Deadline;
import org.perfeval.scoring.IndicatorTarget.Qualitative;
import org.perfeval.scoring.IndicatorTarget.Quantity;

class IndicatorEvaluatorTest {

    private final IndicatorEvaluator evaluator = new IndicatorEvaluator(RULES.project());

    private IndicatorTarget target(String text) throws UnreadableValueException {
        return evaluator.target(text, null, YEAR);
    }

    private Assessment assess(String target, String direction, String actual) throws UnreadableValueException {
        return evaluator.assess(evaluator.target(target, direction, YEAR), actual, YEAR);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "≥95%       | AT_LEAST | 95     | %",
            "≧95%       | AT_LEAST | 95     | %",
            ">=95%      | AT_LEAST | 95     | %",
            "＞＝95%     | AT_LEAST | 95     | %",
            "不低于95%   | AT_LEAST | 95     | %",
            "不少于95%   | AT_LEAST | 95     | %",
            "≤95%       | AT_MOST  | 95     | %",
            "≦95%       | AT_MOST  | 95     | %",
            "<=95%      | AT_MOST  | 95     | %",
            "＜＝95%     | AT_MOST  | 95     | %",
            "不高于95%   | AT_MOST  | 95     | %",
            "不超过95%   | AT_MOST  | 95     | %",
            "不多于95%   | AT_MOST  | 95     | %",
            "=2个       | EQUAL    | 2      | 个",
            "＝2个       | EQUAL    | 2      | 个",
            "═2个       | EQUAL    | 2      | 个",
            "95%        | AT_LEAST | 95     | %",
            "100%       | AT_LEAST | 100    | %",
            "≥255亩     | AT_LEAST | 255    | 亩",
            "≤55.26万元 | AT_MOST  | 55.26  | 万元",
            "\"≧100 %\" | AT_LEAST | 100    | %",
            "\" ≥ 2 5 5 亩 \" | AT_LEAST | 255 | 亩",
            "\"≤ 3个工作日\" | AT_MOST | 3    | 个工作日",
            "≥１２平方公里 | AT_LEAST | 12    | 平方公里",
            "≥1,200亩   | AT_LEAST | 1200   | 亩",
            "3个工作日以内 | AT_MOST | 3      | 个工作日",
            "30天内     | AT_MOST  | 30     | 天",
            "90%以上    | AT_LEAST | 90     | %",
            "控制在55万元以内 | AT_MOST | 55  | 万元",
            "≤0人       | AT_MOST  | 0      | 人",
    })
    void everyComparatorSpelling(String text, Direction direction, String number, String unit)
            throws UnreadableValueException {
        Quantity q = assertInstanceOf(Quantity.class, target(text));
        assertEquals(direction, q.direction());
        assertEquals(0, q.number().compareTo(Fixtures.d(number)), q.toString());
        assertEquals(unit, q.unit());
    }

    @ParameterizedTest(name = "[{index}] direction {1} over {0}")
    @CsvSource(delimiter = '|', value = {
            "≥10 | ≤    | AT_MOST",
            "≥10 | 反向  | AT_MOST",
            "≤10 | 正向  | AT_LEAST",
            "10  | =    | EQUAL",
            "10  | ＝   | EQUAL",
            "≤10 | ≥    | AT_LEAST",
            "≥10 | 不超过 | AT_MOST",
            "≥10 | 其他  | AT_LEAST",
    })
    void theDirectionColumnOverridesTheTarget(String target, String direction, Direction expected)
            throws UnreadableValueException {
        assertEquals(expected, assertInstanceOf(Quantity.class, evaluator.target(target, direction, YEAR)).direction());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"≥95%", "100%", "2024年12月31日前"})
    void qualitativeDirectionMakesAnyTargetText(String target) throws UnreadableValueException {
        assertEquals(new Qualitative(target), evaluator.target(target, "定性", YEAR));
        assertEquals(new Qualitative(target), evaluator.target(target, "定性指标", YEAR));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2024年12月31日前   | 2024-12-31",
            "2024年12月31日     | 2024-12-31",
            "2024年6月30日之前  | 2024-06-30",
            "≤2024-06-30       | 2024-06-30",
            "2024-06-30前      | 2024-06-30",
            "2024/6/30         | 2024-06-30",
            "2024.6.30         | 2024-06-30",
            "2023年12月        | 2023-12-31",
            "2024年2月         | 2024-02-29",
            "2024年2月底前      | 2024-02-29",
            "2024-06           | 2024-06-30",
            "2024年底前        | 2024-12-31",
            "2024年内          | 2024-12-31",
            "6月30日前         | 2024-06-30",
            "11月底前          | 2024-11-30",
            "２０２４年１２月３１日前 | 2024-12-31",
            "不晚于2024年10月31日 | 2024-10-31",
            "2024年4月30日前完成 | 2024-04-30",
    })
    void dateTargetsAreDeadlines(String text, LocalDate date) throws UnreadableValueException {
        assertEquals(new Deadline(date), target(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2024.5", "≥2024", "≥2024个", "1236.5亩", "≥12个月"})
    void numbersThatLookLikeYearsStayNumbers(String text) throws UnreadableValueException {
        assertInstanceOf(Quantity.class, target(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"达到预期", "有效提升", "通过验收", "无拖欠", "有效遏制", "一般", "一致好评", "不低于上年",
            "三公经费只减不增", "两两相比", "四好农村路建设达标",
            "零事故", "十分满意", "一级", "一站式服务", "一次性告知", "不超过三公经费预算", "不少于三四场", "两三个"})
    void textTargetsAreQualitative(String text) throws UnreadableValueException {
        assertEquals(new Qualitative(text), target(text));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "90%-100%", "完成8宗554亩", "2024年2月30日前", "12月31日前完成2个"})
    void unreadableTargets(String text) {
        UnreadableValueException e = assertThrows(UnreadableValueException.class, () -> target(text));
        assertTrue(!e.getMessage().isBlank());
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} → {2} ({3})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "≥255亩     | 255亩      | 1      | MET",
            "≥255亩     | 300亩      | 1      | MET",
            "≥120亩     | 96亩       | 0.8    | NOT_MET",
            "≥266米     | ≥266米     | 1      | MET",
            "≥266米     | 200米      | 0.7519 | NOT_MET",
            "≥95%       | 98%        | 1      | MET",
            "≥95%       | 91.6%      | 0.9642 | NOT_MET",
            "95%        | 98         | 1      | MET",
            "=2个       | 2个        | 1      | MET",
            "=2个       | 3个        | 1      | MET",
            "=2个       | 1个        | 0.5    | NOT_MET",
            "≥0         | 0          | 1      | MET",
            "≥0个       | 5个        | 1      | MET",
            "≤55.26万元 | 40.84万元  | 1      | MET",
            "≤55.26万元 | 55.26万元  | 1      | MET",
            "≤50万元    | 62.5万元   | 0.8    | NOT_MET",
            "≤55.26万元 | 408400元   | 1      | MET",
            "≤50万元    | 625000元   | 0.8    | NOT_MET",
            "≥1公里     | 500米      | 0.5    | NOT_MET",
            "≤0人       | 0人        | 1      | MET",
            "≤0人       | 1人        | 0      | NOT_MET",
            "≤3个工作日  | 2.5个工作日 | 1      | MET",
            "3个工作日内 | 4个工作日   | 0.75   | NOT_MET",
            "不低于90%   | \"92.5 %\" | 1      | MET",
            // numbers in Chinese numerals, as targets are often typed
            "不少于两场  | 3场        | 1      | MET",
            "不少于两场  | 一场       | 0.5    | NOT_MET",
            "≥十万人次   | 12万人次   | 1      | MET",
            "≥十二个     | 六个       | 0.5    | NOT_MET",
            "两千亩      | 1500亩     | 0.75   | NOT_MET",
            "≥一百零五人 | 105人      | 1      | MET",
            "不低于百分之九十五 | 98%  | 1      | MET",
            "三个工作日内 | 两个工作日 | 1      | MET",
            "≥三千五亩    | 3500亩     | 1      | MET",
            "≥10万人次    | 85000人次  | 0.85   | NOT_MET",
            "≥一万亩      | 9000亩     | 0.9    | NOT_MET",
            "≥12000亩     | 1.1万亩    | 0.9167 | NOT_MET",
            "≥1万人       | 10000人    | 1      | MET",
            "≥一百二人    | 60人       | 0.5    | NOT_MET",
            "≥一〇五户    | 105户      | 1      | MET",
            "≥一万五千人次 | 12000人次 | 0.8    | NOT_MET",
    })
    void quantities(String target, String actual, String share, Attainment attainment) throws UnreadableValueException {
        Assessment a = assess(target, null, actual);
        assertEquals(attainment, a.attainment());
        assertEquals(Fixtures.d(share).setScale(4), share(a.ratio()), a.toString());
    }

    /** A ratio to 4 decimals. */
    private static BigDecimal share(Ratio r) {
        return r.numerator().divide(r.denominator(), 4, RoundingMode.HALF_UP);
    }

    @ParameterizedTest(name = "[{index}] {0} by {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "2024年12月31日前 | 2024年12月20日  | MET",
            "2024年12月31日前 | 2024-12-31     | MET",
            "2024年12月31日前 | 2025年1月1日    | NOT_MET",
            "2024年10月31日前 | 2024年12月20日  | NOT_MET",
            "≤2024-06-30     | 2024/6/30      | MET",
            "≤2024-06-30     | 2024.7.1       | NOT_MET",
            "2023年12月       | 2023年12月31日  | MET",
            "2023年12月       | 2023年12月      | MET",
            "2023年12月       | 2024年1月       | NOT_MET",
            "6月30日前        | 6月26日         | MET",
            "2024年4月30日前  | 已于2024年4月26日完成 | MET",
    })
    void deadlines(String target, String actual, Attainment attainment) throws UnreadableValueException {
        Assessment a = assess(target, null, actual);
        assertEquals(attainment, a.attainment());
        assertEquals(attainment == Attainment.MET ? Ratio.FULL : Ratio.NONE, a.ratio());
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "达到预期 | 达到预期     | MET",
            "有效提升 | 有效提升     | MET",
            "无拖欠   | 无拖欠       | MET",
            "有效提升 | \" 有效 提升 \" | MET",
            "达到预期 | 已完成       | MET",
            "通过验收 | 通过省厅验收  | MET",
            "达到预期 | 是           | MET",
            "达到预期 | 符合要求      | MET",
            "群众满意 | 满意         | MET",
            "达到预期 | 优           | MET",
            "达到预期 | 效果好       | MET",
            "有效提升 | 基本达到      | PARTLY_MET",
            "有效提升 | 部分完成      | PARTLY_MET",
            "有效提升 | 较好         | PARTLY_MET",
            "有效提升 | 良好         | PARTLY_MET",
            "有效提升 | 良           | PARTLY_MET",
            "有效提升 | 一般         | PARTLY_MET",
            "有效提升 | 基本满意      | PARTLY_MET",
            "达到预期 | 未达到        | NOT_MET",
            "达到预期 | 未完成        | NOT_MET",
            "群众满意 | 不满意        | NOT_MET",
            "有效提升 | 差           | NOT_MET",
            "有效提升 | 提升不明显     | NOT_MET",
            "较上年提高 | 较上年提高12%  | MET",
            "较上年提高 | 较上年提高1.2万人次 | MET",
            "较上年提高 | 较上年提高 3.5 个百分点 | MET",
            "服务质量良好 | 服务质量良好96% | MET",
            "较上年提高 | 较上年提高了12% | MET",
            "较上年提高 | 较上年提高12%以上。 | MET",
            "较上年提高 | 较上年提高约12% | MET",
            "新增绿地 | 新增绿地1.2万平方米 | MET",
            "较上年增加 | 较上年增加3个以下 | NOT_MET",
            "较上年增加 | 较上年增加2项未成 | NOT_MET",
            "较上年增加 | 较上年增加2项未完成 | NOT_MET",
            "较上年增加 | 较上年增加3个未达标 | NOT_MET",
            "明显改善 | 明显改善2处仍不足 | NOT_MET",
            "较上年提高 | 较上年提高-3.5% | NOT_MET",
            "较上年提高 | 较上年提高0%   | NOT_MET",
            "较上年提高 | 距较上年提高的目标仍有差距 | NOT_MET",
            "明显改善 | 明显改善尚需努力 | NOT_MET",
            "合格     | 合格率78%      | NOT_MET",
            "有效提升 | 未能有效提升   | NOT_MET",
            "较上年提高 | 较上年未提高   | NOT_MET",
            "有效提升 | 部分有效提升   | PARTLY_MET",
    })
    void qualitativeClasses(String target, String actual, Attainment attainment) throws UnreadableValueException {
        assertEquals(attainment, evaluator.classify(target, actual));
        Assessment a = assess(target, null, actual);
        assertEquals(attainment, a.attainment());
        String expected = switch (attainment) {
            case MET -> "1";
            case PARTLY_MET -> "0.7";
            default -> "0";
        };
        assertEquals(Fixtures.d(expected).setScale(4), share(a.ratio()), a.toString());
    }

    @ParameterizedTest(name = "[{index}] {0} vs \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "≥255亩          | 达到预期",
            "≥255亩          | 250至260亩",
            "≥255亩          | ''",
            "2024年12月31日前 | 按时完成",
            "2024年12月31日前 | 2024年13月1日",
            "达到预期         | ''",
    })
    void unreadableActuals(String target, String actual) {
        assertThrows(UnreadableValueException.class, () -> assess(target, null, actual));
    }

    @Test
    void directionWords() {
        assertEquals(Direction.AT_LEAST, evaluator.direction("正向"));
        assertEquals(Direction.AT_LEAST, evaluator.direction("≥"));
        assertEquals(Direction.AT_MOST, evaluator.direction("反向指标"));
        assertEquals(Direction.AT_MOST, evaluator.direction("＜＝"));
        assertEquals(Direction.EQUAL, evaluator.direction("="));
        assertEquals(Direction.QUALITATIVE, evaluator.direction("定性"));
        assertEquals(null, evaluator.direction(""));
        assertEquals(null, evaluator.direction(null));
    }

    @Test
    void dateWithoutAYearNeedsTheFiscalYear() throws UnreadableValueException {
        assertEquals(Optional.of(LocalDate.of(2023, 6, 30)), evaluator.date("6月30日前", 2023));
        assertEquals(Optional.empty(), evaluator.date("6月30日前", 0));
    }

    @Test
    void explanationsAreShortAndNameTheFigures() throws UnreadableValueException {
        assertEquals("实际96亩，完成≥120亩的80%", assess("≥120亩", null, "96亩").explanation());
        assertEquals("实际40.84万元，未超过≤55.26万元", assess("≤55.26万元", null, "40.84万元").explanation());
        assertEquals("2024-12-20完成，晚于期限2024-10-31", assess("2024年10月31日前", null, "2024年12月20日").explanation());
        assertEquals("定性：实际“基本达到”，部分达成（70%）", assess("有效提升", null, "基本达到").explanation());
    }
}
