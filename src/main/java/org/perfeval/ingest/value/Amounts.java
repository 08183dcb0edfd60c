package org.perfeval.ingest.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Reads money amounts as finance systems and people write them, into exact yuan.
 *
 * <p>Accepted, with surrounding spaces (also U+3000 and NBSP) and full-width characters anywhere:
 * <ul>
 *   <li>{@code 1929.17}, {@code 1,929.17}, {@code 1，929.17}, {@code .5}, {@code 5.}, {@code +5};
 *       a thousands separator must separate groups of exactly three digits before the point, so
 *       {@code 1,5} (1.5 in some locales) is rejected rather than read as 15;</li>
 *   <li>negative as {@code -14.42}, {@code −14.42}, {@code (14.42)} or {@code （14.42）};</li>
 *   <li>a {@code ¥}/{@code ￥} before the digits (after a sign or opening bracket too);</li>
 *   <li>a unit after the digits, inside or outside the brackets ({@code 1929.17万元}, {@code 12元}):
 *       it overrides the column's unit;</li>
 *   <li>empty, blank, or only dashes ({@code -}, {@code —}, {@code －}, {@code –}, {@code ——}): zero.</li>
 * </ul>
 * Rejected with a {@link ValueException}: any other text, a second point or sign, exponents such as
 * {@code 1e5} or {@code 1.2E+10} (Excel shows these when a column is too narrow or a number too long,
 * and the digits behind them may be lost, so the message asks for the cell to be formatted as a
 * number), and amounts of 10^15 yuan or more after unit scaling (always a unit or digit slip).
 *
 * <p>The result is in yuan with scale exactly 2, rounded {@link RoundingMode#HALF_UP} after unit
 * scaling (so {@code 1.234567万元} is exactly 12345.67). There is no negative zero.
 */
public final class Amounts {

    /** Zero yuan with scale 2; BigDecimal is immutable, so one instance serves every empty cell. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private static final int MAX_INTEGER_DIGITS = 15;
    private static final BigDecimal LIMIT = BigDecimal.ONE.scaleByPowerOfTen(MAX_INTEGER_DIGITS);

    private Amounts() {
    }

    /** {@link #parse(String, MoneyUnit)} for a column in yuan. */
    public static BigDecimal parse(String raw) throws ValueException {
        return parse(raw, MoneyUnit.YUAN);
    }

    /**
     * @param raw        the cell text; null is treated as empty
     * @param columnUnit the unit from the column header, title row or layout; a unit in the value wins
     */
    public static BigDecimal parse(String raw, MoneyUnit columnUnit) throws ValueException {
        Objects.requireNonNull(columnUnit, "columnUnit");
        if (raw == null) {
            return ZERO;
        }
        int i = Text.skipSpaces(raw, 0, raw.length());
        int e = Text.trimEnd(raw, i, raw.length());
        if (onlyDashes(raw, i, e)) { // also true for a blank cell
            return ZERO;
        }

        boolean negative = false;
        boolean bracketed = false;
        boolean signed = false;
        char c = Text.halfWidth(raw.charAt(i));
        if (c == '(') {
            bracketed = true;
            i = Text.skipSpaces(raw, i + 1, e);
        } else if (isSign(c)) {
            signed = true;
            negative = c != '+';
            i = Text.skipSpaces(raw, i + 1, e);
        }
        if (i < e && isCurrency(raw.charAt(i))) {
            i = Text.skipSpaces(raw, i + 1, e);
            // "¥-14.42" as well as "-¥14.42"
            if (!bracketed && !signed && i < e && isSign(c = Text.halfWidth(raw.charAt(i)))) {
                negative = c != '+';
                i = Text.skipSpaces(raw, i + 1, e);
            }
        }

        MoneyUnit unit = MoneyUnit.endingAt(raw, i, e);
        if (unit != null) {
            e = Text.trimEnd(raw, i, e - unit.label().length());
        }
        if (bracketed) {
            if (e == i || Text.halfWidth(raw.charAt(e - 1)) != ')') {
                throw unreadable(raw);
            }
            e = Text.trimEnd(raw, i, e - 1);
            negative = true;
            if (unit == null && (unit = MoneyUnit.endingAt(raw, i, e)) != null) {
                e = Text.trimEnd(raw, i, e - unit.label().length());
            }
        }
        if (unit == null) {
            unit = columnUnit;
        }

        // Collect plain ASCII digits and the point; validate grouping on the way.
        char[] number = new char[e - i];
        int length = 0;
        int integerDigits = 0; // significant digits before the point, for the cheap size check
        int group = 0; // digits since the last thousands separator
        boolean point = false;
        boolean separated = false;
        boolean anyDigit = false;
        for (int k = i; k < e; k++) {
            char ch = Text.halfWidth(raw.charAt(k));
            if (ch >= '0' && ch <= '9') {
                if (!point) {
                    if (integerDigits > 0 || ch != '0') {
                        integerDigits++;
                    }
                    group++;
                }
                number[length++] = ch;
                anyDigit = true;
            } else if (ch == '.' && !point && (!separated || group == 3)) {
                point = true;
                number[length++] = '.';
            } else if (ch == ',' && !point && group > 0 && (separated ? group == 3 : group <= 3)) {
                separated = true;
                group = 0;
            } else if ((ch == 'e' || ch == 'E') && anyDigit) {
                throw new ValueException(
                        "金额不能使用科学计数法：“" + Text.shown(raw) + "”。请把单元格设为数值格式（不用科学计数）后重新导出。",
                        "Amount in scientific notation: \"" + Text.shown(raw)
                                + "\"; format the cell as a plain number and export again.");
            } else {
                throw unreadable(raw);
            }
        }
        if (!anyDigit || (separated && !point && group != 3)) {
            throw unreadable(raw);
        }
        if (integerDigits + unit.powerOfTen() > MAX_INTEGER_DIGITS) {
            throw tooLarge(raw);
        }

        BigDecimal yuan = new BigDecimal(number, 0, length)
                .movePointRight(unit.powerOfTen())
                .setScale(2, RoundingMode.HALF_UP);
        if (yuan.compareTo(LIMIT) >= 0) {
            throw tooLarge(raw);
        }
        return negative ? yuan.negate() : yuan;
    }

    private static boolean onlyDashes(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c != '-' && c != '\u2014' && c != '\uFF0D' && c != '\u2013') {
                return false;
            }
        }
        return true;
    }

    /** Called with a half-width character; U+2212 is the typographic minus sign. */
    private static boolean isSign(char c) {
        return c == '-' || c == '+' || c == '\u2212';
    }

    private static boolean isCurrency(char c) {
        return c == '¥' || c == '￥';
    }

    private static ValueException unreadable(String raw) {
        return new ValueException(
                "金额无法识别：“" + Text.shown(raw) + "”。请填写数字，如 1,929.17。",
                "Amount not readable: \"" + Text.shown(raw) + "\"; write a number such as 1,929.17.");
    }

    private static ValueException tooLarge(String raw) {
        return new ValueException(
                "金额过大：“" + Text.shown(raw) + "”，折合人民币须小于 10^15 元。请检查数字和金额单位。",
                "Amount too large: \"" + Text.shown(raw)
                        + "\" must be below 10^15 yuan; check the digits and the unit.");
    }
}
