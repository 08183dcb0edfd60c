package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", value = {
            "0123             | 0123",
            "00001            | 00001",
            "123.0            | 123",
            "123.00           | 123",
            "0123.0           | 0123",
            "12.5             | 12.5",
            "123.             | 123.",
            "1.0.0            | 1.0.0",
            "１２３           | 123",
            "０１２３         | 0123",
            "ＡＢ１２         | AB12",
            "ab12             | ab12",
            "P2024-001        | P2024-001",
            "43010024T0001    | 43010024T0001",
            "'0123            | 0123",
            "' 0123           | 0123",
            "=\"0123\"        | 0123",
            "`\u3000 0123 \u00A0` | 0123",
            "`\t2130101\n`    | 2130101",
    })
    void normalizes(String raw, String expected) {
        assertEquals(expected, Codes.normalize(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\u00A0", "\t"})
    void blankIsEmpty(String raw) {
        assertEquals("", Codes.normalize(raw));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> ({1}, {2})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", value = {
            "30201 办公费         | 30201   | 办公费",
            "30201办公费          | 30201   | 办公费",
            "30201-办公费         | 30201   | 办公费",
            "30201—办公费         | 30201   | 办公费",
            "30201 - 办公费       | 30201   | 办公费",
            "30201：办公费        | 30201   | 办公费",
            "`30201|办公费`       | 30201   | 办公费",
            "30201_办公费         | 30201   | 办公费",
            "30201、办公费        | 30201   | 办公费",
            "[30201]办公费        | 30201   | 办公费",
            "[30201] 办公费       | 30201   | 办公费",
            "［30201］办公费      | 30201   | 办公费",
            "【30201】办公费      | 30201   | 办公费",
            "(30201)办公费        | 30201   | 办公费",
            "（30201）办公费      | 30201   | 办公费",
            "〔30201〕办公费      | 30201   | 办公费",
            "30201\u3000办公费    | 30201   | 办公费",
            "30201                | 30201   | ``",
            "30201.0              | 30201   | ``",
            "[30201]              | 30201   | ``",
            "３０２０１办公费     | 30201   | 办公费",
            "2130101 行政运行     | 2130101 | 行政运行",
            "0123 其他支出        | 0123    | 其他支出",
            "办公费               | ``      | 办公费",
            "[办公]费             | ``      | [办公]费",
            "[30201               | ``      | [30201",
            "[]办公费             | ``      | []办公费",
            "（一）办公费         | ``      | (一)办公费",
            "30201 办公费 \u3000  | 30201   | 办公费",
            "``                   | ``      | ``",
    })
    void splitsCodeAndName(String raw, String code, String name) {
        assertEquals(new CodeAndName(code, name), Codes.splitCodeAndName(raw));
    }

    /** Splits are remembered for short texts only (TextMemoTest); a long one is split right each time. */
    @org.junit.jupiter.api.Test
    void aLongClassificationIsSplitRightEveryTime() {
        String name = "其他商品和服务支出".repeat(20);
        for (int pass = 0; pass < 2; pass++) {
            assertEquals(new CodeAndName("30299", name), Codes.splitCodeAndName("30299 " + name));
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "2024006 补充耕地问题整改      | 2024006    | 补充耕地问题整改",
            "2024006　补充耕地问题整改     | 2024006    | 补充耕地问题整改",
            "[2024006]补充耕地问题整改     | 2024006    | 补充耕地问题整改",
            "【901001】某某局              | 901001     | 某某局",
            "ZX2024-001 土地整理           | ZX2024-001 | 土地整理",
            "2024004补充耕地               | 2024004    | 补充耕地",
            "2024002-不动产登记            | 2024002    | 不动产登记",
    })
    void findsACodeWrittenWithItsName(String code, String expectedCode, String name) {
        assertEquals(new CodeAndName(expectedCode, name), Codes.labelledCode(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024006", "ZX2024-001", "渌国土2024-01 项目", "P 001", "ABC 项目", "2024006 Project",
            "2024年项目01", "[甲]项目", "2024006 ", "(1)办公经费", "0012 收", "12 办公费", "12办公费", "2024-001补充耕地",
            "2024年度项目"})
    void leavesOtherCodesWhole(String code) {
        org.junit.jupiter.api.Assertions.assertNull(Codes.labelledCode(code));
    }

    @org.junit.jupiter.api.Test
    void splitsNullIntoEmptyParts() {
        assertEquals(new CodeAndName("", ""), Codes.splitCodeAndName(null));
    }
}
