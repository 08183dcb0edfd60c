package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EnumeratedFieldsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "一般公共预算         | 一般公共预算",
            "一般公共预算资金     | 一般公共预算",
            "公共预算             | 一般公共预算",
            "一般预算             | 一般公共预算",
            " 一般 公共预算       | 一般公共预算",
            "政府性基金预算       | 政府性基金预算",
            "政府性基金           | 政府性基金预算",
            "基金预算             | 政府性基金预算",
            "国有资本经营预算     | 国有资本经营预算",
            "国有资本经营         | 国有资本经营预算",
            "国资预算             | 国有资本经营预算",
            "社会保险基金预算     | 社会保险基金预算",
            "社会保险基金         | 社会保险基金预算",
            "社保基金             | 社会保险基金预算",
            "其他资金             | 其他资金",
            "其他                 | 其他资金",
            "自有资金             | 其他资金",
            "财政专户             | 其他资金",
            "单位资金             | 其他资金",
            "上级补助             | 其他资金",
    })
    void normalizesFundSources(String raw, String canonical) throws ValueException {
        assertEquals(Optional.of(canonical), FundSources.normalize(raw));
        assertEquals(Optional.of(canonical), FundSources.normalize(raw), "the same when remembered");
    }

    /** However many spellings, short (remembered) or long (not), each is read right, and a wrong one stays wrong. */
    @org.junit.jupiter.api.Test
    void manyDifferentSpellingsAreAllReadRightTwice() throws ValueException {
        for (int pass = 0; pass < 2; pass++) {
            for (int spaces = 0; spaces < 3_000; spaces++) {
                assertEquals(Optional.of(FundSources.GENERAL_PUBLIC), FundSources.normalize("一般" + " ".repeat(spaces)
                        + "公共预算"));
            }
            assertThrows(ValueException.class, () -> FundSources.normalize("一般公共预算外"));
            assertEquals(Optional.empty(), FundSources.normalize("  "));
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "人员经费             | 人员经费",
            "公用经费             | 公用经费",
            "项目支出             | 项目支出",
            "基本支出             | 基本支出",
            "基本支出-人员经费    | 人员经费",
            "基本支出—公用经费    | 公用经费",
            "基本支出－人员经费   | 人员经费",
            "基本支出/人员经费    | 人员经费",
            "基本支出 - 公用经费  | 公用经费",
            "基本支出（人员经费） | 人员经费",
            "人员                 | 人员经费",
            "公用                 | 公用经费",
            "项目                 | 项目支出",
            "项目经费             | 项目支出",
            "专项                 | 项目支出",
    })
    void normalizesExpenseTypes(String raw, String canonical) throws ValueException {
        assertEquals(Optional.of(canonical), ExpenseTypes.normalize(raw));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "年初预算     | 年初预算",
            "年初         | 年初预算",
            "年初批复     | 年初预算",
            "年初预算数   | 年初预算",
            "年初安排     | 年初预算",
            "追加         | 追加",
            "调增         | 追加",
            "年中追加     | 追加",
            "追加预算     | 追加",
            "调减         | 调减",
            "调减预算     | 调减",
            "减少         | 调减",
            "上年结转     | 上年结转",
            "结转         | 上年结转",
            "上年结转资金 | 上年结转",
    })
    void normalizesBudgetKinds(String raw, String canonical) throws ValueException {
        assertEquals(canonical, BudgetKinds.normalize(raw));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "产出指标           | 产出指标",
            "产出               | 产出指标",
            "效益指标           | 效益指标",
            "效益               | 效益指标",
            "满意度指标         | 满意度指标",
            "满意度             | 满意度指标",
            "服务对象满意度指标 | 满意度指标",
            "服务对象满意度     | 满意度指标",
    })
    void normalizesLevel1Indicators(String raw, String canonical) throws ValueException {
        assertEquals(canonical, IndicatorLevels.normalizeLevel1(raw));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "≥      | ≥",
            "正向   | ≥",
            ">=     | ≥",
            "＞＝   | ≥",
            "≧      | ≥",
            "不低于 | ≥",
            "≤      | ≤",
            "反向   | ≤",
            "<=     | ≤",
            "≦      | ≤",
            "不高于 | ≤",
            "=      | =",
            "＝     | =",
            "定性   | 定性",
    })
    void normalizesDirections(String raw, String canonical) throws ValueException {
        assertEquals(Optional.of(canonical), Directions.normalize(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\u00A0"})
    void optionalFieldsAreEmptyWhenBlank(String raw) throws ValueException {
        assertEquals(Optional.empty(), FundSources.normalize(raw));
        assertEquals(Optional.empty(), ExpenseTypes.normalize(raw));
        assertEquals(Optional.empty(), Directions.normalize(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000"})
    void requiredFieldsRejectBlank(String raw) {
        ValueException kind = assertThrows(ValueException.class, () -> BudgetKinds.normalize(raw));
        assertTrue(kind.getMessage().contains("指标类型为空"), kind::getMessage);
        assertTrue(kind.getMessage().contains("Budget kind is empty"), kind::getMessage);
        assertTrue(kind.getMessage().contains("年初预算、追加、调减、上年结转"), kind::getMessage);
        Bilingual.assertBilingual(kind);
        ValueException level = assertThrows(ValueException.class, () -> IndicatorLevels.normalizeLevel1(raw));
        Bilingual.assertBilingual(level);
    }

    @Test
    void unknownValuesAreRejectedWithTheAcceptedOnes() {
        ValueException fund = assertThrows(ValueException.class, () -> FundSources.normalize("外汇"));
        assertEquals("资金性质无法识别：“外汇”。可填写：一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算、其他资金。"
                + " Fund source not recognised: \"外汇\"; accepted values: 一般公共预算, 政府性基金预算, 国有资本经营预算,"
                + " 社会保险基金预算, 其他资金.", fund.getMessage());
        Bilingual.assertBilingual(fund);

        ValueException type = assertThrows(ValueException.class, () -> ExpenseTypes.normalize("差旅"));
        assertTrue(type.getMessage().contains("人员经费、公用经费、项目支出、基本支出"), type::getMessage);
        assertTrue(type.getMessage().contains("Expense type not recognised"), type::getMessage);
        Bilingual.assertBilingual(type);

        ValueException kind = assertThrows(ValueException.class, () -> BudgetKinds.normalize("预备费"));
        assertTrue(kind.getMessage().contains("Budget kind not recognised"), kind::getMessage);
        Bilingual.assertBilingual(kind);

        ValueException level = assertThrows(ValueException.class, () -> IndicatorLevels.normalizeLevel1("成本指标"));
        assertTrue(level.getMessage().contains("产出指标、效益指标、满意度指标"), level::getMessage);
        Bilingual.assertBilingual(level);

        ValueException direction = assertThrows(ValueException.class, () -> Directions.normalize(">"));
        assertTrue(direction.getMessage().contains("≥、≤、=、定性"), direction::getMessage);
        Bilingual.assertBilingual(direction);
    }
}
