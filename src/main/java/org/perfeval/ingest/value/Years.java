package org.perfeval.ingest.value;

import java.util.List;
import java.util.OptionalInt;

/** Reads fiscal years from a 年度 column, a title row or a file name. */
public final class Years {

    public static final int MIN = 1990;
    public static final int MAX = 2100;

    private Years() {
    }

    /**
     * A year cell: four digits, optionally followed by {@code .0…} (Excel numeric artefact) and
     * then optionally by 年 or 年度, e.g. {@code 2024}, {@code 2024.0}, {@code 2024年}, {@code 2024年度}.
     * Full-width digits are accepted. The year must be within {@value #MIN}..{@value #MAX}.
     */
    public static int parse(String raw) throws ValueException {
        String s = Text.strip(raw);
        if (s.isEmpty()) {
            throw new ValueException("年度为空。请填写四位年份，如 2024。", "Year is empty; write a four-digit year such as 2024.");
        }
        int end = s.length();
        if (s.endsWith("年度")) {
            end -= 2;
        } else if (s.endsWith("年")) {
            end -= 1;
        }
        end = Text.trimEnd(s, 0, end);
        int year = 0;
        int k = 0;
        for (; k < end && k < 4; k++) {
            int d = Text.digit(s.charAt(k));
            if (d < 0) {
                throw unreadable(raw);
            }
            year = year * 10 + d;
        }
        if (k < 4 || (end > 4 && !isZeroFraction(s, 4, end))) {
            throw unreadable(raw);
        }
        if (year < MIN || year > MAX) {
            throw new ValueException(
                    "年度超出范围：“" + Text.shown(raw) + "”，应在 " + MIN + " 至 " + MAX + " 之间。",
                    "Year out of range: \"" + Text.shown(raw) + "\" must be between " + MIN + " and " + MAX + ".");
        }
        return year;
    }

    /**
     * The year of a title such as {@code 2024年度项目支出明细表}: four digits, not part of a longer
     * number, followed by 年. A {@code YYYY年度} wins over an earlier plain {@code YYYY年}, because a
     * title may also carry a compilation date ({@code 2025年3月编制 2024年度决算}); a date after a label
     * such as {@code 打印日期：} or {@code 制表时间} is when the table was made, never its year.
     */
    public static OptionalInt fromTitle(String title) {
        if (title == null) {
            return OptionalInt.empty();
        }
        int firstPlain = -1;
        for (int k = 0; (k = nextFourDigits(title, k)) >= 0; k += 4) {
            int after = Text.skipSpaces(title, k + 4, title.length());
            if (after < title.length() && title.charAt(after) == '年' && !afterDateLabel(title, k)) {
                int year = fourDigits(title, k);
                if (year >= MIN && year <= MAX) {
                    if (title.startsWith("度", after + 1)) {
                        return OptionalInt.of(year);
                    }
                    if (firstPlain < 0) {
                        firstPlain = year;
                    }
                }
            }
        }
        return firstPlain < 0 ? OptionalInt.empty() : OptionalInt.of(firstPlain);
    }

    /**
     * Whether the text before {@code at} is a label of when the table was made, a colon and spaces aside
     * ({@code 打印日期：2025年1月10日}, {@code 制表时间 2025年1月3日}); a 截止日期 or 统计时间 is the data's own period.
     */
    private static boolean afterDateLabel(String title, int at) {
        int end = at;
        // isWhitespace covers the full-width space too
        while (end > 0 && (Character.isWhitespace(title.charAt(end - 1)) || title.charAt(end - 1) == '：'
                || title.charAt(end - 1) == ':')) {
            end--;
        }
        String before = title.substring(0, end);
        return MADE_LABELS.stream().anyMatch(label -> before.endsWith(label + "日期") || before.endsWith(label + "时间"));
    }

    private static final List<String> MADE_LABELS = List.of("打印", "制表", "编制", "填报", "导出", "生成");

    /**
     * The year in a file name such as {@code ledger_2024_q1.csv}: the first {@code 20xx} not part of a
     * longer number (so {@code 20240305} gives none).
     */
    public static OptionalInt fromFileName(String fileName) {
        if (fileName == null) {
            return OptionalInt.empty();
        }
        for (int k = 0; (k = nextFourDigits(fileName, k)) >= 0; k += 4) {
            int year = fourDigits(fileName, k);
            if (year >= 2000 && year <= 2099) {
                return OptionalInt.of(year);
            }
        }
        return OptionalInt.empty();
    }

    /** Start of the next run of exactly four digits at or after {@code from}, or -1. */
    private static int nextFourDigits(String s, int from) {
        int k = from;
        while (k < s.length()) {
            if (Text.digit(s.charAt(k)) < 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < s.length() && Text.digit(s.charAt(k)) >= 0) {
                k++;
            }
            if (k - start == 4) {
                return start;
            }
        }
        return -1;
    }

    private static int fourDigits(String s, int from) {
        int value = 0;
        for (int k = from; k < from + 4; k++) {
            value = value * 10 + Text.digit(s.charAt(k));
        }
        return value;
    }

    private static boolean isZeroFraction(String s, int from, int to) {
        if (Text.halfWidth(s.charAt(from)) != '.' || from + 1 == to) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            if (Text.digit(s.charAt(k)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static ValueException unreadable(String raw) {
        return new ValueException(
                "年度无法识别：“" + Text.shown(raw) + "”。请填写四位年份，如 2024。",
                "Year not readable: \"" + Text.shown(raw) + "\"; write a four-digit year such as 2024.");
    }
}
