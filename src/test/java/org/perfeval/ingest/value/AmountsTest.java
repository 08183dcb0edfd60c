package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    /** Asserts value and scale: BigDecimal.equals would pass 0.0 for 0.00 only by accident. */
    private static void assertYuan(String expected, BigDecimal actual) {
        assertEquals(expected, actual.toPlainString());
        assertEquals(2, actual.scale());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" in {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "1929.17            | YUAN      | 1929.17",
            "1,929.17           | YUAN      | 1929.17",
            "1，929.17          | YUAN      | 1929.17",
            "1,234,567.89       | YUAN      | 1234567.89",
            "123,456            | YUAN      | 123456.00",
            "1929               | YUAN      | 1929.00",
            "007.5              | YUAN      | 7.50",
            ".5                 | YUAN      | 0.50",
            "5.                 | YUAN      | 5.00",
            "+5                 | YUAN      | 5.00",
            "-14.42             | YUAN      | -14.42",
            "−14.42             | YUAN      | -14.42",
            "(14.42)            | YUAN      | -14.42",
            "（14.42）          | YUAN      | -14.42",
            "( 14.42 )          | YUAN      | -14.42",
            "(1,929.17)         | YUAN      | -1929.17",
            "１９２９．１７     | YUAN      | 1929.17",
            "－１４．４２       | YUAN      | -14.42",
            "１，９２９．１７   | YUAN      | 1929.17",
            "＋５               | YUAN      | 5.00",
            "¥1,929.17          | YUAN      | 1929.17",
            "￥1929.17          | YUAN      | 1929.17",
            "¥ 12               | YUAN      | 12.00",
            "-¥14.42            | YUAN      | -14.42",
            "¥-14.42            | YUAN      | -14.42",
            "(¥14.42)           | YUAN      | -14.42",
            "1929.17万元        | YUAN      | 19291700.00",
            "1929.17 万元       | YUAN      | 19291700.00",
            "12元               | WAN_YUAN  | 12.00",
            "12                 | WAN_YUAN  | 120000.00",
            "1.5                | QIAN_YUAN | 1500.00",
            "2亿元              | YUAN      | 200000000.00",
            "3千元              | YUAN      | 3000.00",
            "(1.5万元)          | YUAN      | -15000.00",
            "(1.5)万元          | YUAN      | -15000.00",
            "-1.5万元           | YUAN      | -15000.00",
            "１．５万元         | YUAN      | 15000.00",
            "1.234567万元       | YUAN      | 12345.67",
            "1.234567           | WAN_YUAN  | 12345.67",
            "0.000001           | WAN_YUAN  | 0.01",
            "0.0000005          | WAN_YUAN  | 0.01",
            "0.0000004          | WAN_YUAN  | 0.00",
            "1.005              | YUAN      | 1.01",
            "1.004              | YUAN      | 1.00",
            "1.0049999          | YUAN      | 1.00",
            "2.675              | YUAN      | 2.68",
            "-1.005             | YUAN      | -1.01",
            "(1.005)            | YUAN      | -1.01",
            "1.2345675          | WAN_YUAN  | 12345.68",
            "999999999999999.99 | YUAN      | 999999999999999.99",
            "-999999999999999.99| YUAN      | -999999999999999.99",
            "99999999999.999999 | WAN_YUAN  | 999999999999999.99",
            "9999999.9999999999 | YI_YUAN   | 999999999999999.99",
    })
    void readsAcceptedForms(String raw, MoneyUnit unit, String expected) throws ValueException {
        assertYuan(expected, Amounts.parse(raw, unit));
    }

    @Test
    void toleratesSurroundingSpacesOfEveryKind() throws ValueException {
        assertYuan("1929.17", Amounts.parse("\u3000 1,929.17 \u00A0"));
        assertYuan("12.00", Amounts.parse("\t12\r\n"));
        assertYuan("-14.42", Amounts.parse("\u00A0(14.42)\u3000"));
        assertYuan("-14.42", Amounts.parse(" - 14.42 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000", "\u00A0", "-", "—", "－", "–", "——", " - ", "--"})
    void emptyAndDashesAreZero(String raw) throws ValueException {
        assertYuan("0.00", Amounts.parse(raw, MoneyUnit.WAN_YUAN));
    }

    @Test
    void nullIsZero() throws ValueException {
        assertSame(Amounts.ZERO, Amounts.parse(null));
        assertYuan("0.00", Amounts.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "-0.00", "(0)", "（0.00）", "-0.001", "(0.004)", "-0.00000001万元", "－０"})
    void negativeZeroIsZero(String raw) throws ValueException {
        BigDecimal value = Amounts.parse(raw);
        assertYuan("0.00", value);
        assertEquals(0, value.signum());
        assertEquals(Amounts.ZERO, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.2.3", "1..2", "1929.17.", "¥", "+", "(", "()", "（）", "(14.42", "14.42)",
            "(-14.42)", "-(14.42)", "+-5", "--5", "-¥-5", "14.42-", "1 000", "1929.17美元", "万元", "1,5",
            "12,34", ",123", "1,2345", "1234,567", "1,929.17,5", "1,,929", "1,929,", "1,929.1,7", "0x1A",
            "一千", "N/A", "1929.17万元元", "¥¥5", "5¥", "1/2"})
    void rejectsWhatIsNotAnAmount(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Amounts.parse(raw));
        assertTrue(e.getMessage().contains("金额无法识别"), e::getMessage);
        assertTrue(e.getMessage().contains("Amount not readable"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @Test
    void unreadableMessageQuotesTheValueAndShowsAnExample() {
        ValueException e = assertThrows(ValueException.class, () -> Amounts.parse(" abc "));
        assertEquals("金额无法识别：“abc”。请填写数字，如 1,929.17。 Amount not readable: \"abc\"; write a number such as 1,929.17.",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", "1.5E+10", "-2.3e-4", "１ｅ５"})
    void rejectsExponentsWithAHint(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Amounts.parse(raw));
        assertTrue(e.getMessage().contains("科学计数法"), e::getMessage);
        assertTrue(e.getMessage().contains("scientific notation"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" in {1}")
    @CsvSource(delimiter = '|', value = {
            "1000000000000000         | YUAN",
            "-1000000000000000        | YUAN",
            "(1000000000000000)       | YUAN",
            "999999999999999.995      | YUAN",
            "100000000000             | WAN_YUAN",
            "100000000000万元         | YUAN",
            "99999999999.9999995      | WAN_YUAN",
            "10000000                 | YI_YUAN",
            "1000000000000            | QIAN_YUAN",
            "123456789012345678901234 | YUAN",
    })
    void rejectsAmountsOf10To15YuanOrMore(String raw, MoneyUnit unit) {
        ValueException e = assertThrows(ValueException.class, () -> Amounts.parse(raw, unit));
        assertTrue(e.getMessage().contains("金额过大"), e::getMessage);
        assertTrue(e.getMessage().contains("too large"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @Test
    void rejectsAThousandDigitNumberQuicklyAndQuotesItShort() {
        String huge = "9".repeat(1000);
        ValueException e = assertThrows(ValueException.class, () -> Amounts.parse(huge));
        assertTrue(e.getMessage().length() < 300, e::getMessage);
    }

    @Test
    void leadingZerosDoNotCountTowardsTheLimit() throws ValueException {
        assertYuan("12.00", Amounts.parse("0000000000000000000000012"));
    }

    @Test
    void requiresAColumnUnit() {
        assertThrows(NullPointerException.class, () -> Amounts.parse("1", null));
    }
}
