package org.perfeval.scoring;

import java.util.List;

/**
 * A number written in Chinese numerals at the start of a target or actual, or right after its comparator
 * ({@code 不少于两场}, {@code ≥十万人次}, {@code 三场}, {@code 不低于百分之九十五}), turned into digits
 * ({@code 不少于2场}, {@code ≥10万人次}, {@code 3场}, {@code 不低于95%}) so that it is compared as a number instead of
 * being taken for a 定性 text. 万 and 亿 stay as units. Only these positions are read, only before a measure word
 * (场, 个, 人次, 亩 …) or a percent sign or at the end, and a text with digits of its own is left as it is: 一般,
 * 十分满意, 一级, 一站式, 零事故 and 三公经费 keep their meaning.
 */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String PERCENT = "百分之";
    /** The measure words a count is written with: 两场, 三个, 十万人次, 五百亩, 两千元, 三天. */
    private static final String MEASURE_WORDS = "场次个人户家项件台套所座条处份篇期批名位天日月年周亩吨元米本册张宗起株棵只头辆艘栋间校村镇班门类轮";
    /** Words that start with a measure word but are no count: 一次性, 一条龙, 一门式, 一件事. */
    private static final List<String> NOT_A_MEASURE = List.of("次性", "条龙", "门式", "件事", "体化", "类似");
    /** The longest unit after a number without a comparator: 个工作日, 万人次. */
    private static final int MAX_UNIT = 4;

    private ChineseNumerals() {
    }

    /**
     * @param compact     the text in its compact form (no spaces, full-width as ASCII)
     * @param comparators the comparator spellings, compact
     * @param suffixes    the suffixes that state a direction ({@code 以内}), compact
     */
    static String withDigits(String compact, List<String> comparators, List<String> suffixes) {
        for (int i = 0; i < compact.length(); i++) {
            if (Character.isDigit(compact.charAt(i))) {
                return compact;
            }
        }
        for (String comparator : comparators) {
            if (!comparator.isEmpty() && compact.startsWith(comparator)) {
                String converted = convertAt(compact, comparator.length());
                if (converted != null) {
                    return converted;
                }
            }
        }
        String converted = convertAt(compact, 0);
        return converted != null && isNumberAndUnit(converted, suffixes) ? converted : compact;
    }

    /**
     * Without a comparator only a number and a short unit is taken ({@code 三场}, {@code 两千亩}, {@code 三个工作日内}):
     * {@code 三公经费只减不增} is a 定性 text that starts with a numeral.
     */
    private static boolean isNumberAndUnit(String converted, List<String> suffixes) {
        int end = 0;
        while (end < converted.length() && (Character.isDigit(converted.charAt(end)) || converted.charAt(end) == '%')) {
            end++;
        }
        String unit = converted.substring(end);
        for (String suffix : suffixes) {
            if (!suffix.isEmpty() && unit.endsWith(suffix)) {
                unit = unit.substring(0, unit.length() - suffix.length());
                break;
            }
        }
        return unit.length() <= MAX_UNIT;
    }

    private static String convertAt(String s, int start) {
        boolean percent = s.startsWith(PERCENT, start);
        int from = percent ? start + PERCENT.length() : start;
        int end = numeralsEnd(s, from);
        if (end == from || s.substring(from, end).chars().allMatch(c -> c == '零' || c == '〇')) {
            return null; // 零事故 is a 定性 aim, not a count of 0
        }
        Integer value = value(s.substring(from, end));
        if (value == null) {
            return null;
        }
        long number = value;
        int rest = end;
        // 一万五千: the numerals after 万 count in ones; 十万 alone keeps 万 as its unit
        int tailEnd = end < s.length() && s.charAt(end) == '万' ? numeralsEnd(s, end + 1) : end;
        if (tailEnd > end + 1) {
            Integer tail = value(s.substring(end + 1, tailEnd));
            if (tail != null) {
                number = value * 10_000L + tail;
                rest = tailEnd;
            }
        }
        if (!isMeasured(s.substring(rest))) {
            return null;
        }
        return s.substring(0, start) + number + (percent ? "%" : "") + s.substring(rest);
    }

    private static int numeralsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isNumeral(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** What follows a number: nothing, a percent sign, or a measure word (万 and 亿 before one). */
    private static boolean isMeasured(String rest) {
        String unit = rest.startsWith("万") || rest.startsWith("亿") ? rest.substring(1) : rest;
        if (unit.isEmpty() || unit.startsWith("%")) {
            return true;
        }
        for (String word : NOT_A_MEASURE) {
            if (unit.startsWith(word)) {
                return false;
            }
        }
        return MEASURE_WORDS.indexOf(unit.charAt(0)) >= 0 || unit.startsWith("平方") || unit.startsWith("公里")
                || unit.startsWith("公顷") || unit.startsWith("千米") || unit.startsWith("工作日") || unit.startsWith("小时");
    }

    private static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '〇' || c == '两' || c == '十' || c == '百' || c == '千';
    }

    /**
     * 两 = 2, 十二 = 12, 二十 = 20, 一百零五 = 105, 三千 = 3000, 一〇五 = 105 (digit by digit), 三千五 = 3500 and
     * 一百二 = 120 (the unit below understood); null for a run that is no number (两两十, 十十).
     */
    private static Integer value(String numerals) {
        // 一〇五 digit by digit; 三四场 and 两三个 are a rough count, no number
        if (numerals.length() > 1 && numerals.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
            if (numerals.chars().noneMatch(c -> c == '〇' || c == '零') || numerals.indexOf('两') >= 0) {
                return null;
            }
            int value = 0;
            for (int i = 0; i < numerals.length(); i++) {
                char c = numerals.charAt(i);
                value = value * 10 + (c == '〇' || c == '零' ? 0 : c == '两' ? 2 : DIGITS.indexOf(c));
            }
            return value;
        }
        int n = numerals.length();
        if (n >= 3 && DIGITS.indexOf(numerals.charAt(n - 1)) > 0 && (numerals.charAt(n - 2) == '百'
                || numerals.charAt(n - 2) == '千')) {
            Integer head = value(numerals.substring(0, n - 1));
            int unit = numerals.charAt(n - 2) == '百' ? 10 : 100;
            return head == null ? null : head + DIGITS.indexOf(numerals.charAt(n - 1)) * unit;
        }
        int total = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        for (int i = 0; i < numerals.length(); i++) {
            char c = numerals.charAt(i);
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (unit > 0) {
                if (unit >= lastUnit) {
                    return null;
                }
                total += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
                lastUnit = unit;
            } else if (c == '零' || c == '〇') {
                digit = -1;
            } else {
                if (digit >= 0) {
                    return null; // two digits without a unit between them
                }
                digit = c == '两' ? 2 : DIGITS.indexOf(c);
            }
        }
        return digit >= 0 ? total + digit : total > 0 || numerals.indexOf('零') >= 0 ? total : null;
    }
}
