package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class YearsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024       | 2024",
            "2024年     | 2024",
            "2024年度   | 2024",
            "2024.0     | 2024",
            "2024.00    | 2024",
            "2024.0年度 | 2024",
            "2024 年度  | 2024",
            "２０２４   | 2024",
            "２０２４年 | 2024",
            "1990       | 1990",
            "2100       | 2100",
    })
    void readsAcceptedForms(String raw, int expected) throws ValueException {
        assertEquals(expected, Years.parse(raw));
    }

    @Test
    void toleratesSurroundingSpaces() throws ValueException {
        assertEquals(2024, Years.parse("\u3000 2024\u00A0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1989", "2101", "1900", "9999", "0000"})
    void rejectsYearsOutOfRange(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Years.parse(raw));
        assertTrue(e.getMessage().contains("1990") && e.getMessage().contains("2100"), e::getMessage);
        assertTrue(e.getMessage().contains("年度超出范围"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "20245", "2024.5", "2024.", "abc", "二〇二四", "2024年年", "年度", "2024-01-01", "2024度"})
    void rejectsWhatIsNotAYear(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Years.parse(raw));
        assertTrue(e.getMessage().contains("年度无法识别"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000"})
    void rejectsBlank(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Years.parse(raw));
        assertTrue(e.getMessage().contains("年度为空"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024年度项目支出明细表                 | 2024",
            "株洲市渌口区自然资源局2024年部门决算   | 2024",
            "2024 年度项目支出明细表                | 2024",
            "截至2024年12月31日                     | 2024",
            "２０２４年度预算执行情况表             | 2024",
            "1998年度决算                           | 1998",
            "2025年3月编制 2024年度决算             | 2024",
            "2023年至2024年                         | 2023",
            "12024年 2023年                         | 2023",
            // when the table was printed or made is not its year
            "打印日期：2025年1月10日 2024年度预算     | 2024",
            "2024年支出明细账 制表时间: 2025年1月3日  | 2024",
            // a 截止日期 or 统计时间 is the data's own period
            "截止日期：2024年12月31日               | 2024",
            "统计时间：2024年度                     | 2024",
            "数据日期 2024年12月31日                | 2024",
    })
    void findsTheYearOfATitle(String title, int expected) {
        assertEquals(OptionalInt.of(expected), Years.fromTitle(title));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"单位：万元", "项目支出明细表2024", "12024年度", "20240年", "1989年度", "第2024号", "２０２４",
            "打印日期：2025年1月10日", "打印日期 2025年1月10日", "导出时间：　2025年1月10日 10:32"})
    void findsNoYearInATitleWithout年(String title) {
        assertEquals(OptionalInt.empty(), Years.fromTitle(title));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ledger_2024_q1.csv        | 2024",
            "2024.xlsx                 | 2024",
            "budget-2023.xls           | 2023",
            "2024年度预算.xlsx         | 2024",
            "支出明细2024.csv          | 2024",
            "2023-2024.xlsx            | 2023",
            "export_20240305_2024.csv  | 2024",
            "v1_1999_2022.csv          | 2022",
            "ledger２０２４.csv        | 2024",
    })
    void findsTheYearOfAFileName(String fileName, int expected) {
        assertEquals(OptionalInt.of(expected), Years.fromFileName(fileName));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"export20240305.csv", "ledger.csv", "budget1999.csv", "v12024.csv", "2024001.xlsx",
            "ledger_2100.csv", "q1_24.csv"})
    void findsNoYearInAFileNameWithoutA20xx(String fileName) {
        assertEquals(OptionalInt.empty(), Years.fromFileName(fileName));
    }
}
