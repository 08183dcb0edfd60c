package org.perfeval.scoring;

import java.util.List;

/**
 * A number written in Chinese numerals at the start of a target or actual, or right after its comparator
 * ({@code 不少于两场}, {@code ≥十万人次}, {@code 三场}, {@code 不低于百分之九十五}), turned into digits
 * ({@code 不少于2场}, {@code ≥10万人次}, {@code 3场}, {@code 不低于95%}) so that it is compared as a number instead of
 * being taken for a 定性 text. 万 and 亿 stay as units. Only these positions are read, and a text with digits of its
 * own is left as it is, so that words such as 一般, 一致 or 三公经费 elsewhere in a text keep their meaning.
 */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String PERCENT = "百分之";
    /** Words that start with a numeral but are not numbers: 一般, 一致, 一定, 一些, 一样, 一直. */
    private static final String NOT_A_NUMBER_AFTER = "般致定些样直";
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
        int end = from;
        while (end < s.length() && isNumeral(s.charAt(end))) {
            end++;
        }
        if (end == from || end < s.length() && NOT_A_NUMBER_AFTER.indexOf(s.charAt(end)) >= 0) {
            return null;
        }
        Integer value = value(s.substring(from, end));
        if (value == null) {
            return null;
        }
        return s.substring(0, start) + value + (percent ? "%" : "") + s.substring(end);
    }

    private static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '〇' || c == '两' || c == '十' || c == '百' || c == '千';
    }

    /** 两 = 2, 十二 = 12, 二十 = 20, 一百零五 = 105, 三千 = 3000; null for a run that is no number (两两, 十十). */
    private static Integer value(String numerals) {
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
