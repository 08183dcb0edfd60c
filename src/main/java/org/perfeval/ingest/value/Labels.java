package org.perfeval.ingest.value;

import java.util.Optional;

/** Header cells and title rows: what a column is called and what unit a table states. */
public final class Labels {

    private static final String UNIT_WORD = "单位";
    private static final String CURRENCY_WORD = "人民币";

    private Labels() {
    }

    /**
     * The label a header cell is matched by: all spaces removed (also inside: exported headers wrap
     * onto several lines), full-width characters made ASCII, ASCII letters lower-cased, required-field
     * markers {@code *}/{@code ＊} removed from both ends, and a trailing unit in brackets —
     * {@code （万元）}, {@code (元)}, {@code 【万元】}, {@code [元]}, also {@code （单位：万元）} — removed
     * and returned as the unit. A bracketed suffix that is not a unit ({@code 金额(含税)}) stays part of
     * the label. Aliases from a layout must go through this method too before comparing.
     */
    public static HeaderLabel normalizeHeader(String raw) {
        String s = stripStars(Text.compact(raw));
        int last = s.length() - 1;
        if (last > 0) {
            char opening = openingBracket(s.charAt(last));
            int open = opening == 0 ? -1 : s.lastIndexOf(opening, last - 1);
            if (open >= 0) {
                Optional<MoneyUnit> unit = bracketedUnit(s.substring(open + 1, last));
                if (unit.isPresent()) {
                    return new HeaderLabel(stripStars(s.substring(0, open)), unit);
                }
            }
        }
        return new HeaderLabel(s, Optional.empty());
    }

    /** How long a unit before a list separator may be: 人, 个, 人次, 平方米, 万平方米, 平方公里. */
    private static final int MAX_LISTED_UNIT = 4;

    /**
     * The unit a title row states: {@code 单位：万元}, {@code 金额单位：元}, {@code 单位:万元},
     * {@code （单位：万元）}, {@code 单位：人民币元}, also among other text ({@code 编制单位：某局  单位：万元}).
     * The colon is required, so a unit's name such as {@code 预算单位元数据} is not mistaken for one.
     */
    public static Optional<MoneyUnit> unitInTitle(String titleCell) {
        String s = Text.compact(titleCell);
        for (int k = s.indexOf(UNIT_WORD); k >= 0; k = s.indexOf(UNIT_WORD, k + UNIT_WORD.length())) {
            int p = k + UNIT_WORD.length();
            if (p < s.length() && s.charAt(p) == ':') {
                p++;
                if (s.startsWith(CURRENCY_WORD, p)) {
                    p += CURRENCY_WORD.length();
                }
                MoneyUnit unit = MoneyUnit.startingAt(s, p);
                // 单位：人、万元: a list of units (a profile's headcounts and amounts), the money unit among them
                for (int q = nextUnitInList(s, p); unit == null && q > 0; q = nextUnitInList(s, q)) {
                    unit = MoneyUnit.startingAt(s, q);
                }
                if (unit != null) {
                    return Optional.of(unit);
                }
            }
        }
        return Optional.empty();
    }

    /** Where the next unit of a list such as {@code 人、个、万元} starts after a short one at {@code from}; -1 if none. */
    private static int nextUnitInList(String s, int from) {
        for (int i = from; i < Math.min(s.length(), from + MAX_LISTED_UNIT + 1); i++) {
            if ("、,，/／;；".indexOf(s.charAt(i)) >= 0) {
                return i > from ? i + 1 : -1;
            }
        }
        return -1;
    }

    /** The unit inside a header's brackets: {@code 万元}, {@code 单位:万元}, {@code 金额单位:人民币元} … */
    private static Optional<MoneyUnit> bracketedUnit(String inner) {
        int colon = inner.indexOf(':');
        if (colon >= 0 && inner.startsWith(UNIT_WORD, colon - UNIT_WORD.length())) {
            inner = inner.substring(colon + 1);
        }
        if (inner.startsWith(CURRENCY_WORD)) {
            inner = inner.substring(CURRENCY_WORD.length());
        }
        return MoneyUnit.fromLabel(inner);
    }

    private static String stripStars(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '*') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '*') {
            end--;
        }
        return s.substring(start, end);
    }

    /** Brackets after {@link Text#compact}: full-width （） and ［］ are already ASCII. */
    private static char openingBracket(char closing) {
        return switch (closing) {
            case ')' -> '(';
            case ']' -> '[';
            case '】' -> '【';
            case '〕' -> '〔';
            default -> 0;
        };
    }
}
