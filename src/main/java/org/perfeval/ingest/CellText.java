package org.perfeval.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Small judgements on raw cell text shared by header detection and row extraction. */
final class CellText {

    private CellText() {
    }

    /** Digits with separators only: an amount, a code or a date, never a label. */
    static boolean looksNumeric(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (",.-/()（）%+ ，．－:".indexOf(c) < 0) {
                return false;
            }
        }
        return digits > 0;
    }

    /** The period totals of an account book (明细账): each covers the rows since the previous total, as a 小计 does. */
    private static final List<String> PERIOD_TOTALS = List.of("本月合计", "本月小计", "本期合计", "本季合计", "本季度合计",
            "本页合计");
    /** The running totals of an account book: each covers every row above it. */
    private static final List<String> RUNNING_TOTALS = List.of("本年累计", "本期累计");

    /** The first characters of every total label above and of 合计, 总计, 小计, Total: most rows stop there. */
    private static final String TOTAL_FIRST_CHARS = "本小合总Tt";
    /**
     * The balance lines of an account book: the balance brought forward (期初余额, 上年结转, 承前页) or carried on
     * (过次页, 期末余额). They are neither spending nor a total of the rows above. Matched whole: a 摘要 such as
     * 上年结转资金支付工程款 is a spending line.
     */
    private static final Set<String> BALANCE_LINES = Set.of("期初余额", "年初余额", "上年结转", "上月结转", "承前页",
            "过次页", "期末余额");
    private static final String BALANCE_FIRST_CHARS = "期年上承过";

    /**
     * The kind of total row (合计, 总计, 小计, Total, and an account book's 本月合计 and 本年累计) a row is, judged by its
     * first text cell; null for none.
     */
    static TotalKind totalKind(List<String> cells) {
        String s = firstLabel(cells, TOTAL_FIRST_CHARS);
        if (s == null) {
            return null;
        }
        if (s.startsWith("小计") || PERIOD_TOTALS.stream().anyMatch(s::startsWith)) {
            return TotalKind.SUBTOTAL;
        }
        if (RUNNING_TOTALS.stream().anyMatch(s::startsWith)) {
            return TotalKind.RUNNING;
        }
        if (s.startsWith("合计") || s.startsWith("总计") || s.toLowerCase(Locale.ROOT).startsWith("total")) {
            return TotalKind.TOTAL;
        }
        return null;
    }

    /** Whether the row is an account book's balance line ({@link #BALANCE_LINES}), judged by its first text cell. */
    static boolean isBalanceLine(List<String> cells) {
        String label = firstLabel(cells, BALANCE_FIRST_CHARS);
        return label != null && BALANCE_LINES.contains(label);
    }

    /** Whether the text (a 摘要, say) names a balance line ({@link #BALANCE_LINES}); null is no text. */
    static boolean isBalanceLabel(String text) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        if (s.isEmpty() || BALANCE_FIRST_CHARS.indexOf(s.charAt(0)) < 0) {
            return false;
        }
        return BALANCE_LINES.contains(s.replace(" ", "").replace("\u3000", ""));
    }

    /**
     * The row's first text that is not a number, code or date, without its spaces, when it starts with one of
     * {@code firstChars}; null otherwise.
     */
    private static String firstLabel(List<String> cells, String firstChars) {
        for (String cell : cells) {
            String s = cell.strip();
            if (s.isEmpty() || looksNumeric(s)) {
                continue;
            }
            return firstChars.indexOf(s.charAt(0)) < 0 ? null : s.replace(" ", "").replace("\u3000", "");
        }
        return null;
    }

    /**
     * Labels that open the lines under an official form: signatures (制表人：…, 单位负责人：…), the date it was made
     * (填报日期：…), telephone numbers and remarks (注：…, 说明：…). A footer cell also holds a colon.
     */
    private static final List<String> FOOTER_LABELS = List.of("制表", "填表", "填报", "编制人", "审核", "复核", "审批",
            "负责人", "单位负责人", "财务负责人", "分管领导", "主管", "会计主管", "经办", "联系人", "联系电话", "电话", "日期",
            "注", "说明", "备注");
    /** The first characters of those labels: a data row's first cell rarely starts with one, so most rows stop there. */
    private static final String FOOTER_FIRST_CHARS = FOOTER_LABELS.stream().map(l -> l.substring(0, 1)).distinct()
            .reduce("", String::concat);

    /**
     * Whether each non-empty cell of the row opens with a footer label ({@link #FOOTER_LABELS}) and holds a colon
     * (制表人：王五): a line under the form, not data. A data row always has a code or an amount, which no label
     * starts; a 摘要 such as 电话费 has no colon.
     */
    static boolean isFormFooter(List<String> cells) {
        return everyFilledCell(cells, s -> FOOTER_FIRST_CHARS.indexOf(s.charAt(0)) >= 0
                && FOOTER_LABELS.stream().anyMatch(s::startsWith) && (s.indexOf('：') > 0 || s.indexOf(':') > 0));
    }

    /**
     * Whether the row numbers the columns, as official forms do under their header (栏次): {@code 1 2 3 4 5}, or
     * {@code 甲 乙 丙 1 2 3} with the label columns lettered. At least three numbers, 1, 2, 3 … in order; any other
     * cell is a 栏次/行次 label or a 甲乙丙 letter. A data row has codes, names or amounts that are not such a count.
     */
    static boolean isColumnNumbers(List<String> cells) {
        int next = 1;
        for (String cell : cells) {
            String s = withoutSpacesAndFullWidthDigits(cell);
            if (s.isEmpty() || COLUMN_LETTERS.indexOf(s) >= 0 && s.length() == 1 || COLUMN_NUMBER_LABELS.contains(s)) {
                continue;
            }
            if (!s.equals(Integer.toString(next))) {
                return false;
            }
            next++;
        }
        return next > 3;
    }

    /** {@code 栏 次} and {@code １} as forms typed in a Chinese input method often have them. */
    private static String withoutSpacesAndFullWidthDigits(String cell) {
        StringBuilder s = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '０' && c <= '９') {
                s.append((char) (c - '０' + '0'));
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static final String COLUMN_LETTERS = "甲乙丙丁戊己庚辛壬癸";
    private static final Set<String> COLUMN_NUMBER_LABELS = Set.of("栏次", "行次", "栏号", "序号");

    /** Whether the row has text, and each of its non-empty cells, stripped, passes the test. */
    static boolean everyFilledCell(List<String> cells, Predicate<String> test) {
        boolean filled = false;
        for (String cell : cells) {
            String s = cell.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!test.test(s)) {
                return false;
            }
            filled = true;
        }
        return filled;
    }

    /**
     * Whether two rows hold the same text cell for cell, ignoring the spaces around a cell and empty cells at the end.
     * The first cells are compared first: that settles a data row against a header row at once.
     */
    static boolean sameCells(List<String> a, List<String> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = i < a.size() ? a.get(i).strip() : "";
            String y = i < b.size() ? b.get(i).strip() : "";
            if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kinds of total row: a 小计 covers the rows since the previous one, a running total (本年累计) every row so
     * far, a 合计 every row of the table.
     */
    enum TotalKind { SUBTOTAL, RUNNING, TOTAL }
}
